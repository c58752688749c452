// The runner's per-step state: main saves what it changed, post reads it back as STATE_binfmt.

import * as runner from './runner.js'
import { parseRunState, type StateStore } from '../binfmt/journal.js'

const KEY = 'binfmt'

export function actionStore(): StateStore {
  return {
    load: () => parseRunState(runner.getState(KEY), 'the step state'),
    save: state => runner.saveState(KEY, JSON.stringify(state)),
    clear: () => runner.saveState(KEY, '')
  }
}
