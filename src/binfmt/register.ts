// Put our entries in the table without disturbing anyone else's: reuse an identical entry,
// step around a different one (ours, registered later, matches first), never overwrite.

import { fileDigest, kernelLine, overlaps, type BinfmtTable, type Entry } from './table.js'
import type { Log } from '../util/log.js'
import { describeOwners, runPid, type Owners } from './lock.js'
import type { Journal } from './journal.js'
import { target } from '../platform/targets.js'
import { heldInterpreter, sameEntry } from './held.js'

export interface Registered {
  readonly target: string
  readonly entry: Entry
  /** `registered` when this run created the entry, `reused` when an identical one was there. */
  readonly action: 'registered' | 'reused'
  /** Entries of our preferred names that differ and were stepped around. */
  readonly shadowed: readonly Entry[]
}

/**
 * The binfmt_misc entry names tried for a target: qemu-<target> first, then names that still
 * start with it.
 */
export function entryNames(targetName: string): string[] {
  const base = `qemu-${targetName}`
  return [
    base,
    `${base}-setup-binfmt`,
    ...[2, 3, 4, 5, 6, 7, 8, 9].map(n => `${base}-setup-binfmt-${n}`)
  ]
}

export function wantedEntry(targetName: string, interpreter: string, flags: string): Entry {
  const t = target(targetName)
  return {
    name: `qemu-${t.name}`,
    enabled: true,
    interpreter,
    flags,
    offset: 0,
    magic: t.magic,
    mask: t.mask
  }
}

/**
 * `reset`: remove the qemu-* entries post can register again exactly as they were, recording
 * each, newest first as the kernel matches them, so post puts them back in their old order.
 * An entry that could not come back as it was stays in place, with the reason in the log.
 */
export async function resetQemuEntries(
  table: BinfmtTable,
  journal: Journal,
  log: Log,
  owners: Owners
): Promise<Entry[]> {
  const removed: Entry[] = []
  /** Entries that stay, in match order: each is tried before the older ones after it. */
  const staying: Entry[] = []
  for (const entry of await table.inMatchOrder()) {
    if (!entry.name.startsWith('qemu-')) {
      staying.push(entry)
      continue
    }
    const others = owners.others(entry, journal.owner)
    if (others.length > 0) {
      log.info(`reset: kept ${entry.name}: still used by ${describeOwners(others)}`)
      staying.push(entry)
      continue
    }
    const record = await recordToRestore(table, entry, staying)
    if (typeof record === 'string') {
      log.notice(`reset: kept ${entry.name} in place: ${record}`)
      staying.push(entry)
      continue
    }
    removed.push(record)
    await journal.writeAhead(
      () => journal.removed(record),
      () => table.remove(entry.name)
    )
    owners.release(entry, journal.owner)
    await owners.save()
    log.info(
      `reset: removed ${entry.name} (${entry.interpreter}, flags ${entry.flags || 'none'}); post puts it back`
    )
  }
  if (removed.length === 0) log.info('reset: no qemu-* entries to remove')
  return removed
}

/**
 * What post needs to register `entry` again exactly as it is (for an F entry, the SHA-256 of
 * the interpreter the kernel holds, which post finds again at its path), or why it could not.
 */
async function recordToRestore(
  table: BinfmtTable,
  entry: Entry,
  newerStaying: readonly Entry[]
): Promise<Entry | string> {
  const exact = kernelLine(entry)
  if ('why' in exact) return `it could not be registered again: ${exact.why}`
  const ahead = newerStaying.find(k => k.enabled && entry.enabled && overlaps(k, entry))
  if (ahead) {
    return (
      `${ahead.name}, registered later and matching the same programs, stays; ` +
      `registered again after the job, ${entry.name} would be tried before it instead of after`
    )
  }
  if (!entry.flags.includes('F')) return entry
  const path = entry.interpreter
  const held = await heldInterpreter(table, entry)
  if ('why' in held) {
    return (
      `with the F flag the kernel holds its interpreter open, and that file could not be read ` +
      `to check that registering it again gives the same one (${held.why})`
    )
  }
  const onDisk = await fileDigest(path)
  if (onDisk === undefined) {
    return (
      `with the F flag the kernel holds its interpreter open, but ${path} no longer exists ` +
      `(deleted, or a path inside the container that registered it), so registering it again would fail`
    )
  }
  if (onDisk !== held.sha256) {
    return (
      `with the F flag the kernel holds its interpreter open, and ${path} is no longer that file ` +
      `(replaced since), so registering it again would run another interpreter`
    )
  }
  return { ...entry, heldSha256: held.sha256 }
}

export async function registerTarget(
  table: BinfmtTable,
  journal: Journal,
  targetName: string,
  interpreter: string,
  flags: string,
  log: Log,
  owners: Owners
): Promise<Registered> {
  const shadowed: Entry[] = []
  for (const name of entryNames(targetName)) {
    const wanted = { ...wantedEntry(targetName, interpreter, flags), name }
    const existing = await table.get(name)
    if (!existing) {
      await journal.writeAhead(
        () => journal.created(wanted),
        () => table.register(wanted)
      )
      owners.use(wanted, journal.owner, runPid())
      await owners.save()
      return { target: targetName, entry: wanted, action: 'registered', shadowed }
    }
    if (await sameEntry(existing, wanted, table)) {
      const others = owners.others(existing, journal.owner)
      if (others.length > 0) {
        // Registered by another run of ours still going: share it, so its cleanup leaves it
        // to us. One nobody uses any more (cleanup: false, an old install) was there before
        // this run: it stays in our snapshot and is never ours to remove.
        owners.use(existing, journal.owner, runPid())
        await owners.save()
        journal.adopted(existing)
      }
      log.info(
        `${name}: an identical entry is already registered (${existing.interpreter}, flags ${existing.flags}): reusing it` +
          (others.length > 0 ? `, shared with ${describeOwners(others)}` : '')
      )
      return { target: targetName, entry: existing, action: 'reused', shadowed }
    }
    shadowed.push(existing)
    log.info(
      `${name} exists and differs (${describe(existing)}): leaving it untouched; ours goes under another name and matches first`
    )
  }
  const names = entryNames(targetName)
  throw new Error(
    `Every entry name for ${targetName} (${names[0]} to ${names[names.length - 1]}) is taken by a different entry: ` +
      `remove some with 'setup-binfmt uninstall', or use reset: true`
  )
}

function describe(e: Entry): string {
  return `${e.enabled ? 'enabled' : 'disabled'}, interpreter ${e.interpreter}, flags ${e.flags || 'none'}`
}
