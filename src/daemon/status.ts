// The daemon's health, as a file any probe can read: a Kubernetes liveness probe runs
// `setup-binfmt health`, which reads it and answers with its exit code.

import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from '../util/files.js'

export interface DaemonStatus {
  readonly pid: number
  readonly startedAt: string
  /** When the table was last read. */
  readonly checkedAt: string
  readonly intervalMs: number
  readonly root: string
  /** Every entry we keep is present and the last check raised no error. */
  readonly healthy: boolean
  readonly entries: readonly { name: string; present: boolean }[]
  readonly heals: number
  readonly lastHeal?: { at: string; entries: string[]; ms: number }
  readonly lastError?: string
}

export async function writeStatus(path: string, status: DaemonStatus): Promise<void> {
  writeFileAtomic(path, `${JSON.stringify(status, null, 2)}\n`, { mode: 0o644 })
}

/** Exit codes of `setup-binfmt health`. */
export const HEALTH = { healthy: 0, unhealthy: 1, unknown: 2 } as const

export interface Health {
  readonly code: (typeof HEALTH)[keyof typeof HEALTH]
  readonly message: string
}

/** Healthy when the last check found every entry and is recent (three intervals, at least 5 s). */
export async function health(path: string, now = Date.now()): Promise<Health> {
  let status: DaemonStatus
  try {
    status = JSON.parse(await readFile(path, 'utf8')) as DaemonStatus
  } catch (e) {
    return {
      code: HEALTH.unknown,
      message: `no daemon status in ${path} (${(e as Error).message}): is 'setup-binfmt daemon --status-file ${path}' running?`
    }
  }
  const age = now - Date.parse(status.checkedAt)
  const limit = Math.max(3 * status.intervalMs, 5000)
  if (!(age <= limit)) {
    return {
      code: HEALTH.unknown,
      message: `the daemon (pid ${status.pid}) last checked the table ${Math.round(age / 1000)} s ago (limit ${limit / 1000} s): it is stuck or gone`
    }
  }
  const missing = status.entries.filter(e => !e.present).map(e => e.name)
  if (!status.healthy) {
    const why = status.lastError ?? `${missing.join(', ')} missing`
    return { code: HEALTH.unhealthy, message: `unhealthy: ${why}` }
  }
  const names = status.entries.map(e => e.name).join(', ') || 'nothing'
  return {
    code: HEALTH.healthy,
    message: `healthy: ${names} registered; ${status.heals} heal(s) since ${status.startedAt}`
  }
}
