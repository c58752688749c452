import type { RunState, StateStore } from '../../src/binfmt/journal.js'

/** A StateStore in memory that counts saves, as the runner's state file would keep the last. */
export function memoryStore(): StateStore & { saves: number; state?: RunState } {
  const store: StateStore & { saves: number; state?: RunState } = {
    saves: 0,
    load: () => store.state,
    save: state => {
      store.saves++
      store.state = JSON.parse(JSON.stringify(state)) as RunState
    },
    clear: () => {
      store.state = undefined
    }
  }
  return store
}
