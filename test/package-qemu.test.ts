// scripts/package-qemu.mjs turns Debian's qemu-user .debs into one reproducible tar.gz per QEMU
// target and host architecture, and src/qemu/builtin-manifest.json records their digests. These
// tests rebuild every archive (all targets, x64 and arm64: about 2 minutes on 2 cores, after a first
// download of the two .debs, 135 MB, into .cache/qemu-debs) and compare them with the manifest;
// build a subset a second time and compare bytes; and exercise --check.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { DEFAULT_MANIFEST } from '../src/qemu/builtin-manifest.js'
import type { ManifestFile } from '../src/qemu/manifest.js'
import { TARGETS } from '../src/platform/targets.js'

const SCRIPT = 'scripts/package-qemu.mjs'
const DEB_CACHE = '.cache/qemu-debs'
const DEBIAN_VERSION = '10.0.13+ds-0+deb13u1'
const DEB_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' }
const ELF_MACHINE: Record<string, number> = { x64: 62, arm64: 183 }
/** Built a second time to show that a build repeats itself byte for byte (i386 covers i486). */
const SECOND_BUILD = ['aarch64', 'i386', 'riscv64', 's390x']

const [release] = DEFAULT_MANIFEST
const archives = release.files.filter(f => f.format === 'tar.gz')
const debs = release.files.filter(f => f.format === 'deb')

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function script(args: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26
  })
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` }
}

function build(args: string[]): void {
  const { status, output } = script(args)
  if (status !== 0) throw new Error(`${SCRIPT} ${args.join(' ')} exited ${status}:\n${output}`)
}

function interpreterOf(file: ManifestFile): string {
  const interpreters = new Set(file.targets.map(t => TARGETS.get(t)?.interpreter))
  expect(interpreters.size).toBe(1)
  const [interpreter] = interpreters
  if (interpreter === undefined) throw new Error(`${file.filename}: unknown target`)
  return interpreter
}

test('the manifest is one stable release whose entries agree on name, arch and targets', () => {
  expect(DEFAULT_MANIFEST).toHaveLength(1)
  expect(release.version).toBe('10.0.13')
  expect(release.stable).toBe(true)
  expect(release.release_url).toBe(
    `https://metadata.ftp-master.debian.org/changelogs/main/q/qemu/qemu_${DEBIAN_VERSION}_changelog`
  )
  const names = release.files.map(f => f.filename)
  expect(new Set(names).size).toBe(names.length)
  for (const file of release.files) {
    expect(file.platform).toBe('linux')
    expect(Object.keys(DEB_ARCH)).toContain(file.arch)
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(Number.isInteger(file.size) && (file.size ?? 0) > 0).toBe(true)
  }

  expect(debs.map(d => d.arch)).toEqual(['x64', 'arm64'])
  for (const deb of debs) {
    const pool = `pool/main/q/qemu/qemu-user_${DEBIAN_VERSION}_${DEB_ARCH[deb.arch]}.deb`
    expect(deb.filename).toBe(`qemu-user_${DEBIAN_VERSION}_${DEB_ARCH[deb.arch]}.deb`)
    expect(deb.download_url).toBe(`https://deb.debian.org/debian/${pool}`)
    expect(deb.mirror_urls).toHaveLength(1)
    const [snapshot] = deb.mirror_urls ?? []
    expect(snapshot.slice(0, -pool.length - 1)).toMatch(
      /^https:\/\/snapshot\.debian\.org\/archive\/debian\/\d{8}T\d{6}Z$/
    )
    expect(snapshot.endsWith(`/${pool}`)).toBe(true)
    // This qemu-user ships every target of src/platform/targets.ts.
    expect(deb.targets).toEqual([...TARGETS.keys()])
  }

  for (const file of archives) {
    const interpreter = interpreterOf(file)
    expect(file.filename).toBe(`qemu-${interpreter}-${release.version}-linux-${file.arch}.tar.gz`)
    const sharing = [...TARGETS.values()].filter(t => t.interpreter === interpreter)
    expect(file.targets).toEqual(sharing.map(t => t.name))
    expect(file.download_url).toBe(
      `https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-${release.version}/${file.filename}`
    )
    expect(file.mirror_urls).toBeUndefined()
  }
  for (const deb of debs) {
    // Per architecture, the archives cover exactly the deb's targets, each once.
    const covered = archives.filter(f => f.arch === deb.arch).flatMap(f => f.targets)
    expect([...covered].sort()).toEqual([...deb.targets].sort())
  }
  expect(archives).toHaveLength(2 * new Set([...TARGETS.values()].map(t => t.interpreter)).size)
})

describe('a rebuild of every archive', () => {
  let first = ''
  const temps: string[] = []
  const temp = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    temps.push(dir)
    return dir
  }

  beforeAll(() => {
    first = temp('qemu-release-')
    build(['--out', first])
  }, 1_200_000)

  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true })
  })

  test('makes exactly the manifest files, with its digests and sizes', () => {
    expect(readdirSync(first).sort()).toEqual(archives.map(f => f.filename).sort())
    for (const file of archives) {
      const data = readFileSync(join(first, file.filename))
      expect({ name: file.filename, sha256: sha256(data), size: data.length }).toEqual({
        name: file.filename,
        sha256: file.sha256,
        size: file.size
      })
    }
  })

  test('uses the .debs of the manifest', () => {
    for (const deb of debs) {
      const data = readFileSync(join(DEB_CACHE, deb.filename))
      expect({ name: deb.filename, sha256: sha256(data), size: data.length }).toEqual({
        name: deb.filename,
        sha256: deb.sha256,
        size: deb.size
      })
    }
  })

  test('each archive holds one regular file qemu-<target>, 0755, root-owned, dated 0', () => {
    for (const file of archives) {
      const tar = gunzipSync(readFileSync(join(first, file.filename)))
      const header = tar.subarray(0, 512)
      const field = (offset: number, length: number) =>
        header
          .subarray(offset, offset + length)
          .toString('latin1')
          .replace(/\0.*$/s, '')
      const octal = (offset: number, length: number) => parseInt(field(offset, length).trim(), 8)
      const size = octal(124, 12)
      expect({
        name: field(0, 100),
        mode: octal(100, 8),
        uid: octal(108, 8),
        gid: octal(116, 8),
        mtime: octal(136, 12),
        type: field(156, 1),
        magic: field(257, 6),
        owner: field(265, 32) + field(297, 32)
      }).toEqual({
        name: `qemu-${interpreterOf(file)}`,
        mode: 0o755,
        uid: 0,
        gid: 0,
        mtime: 0,
        type: '0',
        magic: 'ustar',
        owner: ''
      })
      const elf = tar.subarray(512, 512 + size)
      expect(elf.readUInt32BE(0)).toBe(0x7f454c46)
      expect(elf.readUInt16LE(18)).toBe(ELF_MACHINE[file.arch])
      // After the one member's data: only the zero blocks that end the archive.
      const rest = tar.subarray(512 + Math.ceil(size / 512) * 512)
      expect(rest.length).toBeGreaterThanOrEqual(1024)
      expect(rest.every(byte => byte === 0)).toBe(true)
    }
  })

  test(`a second build (${SECOND_BUILD.join(', ')}) gives the same bytes`, () => {
    const second = temp('qemu-release-again-')
    build(['--out', second, '--targets', SECOND_BUILD.join(',')])
    const made = readdirSync(second).sort()
    expect(made).toHaveLength(2 * SECOND_BUILD.length)
    for (const name of made) {
      const same = readFileSync(join(second, name)).equals(readFileSync(join(first, name)))
      if (!same) throw new Error(`${name} differs between two builds`)
    }
  }, 600_000)

  test('--check accepts the build and rejects a changed or unknown file', () => {
    const ok = script(['--check', '--out', first])
    expect(ok.status).toBe(0)
    expect(ok.output).toContain(`--check: ${release.files.length} files match`)

    const bad = temp('qemu-release-bad-')
    const name = `qemu-aarch64-${release.version}-linux-x64.tar.gz`
    copyFileSync(join(first, name), join(bad, name))
    const data = readFileSync(join(bad, name))
    data[data.length - 1] ^= 1
    writeFileSync(join(bad, name), data)
    writeFileSync(join(bad, `qemu-foo-${release.version}-linux-x64.tar.gz`), '')
    const failed = script(['--check', '--out', bad, '--arch', 'x64', '--targets', 'aarch64'])
    expect(failed.status).toBe(1)
    expect(failed.output).toContain(`MISMATCH ${name}`)
    expect(failed.output).toContain(`qemu-foo-${release.version}-linux-x64.tar.gz: in `)
  }, 120_000)
})
