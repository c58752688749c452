// The main job, shared by the action and the CLI:
// options -> plan (targets) -> interpreters -> registration -> result.

import { release } from 'node:os'
import { acquire } from './qemu/acquire.js'
import type { Acquired } from './qemu/request.js'
import { BinfmtTable, DEFAULT_ROOT, type Entry, type Writer } from './binfmt/table.js'
import type { Runner, Starter } from './util/exec.js'
import type { Log } from './util/log.js'
import { nativeTargets } from './platform/native.js'
import type { Options } from './options.js'
import { CONTAINER_TARGETS, ociPlatforms } from './platform/names.js'
import { makePlan, type Plan } from './platform/plan.js'
import { registerTarget, resetQemuEntries, type Registered } from './binfmt/register.js'
import { lockPlaceFor, newOwnerId, Owners, withLock, type Place } from './binfmt/lock.js'
import { restore } from './binfmt/restore.js'
import { Journal, type StateStore } from './binfmt/journal.js'
import { flagsForKernel } from './binfmt/kernel-flags.js'
import type { VerifyResult } from './verify/exec-checks.js'
import { verificationError, verify } from './verify/verify.js'
import { chooseRegistrar, type ChosenRegistrar } from './engine/registrar.js'

export interface SetupResult {
  readonly plan: Plan
  readonly registered: readonly Registered[]
  /** Where the interpreters came from; undefined when nothing needed emulating. */
  readonly acquired?: Acquired
  /** Verification results, one per platform and method. */
  readonly verified: readonly VerifyResult[]
  /** Every platform that runs now, native first, in OCI form. */
  readonly platforms: readonly string[]
  /** Platforms this run made available. */
  readonly emulatedPlatforms: readonly string[]
  /** Entry names in force for them. */
  readonly emulators: readonly string[]
  /** Wall time of each phase (Plan, Get QEMU, Register, Verify), in milliseconds. */
  readonly timings: Readonly<Record<string, number>>
}

export interface SetupDeps {
  readonly log: Log
  readonly store: StateStore
  /** binfmt_misc folder; the default is the kernel's. */
  readonly root?: string
  /** Writes the table; by default the registrar the options choose. */
  readonly writer?: Writer
  readonly native?: ReadonlySet<string>
  /** Runs the probes; tests run them inside their private namespace. */
  readonly exec?: Runner
  /** Starts programs the table's entries run (reading an F entry's interpreter); likewise. */
  readonly start?: Starter
  /** A private folder of the caller's for the lock and owners record; by default root's, one per instance. */
  readonly lockDir?: string
  /** The kernel release (os.release()) the flags are fitted to. */
  readonly kernelRelease?: string
}

export async function setup(asked: Options, deps: SetupDeps): Promise<SetupResult> {
  const timings: Record<string, number> = {}
  const log = timedGroups(deps.log, timings)
  const fitted = flagsForKernel(asked.flags, deps.kernelRelease ?? release())
  const options = { ...asked, flags: fitted.flags }
  let chosen: ChosenRegistrar | undefined
  try {
    return await setupWith(options, deps, log, timings, fitted.warning, async () => {
      chosen ??= deps.writer
        ? { registrar: 'direct', writer: deps.writer }
        : await chooseRegistrar(options.registrar, deps.root ?? DEFAULT_ROOT, log)
      return chosen
    })
  } finally {
    // The helper image goes: entries with F keep their interpreters open.
    await chosen?.writer.close?.()
  }
}

async function setupWith(
  options: Options,
  deps: SetupDeps,
  log: Log,
  timings: Record<string, number>,
  flagsWarning: string | undefined,
  registrar: () => Promise<ChosenRegistrar>
): Promise<SetupResult> {
  const plan = await log.group('Plan', async () => {
    if (flagsWarning) log.warning(flagsWarning)
    const { registrar: way, writer } = await registrar()
    if (way !== 'direct' && !options.flags.includes('F')) {
      throw new Error(
        `flags '${options.flags}' lack F: through a helper container the interpreters exist only inside the helper, ` +
          `so the kernel must open them when they are registered. Add F (the default is POCF), or use registrar: direct`
      )
    }
    // The table as this process sees it decides what runs natively; a helper reads it here.
    const entries = writer.files
      ? await (await BinfmtTable.open({ root: deps.root, log, writer })).inMatchOrder()
      : await BinfmtTable.read(deps.root)
    const native = deps.native ?? (await nativeTargets(entries, log, deps.exec))
    const p = makePlan(options.platforms, native, log)
    log.info(`native: ${p.native.join(', ') || 'none'}`)
    log.info(`to emulate: ${p.targets.join(', ') || 'nothing'}; flags ${options.flags}`)
    if (!options.flags.includes('F')) {
      log.warning(
        `flags '${options.flags}' lack F: containers and chroots will not find the interpreter. Add F unless you know you need it off.`
      )
    }
    return p
  })

  const acquired =
    plan.targets.length === 0
      ? undefined
      : await log.group('Get QEMU', async () => {
          const got = await acquire({ ...options, targets: plan.targets }, log)
          for (const [t, path] of got.interpreters) log.info(`${t}: ${path}`)
          log.info(
            `QEMU ${got.version} from ${got.source}${got.cacheHit ? ' (nothing downloaded)' : ''}`
          )
          for (const f of got.files) log.info(`${f.targets.join(', ')}: from ${f.file}`)
          return got
        })

  const run = await log.group('Register', async () => {
    const { registrar: way, writer } = await registrar()
    const table = await BinfmtTable.open({ root: deps.root, log, writer, start: deps.start })
    const interpreters = await table.place(acquired?.interpreters ?? new Map())
    const place = await lockPlaceFor(table, log, deps.lockDir)
    // One run at a time changes the table: others on this host wait here.
    return withLock(
      place,
      () => registerAll(table, plan, options, interpreters, place, way, deps.store, log),
      log
    )
  })
  const { table, journal, place, registered } = run

  // All or nothing: entries that do not work would only fail later steps and other jobs.
  const undo = () =>
    log.group('Undo', () =>
      withLock(
        place,
        async () => rollBack(table, journal, log, await Owners.read(place, log), 'Verification'),
        log
      )
    )
  let verified: VerifyResult[] = []
  if (options.verify !== 'none' && registered.length > 0) {
    try {
      verified = await log.group('Verify', async () => {
        // Without root the chroot check needs sudo, which a helper's user may lack; the
        // container check shows the same (F lets containers run the interpreter).
        const chroot = (await registrar()).registrar === 'direct' || process.getuid?.() === 0
        if (!chroot) {
          log.info(
            'chroot check skipped: not root, and binfmt_misc is changed through a helper container'
          )
        }
        return verify(table, registered, { ...options, chroot }, log, deps.exec)
      })
    } catch (e) {
      // A check that could not be done (no engine, the engine cannot start containers).
      await undo()
      throw e
    }
  }

  const emulatedPlatforms = registered.flatMap(r => ociPlatforms(r.target))
  const nativePlatforms = plan.native
    .filter(t => (CONTAINER_TARGETS as readonly string[]).includes(t))
    .flatMap(ociPlatforms)
  const result: SetupResult = {
    plan,
    registered,
    acquired,
    verified,
    platforms: [...new Set([...nativePlatforms, ...emulatedPlatforms])],
    emulatedPlatforms,
    emulators: registered.map(r => r.entry.name),
    timings
  }
  const failed = verificationError(result)
  if (failed) {
    await undo()
    throw new SetupFailure(
      `${failed.message}\nNothing of this run is left registered: binfmt_misc is as it was before it.`,
      { ...result, registered: [], emulatedPlatforms: [], emulators: [] }
    )
  }
  return result
}

/** A run that failed its checks and was undone; the result says what was tried. */
export class SetupFailure extends Error {
  constructor(
    message: string,
    readonly result: SetupResult
  ) {
    super(message)
  }
}

async function registerAll(
  table: BinfmtTable,
  plan: Plan,
  options: Options,
  interpreters: ReadonlyMap<string, string>,
  place: Place,
  registrar: ChosenRegistrar['registrar'],
  store: StateStore,
  log: Log
): Promise<{ table: BinfmtTable; journal: Journal; place: Place; registered: Registered[] }> {
  const owners = await Owners.read(place, log)
  const owner = store.load()?.owner ?? newOwnerId()
  // Entries other running jobs registered come and go with them: not part of our snapshot.
  // In match order, so post can tell whether entries are tried in the same order again.
  const snapshot = (await table.inMatchOrder()).filter(e => owners.others(e, owner).length === 0)
  const journal = Journal.begin(store, table.root, options.cleanup, snapshot, owner, registrar)
  try {
    if (options.reset) await resetQemuEntries(table, journal, log, owners)
    const done: Registered[] = []
    for (const t of plan.targets) {
      const interpreter = interpreters.get(t) ?? ''
      const r = await registerTarget(table, journal, t, interpreter, options.flags, log, owners)
      log.info(
        `${t}: ${r.action} ${r.entry.name} -> ${r.entry.interpreter} (flags ${r.entry.flags})`
      )
      done.push(r)
    }
    return { table, journal, place, registered: done }
  } catch (e) {
    await rollBack(table, journal, log, owners, 'Registration')
    throw e
  }
}

/** All or nothing: undo what this run registered or reset before the failure. */
async function rollBack(
  table: BinfmtTable,
  journal: Journal,
  log: Log,
  owners: Owners,
  what: 'Registration' | 'Verification'
): Promise<void> {
  const undo = journal.thisRun()
  const adopted = undo.adopted ?? []
  if (undo.created.length === 0 && undo.removed.length === 0 && adopted.length === 0) return
  const names = (entries: Entry[]) => entries.map(e => e.name).join(', ') || 'nothing'
  log.warning(
    `${what === 'Registration' ? 'Registration failed half-way' : 'Verification failed'}: removing what this run registered (${names(undo.created)}) ` +
      `and putting back what reset removed (${names(undo.removed)})`
  )
  await restore(table, undo, log, owners)
  journal.forgetThisRun()
}

/** The same log, with the wall time of each group recorded under its name. */
function timedGroups(log: Log, timings: Record<string, number>): Log {
  return {
    ...log,
    group: async (name, fn) => {
      const start = performance.now()
      try {
        return await log.group(name, fn)
      } finally {
        timings[name] = Math.round(performance.now() - start)
      }
    }
  }
}
