// scripts/package-qemu.mjs turns Debian's static QEMU .debs into one reproducible tar.gz per QEMU
// target and host architecture, for each QEMU line, and src/qemu/builtin-manifest.json records
// their digests. To keep CI short these tests rebuild every archive of the default line (all
// targets, x64 and arm64: about 100 s on 2 cores) and a few targets of the other lines (the .debs,
// about 400 MB, are downloaded once into .cache/debs), and compare them with the manifest; build
// some a second time and compare bytes; exercise --check; and register each line's archives,
// fetched over HTTP with the manifest's digests, in a private binfmt_misc to run Debian's
// static busybox for arm64, armhf and riscv64.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { qemuVersion } from '../../src/qemu/acquire.js'
import { DEFAULT_MANIFEST } from '../../src/qemu/builtin-manifest.js'
import { selectRelease, type ManifestFile, type ManifestRelease } from '../../src/qemu/manifest.js'
import { parseOptions } from '../../src/options.js'
import { setup } from '../../src/setup.js'
import { TARGETS } from '../../src/platform/targets.js'
import { memoryLog } from '../../src/util/log.js'
import { busybox } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { MirrorServer } from '../helpers/server.js'
import { memoryStore } from '../helpers/store.js'

const SCRIPT = 'scripts/package-qemu.mjs'
const DEB_CACHE = '.cache/debs'
const DEB_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' }
const ELF_MACHINE: Record<string, number> = { x64: 62, arm64: 183 }

/** Each line: the Debian package it comes from (version without the epoch), and its role. */
const LINES: Record<string, { package: string; debian: string; stable: boolean }> = {
  '11.1.3': { package: 'qemu-user', debian: '11.1.3+ds-2~bpo13+1', stable: false },
  '10.0.13': { package: 'qemu-user', debian: '10.0.13+ds-0+deb13u1', stable: true },
  '7.2.22': { package: 'qemu-user-static', debian: '7.2+dfsg-7+deb12u18+b3', stable: true }
}
const DEFAULT = '10.0.13'
/** What the other lines are rebuilt for (i386 covers i486). */
const SUBSET = ['aarch64', 'arm', 'riscv64']
/** Built a second time to show that a build repeats itself byte for byte. */
const SECOND_BUILD = { lines: ['10.0.13', '7.2.22'], targets: ['aarch64', 'i386'] }

const release = (version: string): ManifestRelease =>
  DEFAULT_MANIFEST.find(r => r.version === version)!
const archivesOf = (r: ManifestRelease) => r.files.filter(f => f.format === 'tar.gz')
const debsOf = (r: ManifestRelease) => r.files.filter(f => f.format === 'deb')
/** The archives the rebuild makes: every one of the default line, SUBSET's of the others. */
const rebuilt = (r: ManifestRelease) =>
  archivesOf(r).filter(f => r.version === DEFAULT || f.targets.some(t => SUBSET.includes(t)))

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

test('the manifest pins the lines, newest first; the default is the newest stable one', () => {
  expect(DEFAULT_MANIFEST.map(r => [r.version, r.stable])).toEqual(
    Object.entries(LINES).map(([version, line]) => [version, line.stable])
  )
  expect(selectRelease(DEFAULT_MANIFEST).version).toBe(DEFAULT)
  expect(selectRelease(DEFAULT_MANIFEST, '11.x').version).toBe('11.1.3')
  expect(selectRelease(DEFAULT_MANIFEST, '7.x').version).toBe('7.2.22')
})

describe.each(Object.entries(LINES))('QEMU %s in the manifest', (version, line) => {
  const r = release(version)
  const archives = archivesOf(r)
  const debs = debsOf(r)

  test('entries agree on name, arch and targets; the .debs have pool and snapshot URLs', () => {
    expect(r.release_url).toBe(
      `https://metadata.ftp-master.debian.org/changelogs/main/q/qemu/qemu_${line.debian}_changelog`
    )
    const names = r.files.map(f => f.filename)
    expect(new Set(names).size).toBe(names.length)
    for (const file of r.files) {
      expect(file.platform).toBe('linux')
      expect(Object.keys(DEB_ARCH)).toContain(file.arch)
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(Number.isInteger(file.size) && (file.size ?? 0) > 0).toBe(true)
    }

    expect(debs.map(d => d.arch)).toEqual(['x64', 'arm64'])
    for (const deb of debs) {
      const name = `${line.package}_${line.debian}_${DEB_ARCH[deb.arch]}.deb`
      const pool = `pool/main/q/qemu/${name}`
      expect(deb.filename).toBe(name)
      expect(deb.download_url).toBe(`https://deb.debian.org/debian/${pool}`)
      expect(deb.mirror_urls).toHaveLength(1)
      const [snapshot] = deb.mirror_urls ?? []
      expect(snapshot.slice(0, -pool.length - 1)).toMatch(
        /^https:\/\/snapshot\.debian\.org\/archive\/debian\/\d{8}T\d{6}Z$/
      )
      expect(snapshot.endsWith(`/${pool}`)).toBe(true)
      // Each line ships every target of src/platform/targets.ts.
      expect(deb.targets).toEqual([...TARGETS.keys()])
    }

    for (const file of archives) {
      const interpreter = interpreterOf(file)
      expect(file.filename).toBe(`qemu-${interpreter}-${version}-linux-${file.arch}.tar.gz`)
      const sharing = [...TARGETS.values()].filter(t => t.interpreter === interpreter)
      expect(file.targets).toEqual(sharing.map(t => t.name))
      expect(file.download_url).toBe(
        `https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-${version}/${file.filename}`
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
})

describe('a rebuild (every archive of the default line, a few of the others)', () => {
  let first = ''
  const temps: string[] = []
  const temp = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    temps.push(dir)
    return dir
  }
  const others = Object.keys(LINES).filter(v => v !== DEFAULT)
  const lineArgs = (versions: string[]) => versions.flatMap(v => ['--line', v])

  beforeAll(() => {
    first = temp('qemu-release-')
    build(['--out', first, ...lineArgs([DEFAULT])])
    build(['--out', first, ...lineArgs(others), '--targets', SUBSET.join(',')])
  }, 1_200_000)

  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true })
  })

  test('makes exactly the manifest files, with its digests and sizes', () => {
    const expected = DEFAULT_MANIFEST.flatMap(rebuilt)
    expect(readdirSync(first).sort()).toEqual(expected.map(f => f.filename).sort())
    for (const file of expected) {
      const data = readFileSync(join(first, file.filename))
      expect({ name: file.filename, sha256: sha256(data), size: data.length }).toEqual({
        name: file.filename,
        sha256: file.sha256,
        size: file.size
      })
    }
  })

  test('uses the .debs of the manifest', () => {
    for (const deb of DEFAULT_MANIFEST.flatMap(debsOf)) {
      const data = readFileSync(join(DEB_CACHE, deb.filename))
      expect({ name: deb.filename, sha256: sha256(data), size: data.length }).toEqual({
        name: deb.filename,
        sha256: deb.sha256,
        size: deb.size
      })
    }
  })

  test('each archive holds one regular file qemu-<target>, 0755, root-owned, dated 0', () => {
    for (const file of DEFAULT_MANIFEST.flatMap(rebuilt)) {
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

  test(`a second build (${SECOND_BUILD.lines.join(', ')}: ${SECOND_BUILD.targets.join(', ')}) gives the same bytes`, () => {
    const second = temp('qemu-release-again-')
    build([
      '--out',
      second,
      ...lineArgs(SECOND_BUILD.lines),
      '--targets',
      SECOND_BUILD.targets.join(',')
    ])
    const made = readdirSync(second).sort()
    expect(made).toHaveLength(2 * SECOND_BUILD.lines.length * SECOND_BUILD.targets.length)
    const pinned = new Map(DEFAULT_MANIFEST.flatMap(r => r.files).map(f => [f.filename, f]))
    let compared = 0
    for (const name of made) {
      const data = readFileSync(join(second, name))
      expect({ name, sha256: sha256(data) }).toEqual({ name, sha256: pinned.get(name)?.sha256 })
      if (!existsSync(join(first, name))) continue
      if (!data.equals(readFileSync(join(first, name))))
        throw new Error(`${name} differs between two builds`)
      compared++
    }
    expect(compared).toBeGreaterThanOrEqual(2 * SECOND_BUILD.targets.length + 2)
  }, 600_000)

  test('--check accepts the build and rejects a changed or unknown file', () => {
    const ok = script(['--check', '--out', first, ...lineArgs([DEFAULT])])
    expect(ok.status).toBe(0)
    expect(ok.output).toContain(`--check: ${release(DEFAULT).files.length} files match`)
    const subset = script([
      '--check',
      '--out',
      first,
      ...lineArgs(others),
      '--targets',
      SUBSET.join(',')
    ])
    expect(subset.status).toBe(0)
    const count = others.reduce((n, v) => n + rebuilt(release(v)).length + 2, 0)
    expect(subset.output).toContain(`--check: ${count} files match`)

    const bad = temp('qemu-release-bad-')
    const name = `qemu-aarch64-${DEFAULT}-linux-x64.tar.gz`
    copyFileSync(join(first, name), join(bad, name))
    const data = readFileSync(join(bad, name))
    data[data.length - 1] ^= 1
    writeFileSync(join(bad, name), data)
    writeFileSync(join(bad, `qemu-foo-${DEFAULT}-linux-x64.tar.gz`), '')
    const failed = script(['--check', '--out', bad, '--arch', 'x64', '--targets', 'aarch64'])
    expect(failed.status).toBe(1)
    expect(failed.output).toContain(`MISMATCH ${name}`)
    expect(failed.output).toContain(`qemu-foo-${DEFAULT}-linux-x64.tar.gz: in `)
    // The other lines' aarch64 archives are not in this folder.
    for (const v of others)
      expect(failed.output).toContain(`qemu-aarch64-${v}-linux-x64.tar.gz: missing`)
  }, 120_000)

  describe('each line, downloaded with the pinned digests and registered, runs busybox', () => {
    let server: MirrorServer
    let manifest: string
    beforeAll(async () => {
      server = await MirrorServer.start(first)
      // The built-in manifest's per-target files, served from this build: nothing else to fall back to.
      const local = DEFAULT_MANIFEST.map(r => ({
        ...r,
        files: archivesOf(r).map(f => ({ ...f, download_url: `${server.url}/${f.filename}` }))
      }))
      manifest = join(first, 'manifest.json')
      writeFileSync(manifest, JSON.stringify(local))
    })
    afterAll(async () => {
      await server?.stop()
      rmSync(manifest, { force: true })
    })

    test.each(Object.keys(LINES))(
      'QEMU %s: arm64, armhf and riscv64',
      async version => {
        const ns = await PrivateNamespace.start()
        const toolCache = temp('toolcache-')
        const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP }
        process.env.RUNNER_TOOL_CACHE = toolCache
        process.env.RUNNER_TEMP = temp('runner-temp-')
        try {
          const options = parseOptions({
            platforms: 'arm64,arm,riscv64',
            source: 'download',
            manifest,
            'qemu-version': version,
            verify: 'exec'
          })
          const result = await setup(options, {
            log: memoryLog(),
            store: memoryStore(),
            root: ns.root,
            native: new Set(['x86_64', 'i386']),
            // The probes run where the entries are: in the namespace.
            exec: (argv, options) => ns.exec(argv, options)
          })
          expect(result.acquired).toMatchObject({ source: 'download', version })
          expect(result.acquired?.files.map(f => f.file)).toEqual(
            ['aarch64', 'arm', 'riscv64'].map(
              t => `${server.url}/qemu-${t}-${version}-linux-x64.tar.gz`
            )
          )
          expect(result.verified.map(v => [v.target, v.ok])).toEqual(
            expect.arrayContaining([
              ['aarch64', true],
              ['arm', true],
              ['riscv64', true]
            ])
          )
          for (const r of result.registered)
            expect(await qemuVersion(r.entry.interpreter)).toBe(version)
          for (const [arch, machine] of [
            ['arm64', 'aarch64'],
            ['armhf', 'armv7l'],
            ['riscv64', 'riscv64']
          ] as const) {
            const run = (...args: string[]) => ns.exec([busybox(arch), ...args])
            expect((await run('uname', '-m')).stdout).toBe(`${machine}\n`)
            expect((await run('sh', '-c', 'echo $((6 * 7))')).stdout).toBe('42\n')
          }
        } finally {
          await ns.stop()
          process.env.RUNNER_TOOL_CACHE = saved.cache
          process.env.RUNNER_TEMP = saved.temp
          if (saved.cache === undefined) delete process.env.RUNNER_TOOL_CACHE
          if (saved.temp === undefined) delete process.env.RUNNER_TEMP
        }
      },
      120_000
    )
  })
})
