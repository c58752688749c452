// The job summary: one row per platform after main, what was put back after post.

import * as core from '@actions/core'
import { ociPlatforms } from './platforms.js'
import type { RestoreReport } from './restore.js'
import type { SetupResult } from './setup.js'

export function setupSummary(result: SetupResult): typeof core.summary {
  const source = result.acquired
    ? `${result.acquired.source}${result.acquired.cacheHit ? '' : `, ${result.acquired.downloadedBytes} bytes`}`
    : ''
  const rows = result.registered.map(r => {
    const checks = result.verified.filter(v => v.target === r.target)
    const verified = checks.map(v => `${v.method} ${v.ok ? 'ok' : 'FAILED'} ${v.ms} ms`).join(', ')
    return [
      ociPlatforms(r.target).join(', '),
      r.target,
      r.entry.name,
      result.acquired?.version ?? '',
      r.entry.flags,
      `${r.action}; ${source}`,
      verified || 'not verified'
    ]
  })
  const summary = core.summary.addHeading('setup-binfmt', 3)
  if (rows.length > 0) {
    const head = ['Platform', 'QEMU target', 'Entry', 'QEMU', 'Flags', 'Source', 'Verified']
    summary.addTable([head.map(data => ({ data, header: true })), ...rows])
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
