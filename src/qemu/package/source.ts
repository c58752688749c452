// `source: package`: the distribution's own static QEMU packages, downloaded with the
// distribution's tools but not installed (no maintainer scripts, no distribution binfmt
// entries); only the needed interpreters are taken from them and kept in the tool cache.
// This module picks the distribution's module, then checks and caches what that unpacked:
//
//   Debian, Ubuntu   debian.ts   apt-get download qemu-user-static (or qemu-user)
//   Fedora           fedora.ts   dnf download qemu-user-static-<group>
//   Alpine           alpine.ts   apk fetch qemu-<target>
//
// os-release.ts tells which distribution this is; package-files.ts holds the shared steps.

import { readFile, rm } from 'node:fs/promises'
import semver from 'semver'
import type { AcquireRequest, Acquired } from '../request.js'
import { storeCached, toolName } from '../cache.js'
import { checkInterpreter } from '../elf.js'
import { run as runCommand, type Runner } from '../../util/exec.js'
import type { Log } from '../../util/log.js'
import { makeTempDir } from '../../util/temp.js'
import { fromAlpine } from './alpine.js'
import { fromDebian } from './debian.js'
import { fromFedora } from './fedora.js'
import { packageManager, parseOsRelease } from './os-release.js'

export interface PackageSourceOptions {
  /** The file that names the distribution; tests point this elsewhere. */
  readonly osRelease?: string
  /** Runs the package manager (apt-get, dnf, apk); tests pass a stand-in. */
  readonly run?: Runner
}

/** The distribution's static QEMU packages, downloaded but not installed (no maintainer scripts). */
export async function fromPackage(
  request: AcquireRequest,
  log: Log,
  options: PackageSourceOptions = {}
): Promise<Acquired> {
  const arch = request.arch ?? process.arch
  const release = parseOsRelease(
    await readFile(options.osRelease ?? '/etc/os-release', 'utf8').catch(() => '')
  )
  const manager = packageManager(release)
  if (!manager) {
    const name = release.get('PRETTY_NAME') || release.get('NAME') || 'this system'
    throw new Error(
      `source: package works on Debian and Ubuntu (apt-get), Fedora (dnf) and Alpine (apk); ` +
        `${name} is none of these: use source: download or system`
    )
  }
  const run = options.run ?? runCommand
  const work = await makeTempDir('pkg')
  try {
    const unpack = { apt: fromDebian, dnf: fromFedora, apk: fromAlpine }[manager]
    const unpacked = await unpack({ targets: request.targets, work, run, log, arch })
    // Check every interpreter before caching any, so a refusal leaves the cache as it was.
    for (const { path } of unpacked) await checkInterpreter(path, arch)
    const interpreters = new Map<string, string>()
    for (const { target: t, path, full } of unpacked) {
      interpreters.set(
        t,
        await storeCached(`${toolName(t)}-package`, cacheVersion(full), arch, path)
      )
    }
    const version = unpacked[0]?.full ?? ''
    const files = [...new Set(unpacked.map(u => u.file))].map(file => ({
      file,
      targets: unpacked.filter(u => u.file === file).map(u => u.target)
    }))
    return { interpreters, source: 'package', version, files, cacheHit: false, downloadedBytes: 0 }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** 1:7.2+dfsg-7+deb12u18 -> 7.2.0; 2:9.1.2-1.fc41 -> 9.1.2; 9.1.2-r0 -> 9.1.2. */
function cacheVersion(full: string): string {
  return semver.coerce(full.replace(/^\d+:/, ''))?.version ?? '0.0.0'
}
