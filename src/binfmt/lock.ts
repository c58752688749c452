// Several runs on one host (self-hosted machines run several runners) share one binfmt_misc
// table. Changes to it happen under a host-wide lock, and a shared record says which runs
// use which of our entries, so that one run's cleanup never removes an entry another run
// still relies on: the last one out removes it.

import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_ROOT, sameDefinition, type Entry } from './table.js'
import type { Log } from '../util/log.js'
import { sha256 } from '../util/hash.js'

/** Where the lock and the owners record live for the table at `root`. */
export function lockDirFor(root: string): string {
  if (process.env.SETUP_BINFMT_LOCK_DIR) return process.env.SETUP_BINFMT_LOCK_DIR
  if (root === DEFAULT_ROOT) {
    return process.getuid?.() === 0
      ? '/run/setup-binfmt'
      : join(tmpdir(), `setup-binfmt-${process.getuid?.()}`)
  }
  // Another table (a test's private one): a folder of its own.
  return join(tmpdir(), `setup-binfmt-${sha256(root).slice(0, 16)}`)
}

export const newOwnerId = () => randomUUID()

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(path: string): number | undefined {
  try {
    return Number(readFileSync(path, 'utf8')) || 0
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/** Run `fn` holding `dir/lock`; a lock whose holder died is taken over. */
export async function withLock<T>(
  dir: string,
  fn: () => Promise<T>,
  log?: Log,
  timeoutMs = 120_000
): Promise<T> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'lock')
  const deadline = Date.now() + timeoutMs
  let waited = false
  for (;;) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const holder = readHolder(path)
    if (holder === undefined) continue // released meanwhile: try again at once
    // An empty file is a holder between creating and writing it: wait like for any other.
    if (holder > 0 && !alive(holder)) {
      log?.info(`taking over the binfmt_misc lock ${path}: its holder (pid ${holder}) is gone`)
      rmSync(path, { force: true })
      continue
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Another setup-binfmt (pid ${holder || 'unknown'}) has held ${path} for over ${timeoutMs / 1000} s; if none runs, delete that file`
      )
    }
    if (!waited)
      log?.info(`waiting for another setup-binfmt (pid ${holder}) to finish changing binfmt_misc`)
    waited = true
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  try {
    return await fn()
  } finally {
    rmSync(path, { force: true })
  }
}

/** Our entries in the table and the runs using them. Read and written under the lock. */
export interface OwnerRecord {
  readonly entry: Entry
  readonly owners: Record<string, Owner>
}

export interface Owner {
  readonly since: number
  /** A process that outlives the run (the runner's worker); gone means the run is over. */
  readonly pid?: number
}

/**
 * The process whose life is the run's: on a runner, main and post are children of the same
 * worker process; the CLI's install and uninstall share none, so they go by age alone.
 */
export function runPid(): number | undefined {
  return process.env.GITHUB_ACTIONS === 'true' ? process.ppid : undefined
}

/** Runs that never cleaned up stop counting when their worker is gone, or after a day. */
const STALE_MS = 24 * 60 * 60 * 1000

export class Owners {
  private constructor(
    private readonly path: string,
    private readonly records: Record<string, OwnerRecord>
  ) {}

  static read(dir: string): Owners {
    const path = join(dir, 'owners.json')
    try {
      return new Owners(path, JSON.parse(readFileSync(path, 'utf8')) as Record<string, OwnerRecord>)
    } catch {
      // None yet, or unreadable: start afresh rather than block every run on the host.
      return new Owners(path, {})
    }
  }

  save(): void {
    writeFileSync(`${this.path}.tmp`, JSON.stringify(this.records, null, 2))
    renameSync(`${this.path}.tmp`, this.path)
  }

  /** Other runs (not stale) that use this entry, as it is defined now. */
  others(entry: Entry, me: string): string[] {
    const record = this.records[entry.name]
    if (!record || !sameDefinition(record.entry, entry)) return []
    const now = Date.now()
    return Object.entries(record.owners)
      .filter(([id, o]) => id !== me && now - o.since < STALE_MS && (!o.pid || alive(o.pid)))
      .map(([id]) => id)
  }

  /** True when some run of ours registered this entry (then it is ours to share). */
  tracks(entry: Entry): boolean {
    const record = this.records[entry.name]
    return record !== undefined && sameDefinition(record.entry, entry)
  }

  /** Record that run `me` uses `entry`; `pid` is a process that lives as long as the run. */
  use(entry: Entry, me: string, pid?: number): void {
    const record = this.tracks(entry) ? this.records[entry.name] : { entry, owners: {} }
    this.records[entry.name] = {
      entry,
      owners: { ...record.owners, [me]: { since: Date.now(), pid } }
    }
  }

  release(entry: Entry, me: string): void {
    const record = this.records[entry.name]
    if (!record) return
    const owners = { ...record.owners }
    delete owners[me]
    if (Object.keys(owners).length === 0) delete this.records[entry.name]
    else this.records[entry.name] = { ...record, owners }
  }
}
