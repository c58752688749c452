// Undo one run: remove what it registered, register again what `reset` removed, and compare
// the table with the snapshot taken before the first change. Problems are warnings: a post
// step must never fail a job that already did its work.

import {
  BinfmtTable,
  fileDigest,
  overlaps,
  sameDefinition,
  type Entry,
  type Writer
} from './table.js'
import { describeOwners, lockPlaceFor, Owners, withLock } from './lock.js'
import type { Log } from '../util/log.js'
import type { RunState, StateStore } from './journal.js'

export interface RestoreReport {
  /** Entries of ours removed. */
  readonly removed: string[]
  /** Entries `reset` had removed, registered again. */
  readonly restored: string[]
  /** Entries of ours that someone else removed or changed during the job. */
  readonly vanished: string[]
  /** Entries of ours left in place because another running setup-binfmt still uses them. */
  readonly shared: string[]
  /** Differences between the final table and the snapshot, one line each. */
  readonly differences: string[]
}

export async function restore(
  table: BinfmtTable,
  state: RunState,
  log: Log,
  owners?: Owners
): Promise<RestoreReport> {
  const report: RestoreReport = {
    removed: [],
    restored: [],
    vanished: [],
    shared: [],
    differences: []
  }
  const me = state.owner ?? ''
  // An entry that was in the table before this run is never this run's to remove.
  const before = (e: Entry) => state.snapshot.some(s => s.name === e.name && sameDefinition(s, e))

  // Entries another run registered and this one shared: the last user removes them.
  for (const entry of [...(state.adopted ?? [])].reverse()) {
    const others = owners?.others(entry, me) ?? []
    owners?.release(entry, me)
    const current = await table.get(entry.name)
    if (!current || !sameDefinition(current, entry)) continue
    if (others.length > 0) {
      log.info(`kept ${entry.name}: still used by ${describeOwners(others)}`)
      report.shared.push(entry.name)
      continue
    }
    if (before(entry)) {
      log.info(`left ${entry.name} in place: it was there before this run`)
      continue
    }
    await table.remove(entry.name)
    log.info(`removed ${entry.name} (the last run using it)`)
    report.removed.push(entry.name)
  }

  for (const entry of [...state.created].reverse()) {
    const others = owners?.others(entry, me) ?? []
    if (others.length > 0) {
      owners?.release(entry, me)
      log.info(`kept ${entry.name}: still used by ${describeOwners(others)}`)
      report.shared.push(entry.name)
      continue
    }
    owners?.release(entry, me)
    const current = await table.get(entry.name)
    if (!current) {
      log.warning(
        `${entry.name} was removed during the job by something else (systemd-binfmt restart, kind, minikube?): nothing to clean up`
      )
      report.vanished.push(entry.name)
    } else if (!sameDefinition(current, entry)) {
      log.warning(`${entry.name} was changed during the job by something else: leaving it as it is`)
      report.vanished.push(entry.name)
    } else if (before(entry)) {
      log.info(`left ${entry.name} in place: it was there before this run`)
    } else {
      await table.remove(entry.name)
      log.info(`removed ${entry.name}`)
      report.removed.push(entry.name)
    }
  }

  // Oldest first: the kernel tries the entry registered last first, as before the reset.
  for (const entry of [...state.removed].reverse()) {
    const current = await table.get(entry.name)
    if (current && sameDefinition(current, entry)) continue
    if (current) {
      log.warning(
        `${entry.name} was registered again during the job with another definition: leaving that one`
      )
      continue
    }
    if (entry.heldSha256 && (await fileDigest(entry.interpreter)) !== entry.heldSha256) {
      log.warning(
        `Could not put back ${entry.name}: ${entry.interpreter} is no longer the interpreter the kernel ` +
          `held for it (SHA-256 ${entry.heldSha256}); it changed or went away during the job`
      )
      continue
    }
    try {
      await table.registerAgain(entry)
      log.info(`put back ${entry.name} (${entry.interpreter}, flags ${entry.flags || 'none'})`)
      report.restored.push(entry.name)
    } catch (e) {
      log.warning(`Could not put back ${entry.name}: ${(e as Error).message}`)
    }
  }

  await owners?.save()
  // Entries other running jobs registered or share are expected; anything else is a difference.
  const shared = new Set(report.shared)
  const mine = (e: Entry) => !shared.has(e.name) && (owners?.others(e, me).length ?? 0) === 0
  report.differences.push(
    ...compare(state.snapshot.filter(mine), (await table.inMatchOrder()).filter(mine))
  )
  if (report.differences.length === 0) {
    log.info(`binfmt_misc is as it was before the run (${state.snapshot.length} entries)`)
  } else {
    log.warning(`binfmt_misc differs from before the run: ${report.differences.join('; ')}`)
  }
  return report
}

/**
 * Undo the run `store` holds, under the host-wide lock, sharing entries with runs still going.
 * The state is read again once the lock is held: an install on the same state may have added
 * to it meanwhile, and whatever it added is undone too rather than forgotten. `forgetOwners`
 * first drops the owners records of the run's entries, so that records crashed runs left
 * keep none of them.
 */
export async function restoreSaved(
  store: StateStore,
  log: Log,
  options: { writer?: Writer; lockDir?: string; forgetOwners?: boolean } = {}
): Promise<RestoreReport | undefined> {
  const first = store.load()
  if (!first) return undefined
  const table = await BinfmtTable.open({ root: first.root, log, writer: options.writer })
  const place = await lockPlaceFor(table, log, options.lockDir)
  return withLock(
    place,
    async () => {
      const state = store.load()
      if (!state) return undefined
      if (state.root !== first.root) {
        throw new Error(
          `The saved state changed its binfmt_misc folder from ${first.root} to ${state.root} meanwhile`
        )
      }
      const owners = await Owners.read(place, log)
      if (options.forgetOwners) forgetOwners(owners, state, log)
      const report = await restore(table, state, log, owners)
      store.clear()
      return report
    },
    log
  )
}

function forgetOwners(owners: Owners, state: RunState, log: Log): void {
  const me = state.owner ?? ''
  for (const entry of [...(state.adopted ?? []), ...state.created]) {
    const forgot = owners.forget(entry, me)
    log.info(
      forgot.length > 0
        ? `--forget-owners: forgot ${entry.name}'s owners ${describeOwners(forgot)}`
        : `--forget-owners: no other run was recorded for ${entry.name}`
    )
  }
}

/**
 * One line per entry added, missing or changed between two tables, and per pair of entries
 * that match the same programs and are now tried in the other order. Both lists are in the
 * kernel's match order.
 */
export function compare(before: readonly Entry[], after: readonly Entry[]): string[] {
  const old = new Map(before.map(e => [e.name, e]))
  const now = new Map(after.map(e => [e.name, e]))
  const lines: string[] = []
  for (const [name, entry] of old) {
    const current = now.get(name)
    if (!current) lines.push(`${name} is missing`)
    else if (!sameDefinition(current, entry)) lines.push(`${name} changed`)
  }
  for (const name of now.keys()) if (!old.has(name)) lines.push(`${name} was added`)
  const rank = new Map(before.map((e, i) => [e.name, i]))
  const kept = after.filter(e => e.enabled && rank.has(e.name))
  kept.forEach((first, i) => {
    for (const second of kept.slice(i + 1)) {
      if (rank.get(first.name)! > rank.get(second.name)! && overlaps(first, second)) {
        lines.push(`${first.name} is now tried before ${second.name} (it was after it)`)
      }
    }
  })
  return lines
}
