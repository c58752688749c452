// The interpreter file the kernel holds open for an F entry. It need not be at the entry's
// path any more (deleted, replaced, or a path inside the container that registered it), and
// no process's /proc/<pid>/fd shows the kernel's copy. One view of it exists: a process the
// kernel starts with it, whose /proc/<pid>/exe is that very file. So a program matching the
// entry is started with QEMU's log going to a FIFO nobody opens: QEMU blocks opening its log,
// before it looks at the program, the file is read through /proc/<pid>/exe, and the process
// is killed. An interpreter that is not QEMU does not stop there and cannot be read.

import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { run, type Launched } from '../util/exec.js'
import { sha256File } from '../util/hash.js'
import { makeTempDir } from '../util/temp.js'
import { claimedBy } from '../platform/native.js'
import { DEFAULT_ROOT, fileDigest, sameDefinition, type BinfmtTable, type Entry } from './table.js'

/** The kernel's wait for the other end of a FIFO: QEMU opening its log. */
const FIFO_WAIT = 'wait_for_partner'
/** How long QEMU may take to start and reach its log file. */
const TIMEOUT_MS = 5000

export type Held = { readonly sha256: string } | { readonly why: string }

/** A file the kernel matches with `entry`: its magic at its offset, under its mask; zeros elsewhere. */
export function matchingProgram(entry: Entry): Buffer {
  const magic = Buffer.from(entry.magic ?? '', 'hex')
  const mask = Buffer.from(entry.mask ?? 'ff'.repeat(magic.length), 'hex')
  const program = Buffer.alloc(Math.max(entry.offset + magic.length, 64))
  magic.forEach((b, i) => (program[entry.offset + i] = b & (mask[i] ?? 0xff)))
  return program
}

/** The SHA-256 of the interpreter the kernel holds for the F entry `entry`, or why not. */
export async function heldInterpreter(table: BinfmtTable, entry: Entry): Promise<Held> {
  if (!entry.flags.includes('F')) return { why: `${entry.name} has no F flag` }
  if (entry.extension) return { why: `${entry.name} matches by file name extension` }
  if (!entry.enabled)
    return { why: `${entry.name} is disabled, so the kernel starts nothing with it` }
  if ((await table.enabledAsAWhole()) === false)
    return { why: 'binfmt_misc is disabled as a whole' }
  const program = matchingProgram(entry)
  const claim = claimedBy(program, await table.inMatchOrder())
  if (claim?.name !== entry.name) {
    return { why: `${claim?.name ?? 'no entry'} would run a program matching ${entry.name}` }
  }

  const dir = await makeTempDir('held')
  let started: Launched | undefined
  try {
    const path = join(dir, 'program')
    const fifo = join(dir, 'log')
    await writeFile(path, program, { mode: 0o700 })
    await run(['mkfifo', '-m', '600', fifo])
    // No PATH, nothing of ours: only what stops QEMU at its log file.
    started = await table.start([path], { env: { QEMU_LOG: 'unimp', QEMU_LOG_FILENAME: fifo } })
    const proc = `/proc/${started.pid}`
    for (const deadline = Date.now() + TIMEOUT_MS; Date.now() < deadline; await sleep(5)) {
      const procStat = await readFile(`${proc}/stat`, 'utf8').catch(() => '')
      // The state follows the command name in parentheses; Z: it ended, waiting to be reaped.
      if (!procStat || procStat.slice(procStat.lastIndexOf(')') + 2).startsWith('Z')) {
        return {
          why: `its interpreter ${entry.interpreter} ran and ended without opening QEMU's log (not QEMU?)`
        }
      }
      const wchan = await readFile(`${proc}/wchan`, 'utf8').catch(() => '')
      if (wchan !== FIFO_WAIT) continue
      // The kernel that started it must be this table's: each binfmt_misc instance is its own
      // filesystem, so the program's view of the folder and ours have one device number.
      const [seen, ours] = await Promise.all([
        stat(`${proc}/root${DEFAULT_ROOT}`),
        stat(table.root)
      ])
      if (seen.dev !== ours.dev)
        return { why: 'the program started under another binfmt_misc instance' }
      return { sha256: await sha256File(`${proc}/exe`) }
    }
    return {
      why: `its interpreter ${entry.interpreter} did not reach QEMU's log file within ${TIMEOUT_MS / 1000} s`
    }
  } catch (e) {
    return { why: `starting a program it runs failed: ${(e as Error).message}` }
  } finally {
    await started?.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Identical to what we would write: same definition and interpreter bytes (paths may differ).
 * For an F entry those are the bytes the kernel holds open, which the file at its path may no
 * longer hold (replaced after registration); when they cannot be read, it counts as different.
 */
export async function sameEntry(
  existing: Entry,
  wanted: Entry,
  table: BinfmtTable
): Promise<boolean> {
  if (!sameDefinition({ ...existing, interpreter: '' }, { ...wanted, interpreter: '' }))
    return false
  if (!existing.flags.includes('F') && existing.interpreter === wanted.interpreter) return true
  const [have, want] = await Promise.all([
    existing.flags.includes('F')
      ? heldInterpreter(table, existing).then(h => ('sha256' in h ? h.sha256 : undefined))
      : fileDigest(existing.interpreter),
    table.interpreterDigest(wanted.interpreter)
  ])
  return have !== undefined && have === want
}
