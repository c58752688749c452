// What a run changed, saved after every change so the post step (or `setup-binfmt
// uninstall`) can undo exactly that, even when the run stopped half-way.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Entry } from './table.js'

export interface RunState {
  readonly version: 1
  /** The binfmt_misc folder the run changed. */
  readonly root: string
  readonly cleanup: boolean
  /** The whole table before the first change. */
  readonly snapshot: Entry[]
  /** Entries this run registered, in order. */
  readonly created: Entry[]
  /** Entries `reset` removed, in order; post registers them again. */
  readonly removed: Entry[]
  /** Entries another run of ours registered and this run uses too. */
  readonly adopted?: Entry[]
  /** This run's id in the shared owners record. */
  readonly owner?: string
  /** Where the host-wide lock and owners record are. */
  readonly lockDir?: string
}

export interface StateStore {
  load(): RunState | undefined
  save(state: RunState): void
  clear(): void
}

/** A saved state read back; `where` names it in errors. */
export function parseRunState(text: string, where: string): RunState | undefined {
  if (!text) return undefined
  const state = JSON.parse(text) as RunState
  if (state.version !== 1) throw new Error(`Unknown setup-binfmt state version in ${where}`)
  return state
}

/** A JSON file, for the CLI: install appends to it, uninstall undoes it and deletes it. */
export function fileStore(path: string): StateStore {
  return {
    load: () => {
      try {
        return parseRunState(readFileSync(path, 'utf8'), path)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw e
      }
    },
    save: state => {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2))
      renameSync(`${path}.tmp`, path)
    },
    clear: () => rmSync(path, { force: true })
  }
}

/** Records changes into a RunState and saves it after each one. */
export class Journal {
  private state: RunState

  constructor(
    private readonly store: StateStore,
    private readonly start: RunState,
    /** The table when this run began (the stored snapshot may be older). */
    private readonly tableAtStart: Entry[]
  ) {
    this.state = start
    store.save(start)
  }

  /** Continue the stored run when there is one on the same table, else start from `snapshot`. */
  static begin(
    store: StateStore,
    root: string,
    cleanup: boolean,
    snapshot: Entry[],
    shared: { owner: string; lockDir: string }
  ): Journal {
    const previous = store.load()
    const start: RunState =
      previous && previous.root === root
        ? { ...shared, ...previous, cleanup: previous.cleanup && cleanup }
        : { version: 1, root, cleanup, snapshot, created: [], removed: [], adopted: [], ...shared }
    return new Journal(store, start, snapshot)
  }

  get owner(): string {
    return this.state.owner!
  }

  adopted(entry: Entry): void {
    if (this.state.adopted?.some(e => e.name === entry.name)) return
    this.update({ adopted: [...(this.state.adopted ?? []), entry] })
  }

  /** Only what this run changed, with the table as this run found it. */
  thisRun(): RunState {
    const before = new Set(this.start.created.map(e => e.name))
    return {
      ...this.state,
      snapshot: this.tableAtStart,
      created: this.state.created.filter(e => !before.has(e.name)),
      removed: this.state.removed.slice(this.start.removed.length),
      adopted: (this.state.adopted ?? []).slice(this.start.adopted?.length ?? 0)
    }
  }

  /** After this run's changes were undone: record that nothing of them is left. */
  forgetThisRun(): void {
    const mine = new Set(this.thisRun().created.map(e => e.name))
    this.update({
      created: this.state.created.filter(e => !mine.has(e.name)),
      removed: this.state.removed.slice(0, this.start.removed.length),
      adopted: (this.state.adopted ?? []).slice(0, this.start.adopted?.length ?? 0)
    })
  }

  get current(): RunState {
    return this.state
  }

  created(entry: Entry): void {
    this.update({ created: [...this.state.created, entry] })
  }

  removed(entry: Entry): void {
    // Removing an entry this run created just forgets it; others are put back by post.
    if (this.state.created.some(e => e.name === entry.name)) {
      this.update({ created: this.state.created.filter(e => e.name !== entry.name) })
    } else {
      this.update({ removed: [...this.state.removed, entry] })
    }
  }

  /**
   * Save the record of a change before making it, so that a run killed in between leaves
   * nothing unrecorded for post; when the change fails, take the record back.
   */
  async writeAhead<T>(record: () => void, change: () => Promise<T>): Promise<T> {
    const before = this.state
    record()
    try {
      return await change()
    } catch (e) {
      this.update(before)
      throw e
    }
  }

  private update(change: Partial<RunState>): void {
    this.state = { ...this.state, ...change }
    this.store.save(this.state)
  }
}
