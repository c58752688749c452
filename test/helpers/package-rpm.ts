// Real .rpm files for the Fedora branch, built here with rpmbuild (Debian's `rpm` package).

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

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
