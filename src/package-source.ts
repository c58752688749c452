// `source: package`: the distribution's own static QEMU package, downloaded with the
// distribution's tools but not installed (no maintainer scripts, no distribution binfmt
// entries); only the needed interpreters are taken from it and kept in the tool cache.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import semver from 'semver'
import type { AcquireRequest, Acquired } from './acquire.js'
import { extractInterpreters } from './archive.js'
import { storeCached } from './cache.js'
import { checkInterpreter } from './elf.js'
import { run } from './exec.js'
import type { Log } from './log.js'

const tool = (target: string) => `qemu-${target}`

/** The distribution's static QEMU package, downloaded but not installed (no maintainer scripts). */
export async function fromPackage(request: AcquireRequest, log: Log): Promise<Acquired> {
  const arch = request.arch ?? process.arch
  const os = await readFile('/etc/os-release', 'utf8').catch(() => '')
  const family = /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(os)
  if (!family) {
    const name = /^PRETTY_NAME="?([^"\n]*)/m.exec(os)?.[1] ?? 'this system'
    throw new Error(
      `source: package works on Debian and Ubuntu (apt-get download qemu-user-static); ${name} is not one: use source: download or system`
    )
  }
  const work = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'setup-binfmt-pkg-'))
  try {
    // As root, apt drops to _apt for downloads, which cannot write to our temporary folder.
    const sandbox = process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : []
    await run(['apt-get', 'download', ...sandbox, 'qemu-user-static'], { cwd: work, log }).catch(
      (e: Error) => {
        throw new Error(
          `apt-get download qemu-user-static failed (${e.message}); run apt-get update first`,
          { cause: e }
        )
      }
    )
    const deb = (await readdir(work)).find(f => f.endsWith('.deb'))
    if (!deb) throw new Error('apt-get download qemu-user-static left no .deb file')
    // qemu-user-static_1%3a7.2+dfsg-7+deb12u18+b3_amd64.deb: version 1:7.2+dfsg-7+deb12u18+b3
    const full = decodeURIComponent(deb.split('_')[1] ?? '')
    const version = semver.coerce(full.replace(/^\d+:/, ''))?.version ?? '0.0.0'
    log.info(`package: ${deb} (QEMU ${full})`)
    const extracted = await extractInterpreters(
      join(work, deb),
      'deb',
      request.targets,
      join(work, 'out'),
      log
    )
    const interpreters = new Map<string, string>()
    for (const [t, path] of extracted) {
      await checkInterpreter(path, arch)
      interpreters.set(t, storeCached(`${tool(t)}-package`, version, arch, path))
    }
    return { interpreters, source: 'package', version: full, cacheHit: false, downloadedBytes: 0 }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
