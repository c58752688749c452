// The job summary: one row per platform after main, what was put back after post.

import * as core from '@actions/core'
import type { RestoreReport } from './restore.js'
import type { SetupResult } from './setup.js'
import { ociPlatforms } from './platforms.js'

export function setupSummary(result: SetupResult): typeof core.summary {
  const rows = result.registered.map(r => [
    ociPlatforms(r.target).join(', '),
    r.target,
    r.entry.name,
    r.entry.interpreter,
    r.entry.flags,
    r.action
  ])
  const summary = core.summary.addHeading('setup-binfmt', 3)
  if (rows.length > 0) {
    summary.addTable([
      ['Platform', 'QEMU target', 'Entry', 'Interpreter', 'Flags', 'Action'].map(data => ({
        data,
        header: true
      })),
      ...rows
    ])
  }
  return summary.addRaw(`Native: ${result.plan.native.join(', ') || 'none'}`, true)
}

export function restoreSummary(report: RestoreReport): typeof core.summary {
  const line = (label: string, names: string[]) => `${label}: ${names.join(', ') || 'none'}`
  return core.summary
    .addHeading('setup-binfmt: binfmt_misc restored', 3)
    .addList([
      line('Removed', report.removed),
      line('Put back', report.restored),
      line('Gone during the job', report.vanished),
      report.differences.length === 0
        ? 'The table equals its state before the job'
        : line('Differences', report.differences)
    ])
}
