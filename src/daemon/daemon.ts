// Node mode for fleets: keep the chosen platforms registered on a host for as long as this
// process lives. Something may wipe entries at any time (a systemd-binfmt restart, another
// tool's reset, kind or minikube): the daemon notices within one interval and registers them
// again through the same setup flow; on SIGTERM it removes what it registered, as post does.

import { BinfmtTable, DEFAULT_ROOT, sameDefinition } from '../binfmt/table.js'
import type { RunState, StateStore } from '../binfmt/journal.js'
import { restoreSaved } from '../binfmt/restore.js'
import type { Options } from '../options.js'
import type { Registered } from '../binfmt/register.js'
import { setup } from '../setup.js'
import type { Log } from '../util/log.js'
import { writeStatus, type DaemonStatus } from './status.js'

export interface DaemonDeps {
  readonly log: Log
  /** binfmt_misc folder; the kernel's by default (a DaemonSet mounts the host's elsewhere). */
  readonly root?: string
  /** How often the table is read. */
  readonly intervalMs: number
  /** Where health is written after every check; none when undefined. */
  readonly statusFile?: string
  /** Resolves when the daemon should stop (SIGTERM, SIGINT). */
  readonly stop: Promise<unknown>
}

/** The daemon's state lives and dies with its process: a store in memory. */
function processStore(): StateStore {
  let state: RunState | undefined
  return {
    load: () => state,
    save: s => void (state = s),
    clear: () => void (state = undefined)
  }
}

/** Which of the entries we keep are missing, or no longer as we registered them. */
async function lost(root: string, kept: readonly Registered[]): Promise<Registered[]> {
  const now = new Map((await BinfmtTable.read(root)).map(e => [e.name, e]))
  return kept.filter(({ entry }) => {
    const current = now.get(entry.name)
    return !current || !sameDefinition(current, entry) || !current.enabled
  })
}

export async function runDaemon(asked: Options, deps: DaemonDeps): Promise<number> {
  const { log, intervalMs } = deps
  // It reads the table every interval, which a helper container would turn into a container
  // start per interval: the daemon runs where binfmt_misc is in reach (the DaemonSet's pod).
  if (asked.registrar !== 'auto' && asked.registrar !== 'direct') {
    throw new Error(
      `daemon --registrar ${asked.registrar}: the daemon reads binfmt_misc every interval, which it does only directly. ` +
        `Run it as root where binfmt_misc is reachable (as the DaemonSet's privileged pod does), with --registrar direct or auto`
    )
  }
  const options: Options = { ...asked, registrar: 'direct' }
  const root = deps.root ?? DEFAULT_ROOT
  const store = processStore()
  const startedAt = new Date().toISOString()
  let heals = 0
  let lastHeal: { at: string; entries: string[]; ms: number } | undefined
  let lastError: string | undefined

  // Entries that fail their checks are undone by setup, which then throws: the node keeps none.
  const first = await setup(options, { log, store, root })
  const native = new Set(first.plan.native)
  let kept = [...first.registered]
  log.info(
    `daemon: keeping ${kept.map(r => r.entry.name).join(', ') || 'nothing'} registered in ${root}; checking every ${intervalMs} ms`
  )

  const report = async (missing: readonly Registered[]): Promise<void> => {
    if (!deps.statusFile) return
    const status: DaemonStatus = {
      pid: process.pid,
      startedAt,
      checkedAt: new Date().toISOString(),
      intervalMs,
      root,
      healthy: missing.length === 0 && lastError === undefined,
      entries: kept.map(r => ({ name: r.entry.name, present: !missing.includes(r) })),
      heals,
      lastHeal,
      lastError
    }
    await writeStatus(deps.statusFile, status)
  }

  let stopping = false
  void deps.stop.then(() => (stopping = true))
  await report([])
  while (!stopping) {
    await Promise.race([new Promise(resolve => setTimeout(resolve, intervalMs)), deps.stop])
    if (stopping) break
    let missing: Registered[] = []
    try {
      missing = await lost(root, kept)
      if (missing.length > 0) {
        const start = performance.now()
        const names = missing.map(r => r.entry.name)
        log.warning(`daemon: ${names.join(', ')} vanished or changed: registering again`)
        forget(store, missing)
        // Only the lost targets, without the start's checks: native targets are known, and
        // the interpreters were verified at start.
        const targets = missing.map(r => r.target)
        const again = await setup(
          { ...options, platforms: { targets, all: false }, reset: false, verify: 'none' },
          { log, store, root, native }
        )
        kept = kept.map(r => again.registered.find(a => a.target === r.target) ?? r)
        heals++
        lastHeal = {
          at: new Date().toISOString(),
          entries: names,
          ms: Math.round(performance.now() - start)
        }
        log.info(`daemon: ${names.join(', ')} back in ${lastHeal.ms} ms`)
        missing = await lost(root, kept)
      }
      lastError = undefined
    } catch (e) {
      lastError = (e as Error).message
      log.warning(`daemon: could not put the entries back: ${lastError}; trying again`)
    }
    await report(missing)
  }

  log.info('daemon: stopping, removing what it registered')
  const restored = await restoreSaved(store, log)
  return restored && restored.differences.length > 0 ? 1 : 0
}

/**
 * Entries that vanished or changed are no longer ours to undo: drop them from the record so
 * the next setup registers them afresh (a changed one under our name is left to whoever
 * changed it; ours then goes in under the next free name).
 */
function forget(store: StateStore, gone: readonly Registered[]): void {
  const state = store.load()
  if (!state) return
  const names = new Set(gone.map(r => r.entry.name))
  store.save({
    ...state,
    created: state.created.filter(e => !names.has(e.name)),
    adopted: (state.adopted ?? []).filter(e => !names.has(e.name))
  })
}
