// The action's post step: undo what main changed, from the state main saved. Problems are
// warnings: by then the job's real work is done. Kept apart from main so that its bundle
// carries none of the setup code.

import type { Log } from '../util/log.js'
import { restoreSaved } from '../binfmt/restore.js'
import { runnerLog } from './runner.js'
import type { StateStore } from '../binfmt/journal.js'
import { actionStore } from './step-state.js'
import { restoreSummary } from './summary.js'
import { reopenRegistrar } from '../engine/registrar.js'

export async function runPost(
  store: StateStore = actionStore(),
  log: Log = runnerLog
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
      store.clear()
      return
    }
    const writer = await reopenRegistrar(state.registrar, state.root, log)
    try {
      const report = await log.group('Restore binfmt_misc', () =>
        restoreSaved(store, log, { writer })
      )
      if (report) await restoreSummary(report).write()
    } finally {
      await writer.close?.()
    }
  } catch (e) {
    log.warning(`Could not restore binfmt_misc: ${(e as Error).message}`)
  }
}
