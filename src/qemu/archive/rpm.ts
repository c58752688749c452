// Fedora's qemu-user-static-<group> packages, read with rpm's own tools: the dnf path runs only
// on Fedora-like hosts, where rpm is always present (dnf needs it). `rpm -qp` reads the header;
// rpm2archive (rpm 4.15+) turns the payload into a tar stream, which tar.ts reads with the
// same member rules as any archive: a `..` segment refused, links followed inside the package's
// own tree, nothing written until the whole payload has been read.

import { createReadStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { run } from '../../util/exec.js'
import type { Log } from '../../util/log.js'
import { extractMembers } from './members.js'
import { scanTar } from './tar.js'
import { candidateNames } from '../system.js'

export interface RpmPackage {
  readonly name: string
  readonly version: string
  readonly release: string
  readonly epoch?: number
  /** [epoch:]version-release, as rpm -q prints it. */
  readonly evr: string
}

/** The package's name and version, from its header. */
export async function readRpm(file: string): Promise<RpmPackage> {
  // --nomanifest: a text file is not taken for a list of other packages to read.
  const argv = [
    'rpm',
    '-qp',
    '--nomanifest',
    '--queryformat',
    '%{NAME}\n%{EPOCH}\n%{VERSION}\n%{RELEASE}\n',
    file
  ]
  const { stdout } = await run(argv).catch((e: Error) => {
    throw new Error(`${file} is not an RPM package rpm can read: ${e.message}`, { cause: e })
  })
  const [name, epochText, version, release] = stdout.split('\n')
  const epoch = epochText === '(none)' ? undefined : Number(epochText)
  if (!name || !version || !release || (epoch !== undefined && !Number.isInteger(epoch))) {
    throw new Error(`rpm -qp ${file} printed no name, epoch, version and release: ${stdout}`)
  }
  return {
    name,
    version,
    release,
    epoch,
    evr: `${epoch === undefined ? '' : `${epoch}:`}${version}-${release}`
  }
}

/**
 * Extract the interpreters for `targets` (QEMU target names) from the .rpm `file` into `destDir`,
 * as destDir/qemu-<target> (mode 0755), like extractInterpreters in extract.ts. Fedora's packages
 * hold /usr/bin/qemu-<target>-static. Returns target -> written path.
 */
export function extractRpmInterpreters(
  file: string,
  targets: readonly string[],
  destDir: string,
  log?: Log
): Promise<Map<string, string>> {
  const names = new Map([...new Set(targets)].map(t => [t, candidateNames(t)]))
  return extractMembers(
    file,
    names,
    destDir,
    (keep, data) =>
      scanTar(
        file,
        sink => payloadTar(file, sink, log),
        e => new Error(`Cannot read the payload of ${file}: ${e.message}`, { cause: e }),
        keep,
        data
      ),
    log
  )
}

/** rpm2archive -n -: the package on standard input, its payload as a plain tar on standard output. */
async function payloadTar(file: string, sink: Writable, log?: Log): Promise<void> {
  const argv = ['rpm2archive', '-n', '-']
  // run() resolves when the process exits; `finished` waits until the sink has taken every byte.
  await Promise.all([
    run(argv, { input: createReadStream(file), stdout: sink, log }),
    finished(sink)
  ])
}
