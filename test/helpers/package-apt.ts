// A real local apt repository for the Debian branch: .deb files built with dpkg-deb, a flat
// repository (Packages, Release) read by the real apt-get through an APT_CONFIG that points
// every apt folder (sources, lists, status, cache) into a temporary folder, so the system's own
// apt state is neither read nor touched.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export interface DebSpec {
  readonly name: string
  /** Debian version, epoch included: 1:10.0.2+ds-2. */
  readonly version: string
  readonly depends?: string
  /** Paths inside the package (no leading slash): a file to copy, or text. */
  readonly files: ReadonlyArray<
    | { readonly path: string; readonly source: string }
    | { readonly path: string; readonly text: string }
  >
}

export const debianArch = (): string =>
  execFileSync('dpkg', ['--print-architecture']).toString().trim()

/** Build <dir>/<name>_<version>_<arch>.deb with dpkg-deb; returns its path and control text. */
export function buildDeb(dir: string, spec: DebSpec): Deb {
  const stage = mkdtempSync(join(dir, 'deb-'))
  try {
    const control = [
      `Package: ${spec.name}`,
      `Version: ${spec.version}`,
      `Architecture: ${debianArch()}`,
      'Maintainer: setup-binfmt tests <tests@example.org>',
      ...(spec.depends ? [`Depends: ${spec.depends}`] : []),
      `Description: ${spec.name} for the setup-binfmt tests`,
      ''
    ].join('\n')
    mkdirSync(join(stage, 'DEBIAN'))
    writeFileSync(join(stage, 'DEBIAN', 'control'), control)
    for (const file of spec.files) {
      const dest = join(stage, file.path)
      mkdirSync(dirname(dest), { recursive: true })
      if ('source' in file) copyFileSync(file.source, dest)
      else writeFileSync(dest, file.text)
    }
    const path = join(dir, `${spec.name}_${spec.version.replace(/^\d+:/, '')}_${debianArch()}.deb`)
    execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', stage, path], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    return { path, control }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

export interface Deb {
  readonly path: string
  readonly control: string
}

/**
 * A flat repository of `debs` in `dir`, and an apt configuration that sees only it, already
 * updated. Returns the APT_CONFIG path to set while apt-get runs.
 */
export function localAptRepository(dir: string, debs: readonly Deb[]): string {
  const repo = join(dir, 'repo')
  mkdirSync(repo, { recursive: true })
  const stanzas = debs.map(({ path: built, control }) => {
    const path = join(repo, basename(built))
    copyFileSync(built, path)
    const bytes = readFileSync(path)
    const digest = (algorithm: string) => createHash(algorithm).update(bytes).digest('hex')
    return (
      control.trimEnd() +
      `\nFilename: ./${path.slice(repo.length + 1)}\nSize: ${bytes.length}` +
      `\nMD5sum: ${digest('md5')}\nSHA256: ${digest('sha256')}\n`
    )
  })
  const packages = Buffer.from(stanzas.join('\n'))
  writeFileSync(join(repo, 'Packages'), packages)
  const sha = createHash('sha256').update(packages).digest('hex')
  writeFileSync(
    join(repo, 'Release'),
    `Date: ${new Date().toUTCString()}\nSHA256:\n ${sha} ${packages.length} Packages\n`
  )

  const apt = join(dir, 'apt')
  for (const sub of ['sources.list.d', 'state/lists/partial', 'cache/archives/partial']) {
    mkdirSync(join(apt, sub), { recursive: true })
  }
  writeFileSync(join(apt, 'sources.list'), `deb [trusted=yes] file:${repo} ./\n`)
  writeFileSync(join(apt, 'status'), '')
  const config = join(apt, 'apt.conf')
  writeFileSync(
    config,
    [
      `Dir::Etc::SourceList "${apt}/sources.list";`,
      `Dir::Etc::SourceParts "${apt}/sources.list.d";`,
      `Dir::State "${apt}/state/";`,
      `Dir::State::Lists "${apt}/state/lists/";`,
      `Dir::State::status "${apt}/status";`,
      `Dir::Cache "${apt}/cache/";`,
      `Dir::Cache::archives "${apt}/cache/archives/";`,
      'Acquire::Languages "none";',
      // Our folders are root's; apt's _apt sandbox user could not write to them.
      ...(process.getuid?.() === 0 ? ['APT::Sandbox::User "root";'] : []),
      ''
    ].join('\n')
  )
  execFileSync('apt-get', ['update', '-q'], {
    env: { ...process.env, APT_CONFIG: config },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  return config
}
