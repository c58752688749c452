// Undo one run: remove what it registered, register again what `reset` removed, and compare
// the table with the snapshot taken before the first change. Problems are warnings: a post
// step must never fail a job that already did its work.

import { sameDefinition, type BinfmtTable, type Entry } from './binfmt.js'
import type { Log } from './log.js'
import type { RunState } from './state.js'

export interface RestoreReport {
  /** Entries of ours removed. */
  readonly removed: string[]
  /** Entries `reset` had removed, registered again. */
  readonly restored: string[]
  /** Entries of ours that someone else removed or changed during the job. */
  readonly vanished: string[]
  /** Differences between the final table and the snapshot, one line each. */
  readonly differences: string[]
}

export async function restore(
  table: BinfmtTable,
  state: RunState,
  log: Log
): Promise<RestoreReport> {
  const report: RestoreReport = { removed: [], restored: [], vanished: [], differences: [] }

  for (const entry of [...state.created].reverse()) {
    const current = await table.get(entry.name)
    if (!current) {
      log.warning(
        `${entry.name} was removed during the job by something else (systemd-binfmt restart, kind, minikube?): nothing to clean up`
      )
      report.vanished.push(entry.name)
    } else if (!sameDefinition(current, entry)) {
      log.warning(`${entry.name} was changed during the job by something else: leaving it as it is`)
      report.vanished.push(entry.name)
    } else {
      await table.remove(entry.name)
      log.info(`removed ${entry.name}`)
      report.removed.push(entry.name)
    }
  }

  for (const entry of state.removed) {
    const current = await table.get(entry.name)
    if (current && sameDefinition(current, entry)) continue
    if (current) {
      log.warning(
        `${entry.name} was registered again during the job with another definition: leaving that one`
      )
      continue
    }
    try {
      await table.register(entry)
      log.info(`put back ${entry.name} (${entry.interpreter}, flags ${entry.flags || 'none'})`)
      report.restored.push(entry.name)
    } catch (e) {
      log.warning(`Could not put back ${entry.name}: ${(e as Error).message}`)
    }
  }

  report.differences.push(...compare(state.snapshot, await table.list()))
  if (report.differences.length === 0) {
    log.info(`binfmt_misc is as it was before the run (${state.snapshot.length} entries)`)
  } else {
    log.warning(`binfmt_misc differs from before the run: ${report.differences.join('; ')}`)
  }
  return report
}

/** One line per entry added, missing or changed between two tables. */
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
  return lines
}
