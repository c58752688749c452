// The job summary: one row per platform after main, what was put back after post.

import { ociPlatforms } from '../platform/names.js'
import type { RestoreReport } from '../binfmt/restore.js'
import { Summary } from './runner.js'
import type { SetupResult } from '../setup.js'

export function setupSummary(result: SetupResult): Summary {
  const source = result.acquired
    ? `${result.acquired.source}${result.acquired.cacheHit ? '' : `, ${result.acquired.downloadedBytes} bytes`}`
    : ''
  const rows = result.registered.map(r => {
    const from = result.acquired?.files.find(f => f.targets.includes(r.target))?.file
    const checks = result.verified.filter(v => v.target === r.target)
    const verified = checks.map(v => `${v.method} ${v.ok ? 'ok' : 'FAILED'} ${v.ms} ms`).join(', ')
    return [
      ociPlatforms(r.target).join(', '),
      r.target,
      r.entry.name,
      result.acquired?.version ?? '',
      r.entry.flags,
      `${r.action}; ${source}${from ? `; from ${from}` : ''}`,
      verified || 'not verified'
    ]
  })
  const summary = new Summary().heading('setup-binfmt')
  if (rows.length > 0) {
    summary.table(['Platform', 'QEMU target', 'Entry', 'QEMU', 'Flags', 'Source', 'Verified'], rows)
  }
  return summary.paragraph(`Native: ${result.plan.native.join(', ') || 'none'}`)
}

export function restoreSummary(report: RestoreReport): Summary {
  const line = (label: string, names: string[]) => `${label}: ${names.join(', ') || 'none'}`
  return new Summary()
    .heading('setup-binfmt: binfmt_misc restored')
    .list([
      line('Removed', report.removed),
      line('Put back', report.restored),
      line('Left for jobs still running', report.shared),
      line('Gone during the job', report.vanished),
      report.differences.length === 0
        ? 'The table equals its state before the job'
        : line('Differences', report.differences)
    ])
}
