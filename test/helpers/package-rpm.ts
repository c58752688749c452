// Real .rpm files for the Fedora branch, built here with rpmbuild (Debian's `rpm` package), and
// hand-made cpio payloads for what rpmbuild will not write (a member with a `..` segment).

import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { readRpm } from '../../src/qemu/archive/rpm.js'

export type RpmFile =
  | { readonly path: string; readonly source: string }
  | { readonly path: string; readonly symlink: string }
  | { readonly path: string; readonly hardlinkOf: string }

export interface RpmSpec {
  readonly name: string
  readonly version: string
  readonly release: string
  readonly epoch?: number
  /** rpmbuild's _binary_payload: w19.zstdio, w9.xzdio, w9.gzdio... */
  readonly payload: string
  /** Absolute paths inside the package, in the order they are created. */
  readonly files: readonly RpmFile[]
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** Build the package with rpmbuild -bb in `dir`; returns the .rpm's path. */
export function buildRpm(dir: string, spec: RpmSpec): string {
  if (!existsSync('/usr/bin/rpmbuild')) {
    throw new Error('rpmbuild is missing: apt-get install -y --no-install-recommends rpm')
  }
  const top = mkdtempSync(join(dir, 'rpmbuild-'))
  const install = spec.files.map(f => {
    const dest = `%{buildroot}${f.path}`
    const mkdir = `mkdir -p "$(dirname ${quote(dest)})"`
    if ('source' in f) return `${mkdir}\ncp ${quote(f.source)} ${quote(dest)}`
    if ('symlink' in f) return `${mkdir}\nln -s ${quote(f.symlink)} ${quote(dest)}`
    return `${mkdir}\nln ${quote(`%{buildroot}${f.hardlinkOf}`)} ${quote(dest)}`
  })
  const text = [
    `%define _binary_payload ${spec.payload}`,
    // Keep the files byte for byte: no stripping, no debuginfo, no build-id links.
    '%define __os_install_post %{nil}',
    '%define debug_package %{nil}',
    '%define _build_id_links none',
    `Name: ${spec.name}`,
    `Version: ${spec.version}`,
    `Release: ${spec.release}`,
    ...(spec.epoch === undefined ? [] : [`Epoch: ${spec.epoch}`]),
    'Summary: setup-binfmt test package',
    'License: GPL-2.0-only',
    'AutoReqProv: no',
    '%description',
    'setup-binfmt test package',
    '%install',
    ...install,
    '%files',
    ...spec.files.map(f => f.path),
    ''
  ].join('\n')
  const specFile = join(top, `${spec.name}.spec`)
  writeFileSync(specFile, text)
  execFileSync('rpmbuild', ['-bb', '--quiet', '--define', `_topdir ${top}`, specFile], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  const rpms = join(top, 'RPMS')
  for (const arch of readdirSync(rpms)) {
    for (const file of readdirSync(join(rpms, arch))) {
      if (file.startsWith(`${spec.name}-${spec.version}`)) {
        const out = join(dir, file)
        writeFileSync(out, readFileSync(join(rpms, arch, file)))
        rmSync(top, { recursive: true, force: true })
        return out
      }
    }
  }
  throw new Error(`rpmbuild left no ${spec.name} package in ${rpms}`)
}

export interface CpioMember {
  readonly name: string
  readonly data?: Buffer
  /** Full st_mode; a regular file 0100755 by default. */
  readonly mode?: number
  readonly ino?: number
  readonly nlink?: number
}

/** A newc cpio archive of `members`, then the trailer. */
export function cpioArchive(members: readonly CpioMember[]): Buffer {
  const parts: Buffer[] = []
  const pad = (n: number) => Buffer.alloc((4 - (n % 4)) % 4)
  const entry = (m: CpioMember, ino: number) => {
    const data = m.data ?? Buffer.alloc(0)
    const name = Buffer.from(`${m.name}\0`)
    const fields = [
      m.ino ?? ino,
      m.mode ?? 0o100755,
      0,
      0,
      m.nlink ?? 1,
      0,
      data.length,
      0,
      0,
      0,
      0,
      name.length,
      0
    ]
    const header = Buffer.from(
      '070701' + fields.map(f => f.toString(16).padStart(8, '0')).join(''),
      'latin1'
    )
    parts.push(header, name, pad(header.length + name.length), data, pad(data.length))
  }
  members.forEach((m, i) => entry(m, i + 1))
  entry({ name: 'TRAILER!!!', mode: 0, nlink: 1 }, 0)
  return Buffer.concat(parts)
}

/**
 * A copy of the real package `rpm` whose payload is replaced by `cpio`, compressed with the
 * tool its header names (the digests no longer match; this reader never checks them).
 */
export async function withPayload(rpm: string, cpio: Buffer, out: string): Promise<string> {
  const info = await readRpm(rpm)
  const tools: Record<string, string[]> = {
    zstd: ['zstd', '-q', '-c'],
    xz: ['xz', '-c'],
    gzip: ['gzip', '-n', '-c']
  }
  const tool = tools[info.compressor]
  if (!tool) throw new Error(`no compressor for ${info.compressor}`)
  const payload = execFileSync(tool[0], tool.slice(1), { input: cpio, maxBuffer: 1 << 30 })
  const head = readFileSync(rpm).subarray(0, info.payloadOffset)
  mkdirSync(join(out, '..'), { recursive: true })
  writeFileSync(out, Buffer.concat([head, payload]))
  return out
}
