// The main job, shared by the action and the CLI:
// options -> plan (targets) -> interpreters -> registration -> result.

import { BinfmtTable, type Writer } from './binfmt.js'
import type { Log } from './log.js'
import { nativeTargets } from './native.js'
import type { Options } from './options.js'
import { CONTAINER_TARGETS, ociPlatforms, type PlatformRequest } from './platforms.js'
import { registerTarget, resetQemuEntries, type Registered } from './register.js'
import { Journal, type StateStore } from './state.js'
import { findSystemInterpreters } from './system.js'

export interface Plan {
  /** Targets to emulate, in order. */
  readonly targets: readonly string[]
  /** Targets the host runs itself. */
  readonly native: readonly string[]
}

export interface SetupResult {
  readonly plan: Plan
  readonly registered: readonly Registered[]
  /** Every platform that runs now, native first, in OCI form. */
  readonly platforms: readonly string[]
  /** Platforms this run made available. */
  readonly emulatedPlatforms: readonly string[]
  /** Entry names in force for them. */
  readonly emulators: readonly string[]
}

export interface SetupDeps {
  readonly log: Log
  readonly store: StateStore
  /** binfmt_misc folder; the default is the kernel's. */
  readonly root?: string
  readonly writer?: Writer
  readonly native?: ReadonlySet<string>
}

export function makePlan(request: PlatformRequest, native: ReadonlySet<string>, log: Log): Plan {
  const targets: string[] = []
  for (const t of request.targets) {
    if (!native.has(t)) targets.push(t)
    else if (!request.all) log.notice(`${t} runs natively on this host: nothing to register for it`)
  }
  return { targets, native: [...native] }
}

async function getInterpreters(options: Options, targets: readonly string[], log: Log) {
  if (options.source !== 'system') {
    throw new Error(
      `source '${options.source}' is not available in this version: use source: system ` +
        `(interpreters already on the machine, e.g. from Debian's qemu-user-static)`
    )
  }
  const found = await findSystemInterpreters(targets, options.qemuPath)
  for (const [t, path] of found) log.info(`${t}: ${path}`)
  return found
}

export async function setup(options: Options, deps: SetupDeps): Promise<SetupResult> {
  const { log } = deps
  const plan = await log.group('Plan', async () => {
    const p = makePlan(options.platforms, deps.native ?? nativeTargets(), log)
    log.info(`native: ${p.native.join(', ') || 'none'}`)
    log.info(`to emulate: ${p.targets.join(', ') || 'nothing'}; flags ${options.flags}`)
    if (!options.flags.includes('F')) {
      log.warning(
        `flags '${options.flags}' lack F: containers and chroots will not find the interpreter. Add F unless you know you need it off.`
      )
    }
    return p
  })

  const interpreters =
    plan.targets.length === 0
      ? new Map<string, string>()
      : await log.group('Get QEMU', () => getInterpreters(options, plan.targets, log))

  const registered = await log.group('Register', async () => {
    const table = await BinfmtTable.open({ root: deps.root, log, writer: deps.writer })
    const journal = Journal.begin(deps.store, table.root, options.cleanup, await table.list())
    if (options.reset) await resetQemuEntries(table, journal, log)
    const done: Registered[] = []
    for (const t of plan.targets) {
      const r = await registerTarget(
        table,
        journal,
        t,
        interpreters.get(t) ?? '',
        options.flags,
        log
      )
      log.info(
        `${t}: ${r.action} ${r.entry.name} -> ${r.entry.interpreter} (flags ${r.entry.flags})`
      )
      done.push(r)
    }
    return done
  })

  const emulatedPlatforms = registered.flatMap(r => ociPlatforms(r.target))
  const nativePlatforms = plan.native
    .filter(t => (CONTAINER_TARGETS as readonly string[]).includes(t))
    .flatMap(ociPlatforms)
  return {
    plan,
    registered,
    platforms: [...new Set([...nativePlatforms, ...emulatedPlatforms])],
    emulatedPlatforms,
    emulators: registered.map(r => r.entry.name)
  }
}
