// Podman as the tests run it: a store and configuration of their own, so they neither read nor
// change root's, and settings that work on every machine of CI's kind:
// - runc, not Debian's default crun, which cannot run containers on cgroup v1 or hybrid hosts
//   ("cgroups in hybrid mode not supported"); runc comes with docker.io;
// - limits within this process's: Podman as root raises open files to 1048576, which fails
//   without CAP_SYS_RESOURCE, as in a container like CI's.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const PODMAN_RUNTIME = 'runc'
export const PODMAN_ULIMITS = ['nofile=1024:1024', 'nproc=1024:1024']

/** The environment that points Podman at a configuration and store in `dir`. */
/** With `ulimits: false`, Podman asks for its own limits, which fails without CAP_SYS_RESOURCE. */
export function podmanEnv(dir: string, { ulimits = true } = {}): Record<string, string> {
  const conf = join(dir, 'containers.conf')
  const storage = join(dir, 'storage.conf')
  writeFileSync(
    conf,
    (ulimits ? `[containers]\ndefault_ulimits = ${JSON.stringify(PODMAN_ULIMITS)}\n` : '') +
      `[engine]\nruntime = "${PODMAN_RUNTIME}"\ntmp_dir = "${dir}/tmp"\n`
  )
  writeFileSync(
    storage,
    `[storage]\ndriver = "overlay"\ngraphroot = "${dir}/root"\nrunroot = "${dir}/runroot"\n`
  )
  return { CONTAINERS_CONF: conf, CONTAINERS_STORAGE_CONF: storage }
}
