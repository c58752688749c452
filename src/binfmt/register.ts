// Put our entries in the table without disturbing anyone else's: reuse an identical entry,
// step around a different one (ours, registered later, matches first), never overwrite.

import { sameEntry, type BinfmtTable, type Entry } from './table.js'
import type { Log } from '../util/log.js'
import { runPid, type Owners } from './lock.js'
import type { Journal } from './journal.js'
import { target } from '../platform/targets.js'

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

/** `reset`: remove every qemu-* entry, recording each so post can register it again. */
export async function resetQemuEntries(
  table: BinfmtTable,
  journal: Journal,
  log: Log,
  owners: Owners
): Promise<Entry[]> {
  const removed: Entry[] = []
  for (const entry of (await table.list()).filter(e => e.name.startsWith('qemu-'))) {
    if (owners.others(entry, journal.owner).length > 0) {
      log.info(`reset: kept ${entry.name}: another running setup-binfmt uses it`)
      continue
    }
    removed.push(entry)
    await journal.writeAhead(
      () => journal.removed(entry),
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
    if (await sameEntry(existing, wanted)) {
      if (owners.tracks(existing)) {
        // Registered by another run of ours: share it, so its cleanup leaves it to us.
        owners.use(existing, journal.owner, runPid())
        await owners.save()
        journal.adopted(existing)
      }
      log.info(
        `${name}: an identical entry is already registered (${existing.interpreter}, flags ${existing.flags}): reusing it`
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
