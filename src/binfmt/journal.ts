// What a run changed, saved after every change so the post step (or `setup-binfmt
// uninstall`) can undo exactly that, even when the run stopped half-way.

import { realpathSync, rmSync, statfsSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, normalize } from 'node:path'
import { DEFAULT_ROOT, type Entry } from './table.js'
import {
  existingPrivateDir,
  privateDir,
  readPrivateFile,
  writePrivateFile
} from '../util/private-files.js'

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
  /** How the run changed the table (src/engine/registrar.ts); absent: directly. */
  readonly registrar?: 'direct' | 'docker' | 'podman'
}

export interface StateStore {
  load(): RunState | undefined
  save(state: RunState): void
  clear(): void
}

/** A saved state read back, checked before anything is done with it; `where` names it in errors. */
export function parseRunState(text: string, where: string): RunState | undefined {
  if (!text) return undefined
  let state: RunState
  try {
    state = JSON.parse(text) as RunState
  } catch (e) {
    throw new Error(`${where} is not valid JSON (${(e as Error).message}): delete it`, {
      cause: e
    })
  }
  checkRunState(state, where)
  return state
}

/** binfmt_misc's filesystem type, as statfs reports it. */
const BINFMT_MISC_MAGIC = 0x42494e4d

/** The kernel's binfmt_misc folder, or another real binfmt_misc mount named without links. */
export function checkRoot(root: unknown, where: string): void {
  if (root === DEFAULT_ROOT) return
  const fail = (why: string): never => {
    throw new Error(
      `${where} names ${JSON.stringify(root)} as its binfmt_misc folder, which ${why}; ` +
        `expected ${DEFAULT_ROOT} or another binfmt_misc mount. Delete ${where} if you did not write it`
    )
  }
  if (typeof root !== 'string' || !isAbsolute(root) || normalize(root) !== root) {
    fail('is not an absolute, normalised path')
  }
  const path = root as string
  let type: number
  let real: string
  try {
    type = statfsSync(path).type
    real = realpathSync(path)
  } catch (e) {
    return fail(`cannot be read (${(e as NodeJS.ErrnoException).code})`)
  }
  if (type !== BINFMT_MISC_MAGIC) fail('is not a binfmt_misc mount')
  if (real !== path) fail(`goes through a symbolic link (to ${real})`)
}

/** Entry names become file names in binfmt_misc; interpreters are paths root registers. */
function checkEntry(e: Entry, where: string, list: string): void {
  const bad = (what: string): never => {
    throw new Error(
      `${where}: an entry in '${list}' has ${what}; expected an entry as binfmt_misc lists it. Delete ${where} if you did not write it`
    )
  }
  if (typeof e !== 'object' || e === null) bad('no fields')
  if (
    typeof e.name !== 'string' ||
    !/^[^/\0\n]{1,255}$/.test(e.name) ||
    ['.', '..', 'register', 'status'].includes(e.name)
  ) {
    bad(`the name ${JSON.stringify(e.name)}`)
  }
  if (
    typeof e.interpreter !== 'string' ||
    !isAbsolute(e.interpreter) ||
    normalize(e.interpreter) !== e.interpreter ||
    [...e.interpreter].some(c => c.charCodeAt(0) < 0x20)
  ) {
    bad(`the interpreter ${JSON.stringify(e.interpreter)} (not an absolute, normalised path)`)
  }
  if (typeof e.flags !== 'string' || !/^P?O?C?F?$/.test(e.flags)) {
    bad(`the flags ${JSON.stringify(e.flags)} (P, O, C, F in that order)`)
  }
  if (typeof e.enabled !== 'boolean') bad('no enabled state')
  if (!Number.isInteger(e.offset) || e.offset < 0 || e.offset > 255) {
    bad(`the offset ${JSON.stringify(e.offset)}`)
  }
  const hex = (v: unknown) =>
    v === undefined || (typeof v === 'string' && /^([0-9a-f]{2})*$/.test(v))
  if (!hex(e.magic) || !hex(e.mask)) bad('magic or mask that is not lowercase hex')
  if (
    e.extension !== undefined &&
    (typeof e.extension !== 'string' || /[/\0\n:]/.test(e.extension))
  ) {
    bad(`the extension ${JSON.stringify(e.extension)}`)
  }
}

function checkRunState(state: RunState, where: string): void {
  if (typeof state !== 'object' || state === null || state.version !== 1) {
    throw new Error(`${where} is not a setup-binfmt state of version 1: delete it`)
  }
  checkRoot(state.root, where)
  if (typeof state.cleanup !== 'boolean') {
    throw new Error(`${where} has no cleanup setting: delete it`)
  }
  for (const list of ['snapshot', 'created', 'removed', 'adopted'] as const) {
    const entries = state[list] ?? []
    if (!Array.isArray(entries)) throw new Error(`${where}: '${list}' is not a list: delete it`)
    for (const e of entries) checkEntry(e, where, list)
  }
  if (state.owner !== undefined && !/^[0-9a-f-]{36}$/.test(state.owner)) {
    throw new Error(`${where}: the owner id ${JSON.stringify(state.owner)} is not one we make`)
  }
  if (state.registrar !== undefined && !['direct', 'docker', 'podman'].includes(state.registrar)) {
    throw new Error(
      `${where}: the registrar ${JSON.stringify(state.registrar)} is not direct, docker or podman: delete it`
    )
  }
}

/**
 * A JSON file, for the CLI: install appends to it, uninstall undoes it and deletes it. It and
 * its folder must belong to root or this user and be writable by nobody else.
 */
export function fileStore(path: string): StateStore {
  const what = 'setup-binfmt state'
  const name = basename(path)
  return {
    load: () => {
      const dir = existingPrivateDir(dirname(path), what)
      const text = dir === undefined ? undefined : readPrivateFile(join(dir, name), what)
      return text === undefined ? undefined : parseRunState(text, path)
    },
    save: state => {
      writePrivateFile(privateDir(dirname(path), what), name, JSON.stringify(state, null, 2))
    },
    clear: () => {
      const dir = existingPrivateDir(dirname(path), what)
      if (dir !== undefined) rmSync(join(dir, name), { force: true })
    }
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
    owner: string,
    registrar?: RunState['registrar']
  ): Journal {
    const previous = store.load()
    const start: RunState =
      previous && previous.root === root
        ? { owner, registrar, ...previous, cleanup: previous.cleanup && cleanup }
        : {
            version: 1,
            root,
            cleanup,
            snapshot,
            created: [],
            removed: [],
            adopted: [],
            owner,
            registrar
          }
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
