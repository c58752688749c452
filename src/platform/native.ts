// Which container platforms the host runs without an emulator, found by executing a probe
// for each: an arm64 host may lack AArch32, an amd64 kernel may lack IA-32 support.

import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { run, type Runner } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { CONTAINER_TARGETS } from './names.js'
import { probeMarker, probeProgram } from './probes.js'
import { makeTempDir } from '../util/temp.js'
import { HOST_ARCHES } from './host.js'

/** What matching needs of a binfmt_misc entry (binfmt/table.ts has the whole Entry). */
export interface MagicEntry {
  readonly name: string
  readonly enabled: boolean
  readonly offset: number
  /** Hexadecimal; absent for extension entries. */
  readonly magic?: string
  readonly mask?: string
}

/** The enabled entry the kernel would run this program with; `entries` in match order. */
export function claimedBy<E extends MagicEntry>(
  program: Buffer,
  entries: readonly E[]
): E | undefined {
  return entries.find(e => {
    if (!e.enabled || !e.magic) return false
    const magic = Buffer.from(e.magic, 'hex')
    const mask = Buffer.from(e.mask ?? 'ff'.repeat(magic.length), 'hex')
    return magic.every((b, i) => (program[e.offset + i] & mask[i]) === (b & mask[i]))
  })
}

export async function nativeTargets(
  entries: readonly MagicEntry[],
  log: Log,
  exec: Runner = run,
  arch = process.arch
): Promise<Set<string>> {
  const native = new Set<string>()
  // The target Node itself runs as: native by definition.
  const host = HOST_ARCHES[arch]?.target
  if (host) native.add(host)
  const dir = await makeTempDir('native')
  const runs = async (target: string): Promise<boolean> => {
    const program = probeProgram(target)
    const entry = claimedBy(program, entries)
    if (entry) {
      log.debug(`native ${target}: not probed, binfmt_misc entry ${entry.name} would run it`)
      return false
    }
    const path = join(dir, target)
    await writeFile(path, program, { mode: 0o755 })
    const result = await exec([path], { allowFailure: true }).catch(() => undefined)
    return result?.code === 0 && result.stdout === `${probeMarker(target)}\n`
  }
  try {
    // All at once: most of them fail at exec right away.
    const others = CONTAINER_TARGETS.filter(t => t !== host)
    const results = await Promise.all(others.map(runs))
    others.forEach((t, i) => results[i] && native.add(t))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  // i486 binaries run wherever i386 ones do.
  if (native.has('i386')) native.add('i486')
  return native
}
