// Several runs on one host (self-hosted machines run several runners, as root or as users with
// sudo) share one binfmt_misc table. Changes to it happen under one lock per binfmt_misc
// instance, whoever runs, and a shared record says which runs use which of our entries, so
// that one run's cleanup never removes an entry another run still relies on: the last one out
// removes it. Both live in root's folder under /run, reached through sudo by other users; runs
// that change the table through a container engine keep them in the engine (SharedRecord).

import { randomUUID } from 'node:crypto'
import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { sameDefinition, type Entry } from './table.js'
import type { SharedRecord } from './shared-record.js'
import type { Log } from '../util/log.js'
import { lastLine, run, start } from '../util/exec.js'
import {
  checkFolders,
  privateDir,
  readPrivateFile,
  writePrivateFile
} from '../util/private-files.js'

/** Root's folder for the locks and owners records of every binfmt_misc instance on the host. */
export const HOST_DIR = '/run/setup-binfmt'

const WHAT = 'the binfmt_misc lock and owners record'

/** The folder of one instance's lock and owners record, and whether to reach it through sudo. */
export interface LockDir {
  readonly dir: string
  readonly sudo: boolean
}

/**
 * A direct run on a host whose engine serves `container:` jobs too: root's folder and the
 * engine's record both, so that neither kind of run removes an entry the other uses.
 */
export interface Joint {
  readonly host: LockDir
  readonly engine: SharedRecord
}

/** Where one instance's lock and owners record are: root's folder, a container engine, or both. */
export type Place = LockDir | SharedRecord | Joint

const inFolder = (place: Place): place is LockDir => 'dir' in place
const isJoint = (place: Place): place is Joint => 'host' in place
const partsOf = (place: Place): Array<LockDir | SharedRecord> =>
  isJoint(place) ? [place.host, place.engine] : [place]

const notFound = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT'

/**
 * Where the lock and the owners record live for the binfmt_misc instance at `root`: a folder
 * per instance (its device number), so every user and every path to one table shares them;
 * `shared` when the table is changed through a container engine. `override`
 * (SETUP_BINFMT_LOCK_DIR) is a private folder of the caller's own.
 */
export async function lockPlaceFor(
  table: { readonly root: string; readonly shared?: SharedRecord },
  log?: Log,
  override = process.env.SETUP_BINFMT_LOCK_DIR
): Promise<Place> {
  if (override) return { dir: privateDir(override, WHAT), sudo: false }
  if (table.shared?.alongsideHost) {
    return { host: await lockDirFor(table.root, log), engine: table.shared }
  }
  return table.shared ?? lockDirFor(table.root, log)
}

async function lockDirFor(root: string, log?: Log): Promise<LockDir> {
  const instance = join(HOST_DIR, `binfmt_misc-${statSync(root).dev}`)
  if (process.geteuid?.() === 0) {
    privateDir(HOST_DIR, WHAT, 0o755)
    return { dir: privateDir(instance, WHAT), sudo: false }
  }
  // Another user: root's folders, made through sudo. HOST_DIR is readable, so both are
  // checked from here; only root can write either.
  const made = async (path: string, mode: string) => {
    try {
      lstatSync(path)
    } catch (e) {
      if (!notFound(e)) throw e
      await run(['sudo', '-n', 'mkdir', '-m', mode, path], { log, allowFailure: true })
    }
    const st = lstatSync(path)
    if (!st.isDirectory() || st.isSymbolicLink() || st.uid !== 0 || (st.mode & 0o022) !== 0) {
      throw new Error(
        `Refusing to use ${path} for ${WHAT}: it must be a folder of root's that only root can ` +
          `write (found uid ${st.uid}, mode 0${(st.mode & 0o7777).toString(8)}${st.isSymbolicLink() ? ', a symbolic link' : ''}). ` +
          `As root, remove it; setup-binfmt makes it again`
      )
    }
  }
  checkFolders('/run', WHAT)
  await made(HOST_DIR, '0755')
  await made(instance, '0700')
  return { dir: instance, sudo: true }
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

/** The process holding a flock on `path`, from /proc/locks, when this user can see it. */
function lockHolder(path: string): number | undefined {
  try {
    const { ino } = statSync(path)
    for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
      const f = line.trim().split(/\s+/)
      if (f[1] === 'FLOCK' && f[5]?.split(':')[2] === String(ino)) return Number(f[4])
    }
  } catch {
    // Root's folder seen by another user: the holder is not ours to see.
  }
  return undefined
}

/**
 * Run `fn` holding the lock of `place`: a flock(2) on `lock` that flock(1) holds while `cat`
 * copies its standard input, so the kernel drops it the moment the holder dies, however it
 * dies. Nothing in the file counts: an empty or planted one changes nothing, and two waiters
 * can never both hold it.
 */
export async function withLock<T>(
  place: Place,
  fn: () => Promise<T>,
  log?: Log,
  timeoutMs = 120_000
): Promise<T> {
  if (isJoint(place)) {
    // Always root's folder first, then the engine: two runs never wait for each other crosswise.
    const { host, engine } = place
    return withLock(host, () => engine.lock(fn, timeoutMs), log, timeoutMs)
  }
  if (!inFolder(place)) return place.lock(fn, timeoutMs)
  const path = join(place.dir, 'lock')
  const argv = [
    ...(place.sudo ? ['sudo', '-n'] : []),
    'flock',
    '--exclusive',
    '--timeout',
    String(timeoutMs / 1000),
    path,
    'cat'
  ]
  // cat echoes this once flock holds the lock: that is the signal we hold it.
  const holder = start(argv, { input: '\n', log })
  const waiting = setTimeout(() => {
    const pid = lockHolder(path)
    log?.info(
      `waiting for another setup-binfmt${pid ? ` (pid ${pid})` : ''} to finish changing binfmt_misc`
    )
  }, 200)
  const got = await Promise.race([holder.output.then(() => true), holder.exited.then(() => false)])
  clearTimeout(waiting)
  if (!got) {
    const result = await holder.exited
    const pid = lockHolder(path)
    if (result.code === 1 && !result.stderr.trim()) {
      throw new Error(
        `Another setup-binfmt${pid ? ` (pid ${pid})` : ''} has held ${path} for over ${timeoutMs / 1000} s: ` +
          `wait for it to finish, or end it if it hangs`
      )
    }
    throw new Error(
      `Cannot take the binfmt_misc lock ${path} (${argv.join(' ')}: ${lastLine(result.stderr) || `exit ${result.code}`}); ` +
        `setup-binfmt needs flock from util-linux${place.sudo ? ' and passwordless sudo' : ''}`
    )
  }
  try {
    return await fn()
  } finally {
    holder.end()
    await holder.exited
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
  /** That process's startTime(): another start time is another process that got the pid. */
  readonly start?: number
  /** The pid namespace the pid is in (readlink /proc/self/ns/pid): elsewhere it says nothing. */
  readonly pidns?: string
  /** The container the run is in (a `container:` job's), which lives as long as the job. */
  readonly container?: string
}

/** A run recorded as using an entry, as others() and forget() name it. */
export interface OwnerInfo {
  readonly id: string
  readonly pid?: number
  readonly container?: string
  readonly since: number
}

/** "run ID (pid N, since ISO time)" for each owner, for log lines. */
export function describeOwners(owners: readonly OwnerInfo[]): string {
  return owners
    .map(
      o =>
        `run ${o.id} (${o.container ? `container ${o.container.slice(0, 12)}, ` : ''}${o.pid ? `pid ${o.pid}, ` : ''}since ${new Date(o.since).toISOString()})`
    )
    .join(', ')
}

/** The name of the GitHub runner's process that runs one job, main, run: steps and post. */
const WORKER = 'Runner.Worker'

/** The fields of /proc/PID/stat from field 3 on, or undefined when the process is gone or hidden. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The name in parentheses may hold spaces and ')': the fields after the last ')' are fixed.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

function parentOf(pid: number): number | undefined {
  return Number(statFields(pid)?.[1]) || undefined
}

/**
 * When process `pid` started (field 22 of /proc/PID/stat, clock ticks since boot): with the
 * pid it names one process for good, where a pid alone is reused once the process is gone.
 */
export function startTime(pid: number): number | undefined {
  return Number(statFields(pid)?.[19]) || undefined
}

/**
 * The process whose life is the job's: the runner's worker, found among our ancestors. The
 * action's steps are its children; the CLI in a `run:` step is its grandchild, through a shell
 * that ends with the step, so the shell is no measure. Outside a runner there is none, and
 * ownership goes by age alone.
 */
export function runPid(): number | undefined {
  if (process.env.GITHUB_ACTIONS !== 'true') return undefined
  for (let pid = parentOf(process.pid), i = 0; pid && pid > 1 && i < 64; i++) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === WORKER) return pid
    } catch {
      return undefined
    }
    pid = parentOf(pid)
  }
  return undefined
}

let ownPidNamespace: string | null | undefined
/** This process's pid namespace, read once: isLive asks for it for every owner. */
function pidNamespace(): string | undefined {
  if (ownPidNamespace === undefined) {
    try {
      ownPidNamespace = readlinkSync('/proc/self/ns/pid')
    } catch {
      ownPidNamespace = null
    }
  }
  return ownPidNamespace ?? undefined
}

/**
 * The id of the container this process runs in, from the engine's bind mount of its
 * /etc/hostname (Docker: .../containers/ID/hostname; Podman: .../overlay-containers/ID/...).
 */
export function containerId(): string | undefined {
  try {
    for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
      const [, , , source, target] = line.split(' ')
      if (target !== '/etc/hostname') continue
      const id = /containers\/([0-9a-f]{64})\//.exec(source ?? '')?.[1]
      if (id) return id
    }
  } catch {
    // No /proc: no container to name.
  }
  return undefined
}

/** This run as an owner: `pid` is a process that lives as long as the run (see runPid). */
export function ownerHere(pid?: number): Owner {
  return {
    since: Date.now(),
    pid,
    start: pid === undefined ? undefined : startTime(pid),
    pidns: pid === undefined ? undefined : pidNamespace(),
    container: containerId()
  }
}

/** Runs that never cleaned up stop counting when their worker is gone, or after a day. */
const STALE_MS = 24 * 60 * 60 * 1000

/**
 * Whether run `o` still goes on: its container runs (when `running` lists the engine's), its
 * process lives, and it is younger than `maxAgeMs`.
 */
export function isLive(
  o: Owner,
  now: number,
  running?: ReadonlySet<string>,
  maxAgeMs = STALE_MS
): boolean {
  if (now - o.since >= maxAgeMs) return false
  if (o.container && running) return running.has(o.container)
  if (!o.pid) return true
  // A process in another pid namespace (another container's) is not ours to look up.
  if (o.pidns && o.pidns !== pidNamespace()) return true
  // A record without a start time (an older setup-binfmt's), or a process this user cannot
  // see in /proc (hidepid) though it exists: the pid alone decides, as it did before.
  if (o.start === undefined) return alive(o.pid)
  const start = startTime(o.pid)
  return start === undefined ? alive(o.pid) : start === o.start
}

const OWNERS = 'owners.json'

export type Records = Record<string, OwnerRecord>

const newest = (r: OwnerRecord) => Math.max(0, ...Object.values(r.owners).map(o => o.since))

/** Two owners records as one: the runs of an entry together; of two definitions, the newer use. */
export function mergeRecords(a: Records, b: Records): Records {
  const out = { ...a }
  for (const [name, record] of Object.entries(b)) {
    const have = out[name]
    if (have && sameDefinition(have.entry, record.entry)) {
      out[name] = { entry: have.entry, owners: { ...have.owners, ...record.owners } }
    } else if (!have || newest(record) >= newest(have)) out[name] = record
  }
  return out
}

async function readOwners(place: LockDir | SharedRecord, log?: Log): Promise<string | undefined> {
  if (!inFolder(place)) return place.read()
  const path = join(place.dir, OWNERS)
  if (!place.sudo) return readPrivateFile(path, WHAT)
  const result = await run(['sudo', '-n', 'cat', path], { allowFailure: true, log })
  if (result.code === 0) return result.stdout
  if (/No such file/.test(result.stderr)) return undefined
  throw new Error(`Cannot read ${path} through sudo: ${lastLine(result.stderr)}`)
}

async function writeOwners(place: LockDir | SharedRecord, text: string, log?: Log): Promise<void> {
  if (!inFolder(place)) return place.write(text)
  if (!place.sudo) return writePrivateFile(place.dir, OWNERS, text)
  // A fresh file, created exclusively and never through a link, then renamed over the old.
  const temp = join(place.dir, `.${OWNERS}.${randomUUID()}`)
  await run(['sudo', '-n', 'dd', `of=${temp}`, 'conv=excl', 'oflag=nofollow', 'status=none'], {
    input: text,
    log
  })
  await run(['sudo', '-n', 'mv', '-f', '-T', temp, join(place.dir, OWNERS)], { log })
}

const ownerInfo = ([id, o]: [string, Owner]): OwnerInfo => ({
  id,
  pid: o.pid,
  container: o.container,
  since: o.since
})

export class Owners {
  private constructor(
    private readonly place: Place,
    private readonly records: Records,
    private readonly log?: Log,
    /** The engine's running containers, for runs recorded by their container. */
    private readonly running?: ReadonlySet<string>
  ) {}

  static async read(place: Place, log?: Log): Promise<Owners> {
    let records: Records = {}
    for (const part of partsOf(place)) {
      const text = await readOwners(part, log)
      try {
        if (text) records = mergeRecords(records, JSON.parse(text) as Records)
      } catch (e) {
        // Written by rename, so never half; unreadable means damaged: start afresh rather
        // than block every run on the host, and say so.
        const where = inFolder(part) ? join(part.dir, OWNERS) : part.where
        log?.warning(`${where} is not valid JSON (${(e as Error).message}): starting afresh`)
      }
    }
    const engine = isJoint(place) ? place.engine : inFolder(place) ? undefined : place
    return new Owners(place, records, log, await engine?.running())
  }

  /** Write the record back, without the runs that are over (each would stay for good). */
  async save(): Promise<void> {
    const now = Date.now()
    for (const [name, record] of Object.entries(this.records)) {
      const owners = Object.entries(record.owners).filter(([id, o]) => {
        if (isLive(o, now, this.running)) return true
        this.log?.debug(`${name}: forgetting run ${id}, which is over`)
        return false
      })
      if (owners.length === 0) delete this.records[name]
      else this.records[name] = { ...record, owners: Object.fromEntries(owners) }
    }
    const text = JSON.stringify(this.records, null, 2)
    for (const part of partsOf(this.place)) await writeOwners(part, text, this.log)
  }

  /** Other runs (not stale) that use this entry, as it is defined now. */
  others(entry: Entry, me: string): OwnerInfo[] {
    const record = this.records[entry.name]
    if (!record || !sameDefinition(record.entry, entry)) return []
    const now = Date.now()
    return Object.entries(record.owners)
      .filter(([id, o]) => id !== me && isLive(o, now, this.running))
      .map(ownerInfo)
  }

  /**
   * Drop every run recorded for this entry, live or not, and return the other runs dropped:
   * the operator's way out when a crashed run's record keeps an entry.
   */
  forget(entry: Entry, me: string): OwnerInfo[] {
    const record = this.records[entry.name]
    if (!record || !sameDefinition(record.entry, entry)) return []
    delete this.records[entry.name]
    return Object.entries(record.owners)
      .filter(([id]) => id !== me)
      .map(ownerInfo)
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
      owners: {
        ...record.owners,
        [me]: ownerHere(pid)
      }
    }
  }

  /** Run `me` no longer uses `entry` (save() drops the runs that are over). */
  release(entry: Entry, me: string): void {
    const record = this.records[entry.name]
    if (!record) return
    const owners = { ...record.owners }
    delete owners[me]
    if (Object.keys(owners).length === 0) delete this.records[entry.name]
    else this.records[entry.name] = { ...record, owners }
  }
}
