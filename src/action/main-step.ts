// The action's main step: read the inputs, set up, write outputs and the summary, and save
// what changed (the post step, src/cleanup.ts, undoes it).

import * as runner from './runner.js'
import { readInputs } from './inputs.js'
import { setup, SetupFailure, type SetupDeps } from '../setup.js'
import { actionStore } from './step-state.js'
import { setupSummary } from './summary.js'

export async function runMain(deps: Partial<SetupDeps> = {}): Promise<void> {
  try {
    const options = readInputs()
    const result = await setup(options, { log: runner.runnerLog, store: actionStore(), ...deps })
    runner.setOutput('platforms', result.platforms.join(','))
    runner.setOutput('emulated-platforms', result.emulatedPlatforms.join(','))
    runner.setOutput('emulators', result.emulators.join(','))
    runner.setOutput('qemu-version', result.acquired?.version ?? '')
    runner.setOutput('qemu-files', result.acquired?.files.map(f => f.file).join(',') ?? '')
    runner.setOutput('cache-hit', String(result.acquired?.cacheHit ?? true))
    runner.info(`platforms: ${result.platforms.join(',')}`)
    const phases = Object.entries(result.timings).map(([phase, ms]) => `${phase} ${ms} ms`)
    const peak = Math.round(process.resourceUsage().maxRSS / 1024)
    runner.info(`timings: ${phases.join(', ')}; peak memory ${peak} MB`)
    await setupSummary(result).write()
  } catch (e) {
    // The checks that failed belong in the summary too; their entries are gone already.
    if (e instanceof SetupFailure) await setupSummary(e.result).write()
    runner.setFailed((e as Error).message)
  }
}
