// The action's two steps. Main registers and saves state; post restores from that state.
// Post problems are warnings: by then the job's real work is done.

import * as runner from './runner.js'
import { BinfmtTable } from './binfmt.js'
import { readInputs } from './inputs.js'
import type { Log } from './log.js'
import { restoreRun } from './restore.js'
import { setup, verificationError, type SetupDeps } from './setup.js'
import { actionStore, type StateStore } from './state.js'
import { setupSummary, restoreSummary } from './summary.js'

export const actionLog: Log = {
  info: m => runner.info(m),
  debug: m => runner.debug(m),
  notice: m => runner.notice(m),
  warning: m => runner.warning(m),
  group: (name, fn) => runner.group(name, fn)
}

export async function runMain(deps: Partial<SetupDeps> = {}): Promise<void> {
  try {
    const options = readInputs()
    const result = await setup(options, { log: actionLog, store: actionStore(), ...deps })
    runner.setOutput('platforms', result.platforms.join(','))
    runner.setOutput('emulated-platforms', result.emulatedPlatforms.join(','))
    runner.setOutput('emulators', result.emulators.join(','))
    runner.setOutput('qemu-version', result.acquired?.version ?? '')
    runner.setOutput('cache-hit', String(result.acquired?.cacheHit ?? true))
    runner.info(`platforms: ${result.platforms.join(',')}`)
    const phases = Object.entries(result.timings).map(([phase, ms]) => `${phase} ${ms} ms`)
    const peak = Math.round(process.resourceUsage().maxRSS / 1024)
    runner.info(`timings: ${phases.join(', ')}; peak memory ${peak} MB`)
    await setupSummary(result).write()
    const failure = verificationError(result)
    if (failure) runner.setFailed(failure.message)
  } catch (e) {
    runner.setFailed((e as Error).message)
  }
}

export async function runPost(
  store: StateStore = actionStore(),
  log: Log = actionLog
): Promise<void> {
  try {
    const state = store.load()
    if (!state) {
      log.info('Nothing to restore: main changed nothing')
      return
    }
    if (!state.cleanup) {
      log.info(
        `cleanup is false: leaving ${state.created.map(e => e.name).join(', ') || 'the table'} as it is`
      )
      return
    }
    const table = await BinfmtTable.open({ root: state.root, log })
    const report = await log.group('Restore binfmt_misc', () => restoreRun(table, state, log))
    await restoreSummary(report).write()
  } catch (e) {
    log.warning(`Could not restore binfmt_misc: ${(e as Error).message}`)
  }
}
