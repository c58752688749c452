// The member rules every archive follows, whichever tool opened it (extract.ts, rpm.ts) and
// tar.ts read it: which member serves a target, how links are followed inside the archive's
// own tree, and how an interpreter is written out, only once the whole archive has been read.
// Kept members' bytes go to temporary files, never to memory, and are bounded: an archive of a
// few kilobytes can hold gigabytes of zeros under an interpreter's name.

import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { copyFileAtomic } from '../../util/files.js'
import type { Log } from '../../util/log.js'
import { makeTempDir } from '../../util/temp.js'

/** The largest QEMU interpreter is about 18 MB (qemu-xtensa 11.1); a member over 128 MiB is not one. */
export const MAX_INTERPRETER_BYTES = 128 << 20

/** Every member by normalised path, in archive order, and the bytes of the files kept. */
export interface Scan {
  readonly members: Map<string, Member>
  readonly data: KeptData
}

/** Receives one member's data, chunk by chunk; throws when the member is over the limits. */
export type DataSink = (chunk: Buffer) => void

/**
 * The kept members of one pass, each in its own file under `dir`. Readers call start() at a
 * member's header (it closes the previous one), delete() when a member is replaced or turns
 * out to be a link, and finish() at the end.
 */
export class KeptData {
  private readonly files = new Map<string, string>()
  private fd: number | undefined
  private count = 0
  private total = 0

  constructor(
    private readonly dir: string,
    private readonly archive: string,
    /** All kept bytes together, at most. */
    private readonly maxTotal: number,
    private readonly prefix = 'member'
  ) {}

  start(path: string): DataSink {
    this.delete(path)
    const tmp = join(this.dir, `${this.prefix}-${this.count++}`)
    this.fd = openSync(tmp, 'wx', 0o600)
    this.files.set(path, tmp)
    const fd = this.fd
    let size = 0
    return chunk => {
      size += chunk.length
      this.total += chunk.length
      if (size > MAX_INTERPRETER_BYTES) {
        throw new Error(
          `Refusing ${this.archive}: member ${path} is over ${MAX_INTERPRETER_BYTES >> 20} MiB, ` +
            `far more than any QEMU interpreter`
        )
      }
      if (this.total > this.maxTotal) {
        throw new Error(
          `Refusing ${this.archive}: its members named like the wanted interpreters hold over ` +
            `${this.maxTotal >> 20} MiB, more than those interpreters can be`
        )
      }
      writeSync(fd, chunk)
    }
  }

  has(path: string): boolean {
    return this.files.has(path)
  }

  get(path: string): string | undefined {
    return this.files.get(path)
  }

  /** Take over `path`'s file from another pass. */
  adopt(path: string, from: KeptData): void {
    const tmp = from.files.get(path)
    if (tmp === undefined) return
    this.delete(path)
    from.files.delete(path)
    this.files.set(path, tmp)
  }

  delete(path: string): void {
    this.finish()
    const tmp = this.files.get(path)
    if (tmp === undefined) return
    rmSync(tmp, { force: true })
    this.files.delete(path)
  }

  finish(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/** The reader of one pass: index every member, keeping into `data` the files `keep` accepts. */
export type Scanner = (keep: (path: string) => boolean, data: KeptData) => Promise<Scan>

/**
 * Read the archive with `scan` (keeping the members `keep` accepts), choose each target's
 * member, and write it to destDir/qemu-<target>. A link to a member not named like an
 * interpreter, seen before we knew we wanted it, takes a second pass.
 */
export async function extractMembers(
  file: string,
  names: ReadonlyMap<string, readonly string[]>,
  destDir: string,
  scan: Scanner,
  log?: Log
): Promise<Map<string, string>> {
  // Kept bytes wait in a temporary folder, so a refused archive leaves nothing in destDir.
  const work = await makeTempDir('members')
  const maxTotal = MAX_INTERPRETER_BYTES * Math.max(1, names.size)
  try {
    const allNames = new Set([...names.values()].flat())
    const data = new KeptData(work, file, maxTotal)
    const first = await scan(path => allNames.has(posix.basename(path)), data).finally(() =>
      data.finish()
    )
    const sources = chooseMembers(file, first.members, names, log)
    const absent = new Set([...sources.values()].filter(path => !first.data.has(path)))
    if (absent.size > 0) {
      log?.debug(`${file}: second pass for ${[...absent].join(', ')}`)
      const more = new KeptData(work, file, maxTotal, 'again')
      const again = await scan(path => absent.has(path), more).finally(() => more.finish())
      for (const path of absent) {
        if (!again.data.has(path)) {
          throw new Error(`${file} changed while it was being read: ${path} is gone`)
        }
        first.data.adopt(path, again.data)
      }
    }
    await mkdir(destDir, { recursive: true })
    const written = new Map<string, string>()
    for (const [t, source] of sources) {
      const dest = join(destDir, `qemu-${t}`)
      await copyFileAtomic(first.data.get(source)!, dest, { mode: 0o755 })
      written.set(t, dest)
    }
    return written
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

export type EntryType = 'file' | 'hardlink' | 'symlink' | 'directory' | 'other'

export interface Member {
  readonly type: EntryType
  /** Symlink: the raw target. Hard link: the normalised member path it names. */
  readonly linkname: string
}

/** How many links one lookup may follow before we call it a loop (Linux allows 40). */
const MAX_HOPS = 40

/** Pick each target's member and follow its links to a regular file; fail naming the misses. */
function chooseMembers(
  file: string,
  members: ReadonlyMap<string, Member>,
  names: ReadonlyMap<string, readonly string[]>,
  log?: Log
): Map<string, string> {
  const sources = new Map<string, string>()
  const missing: string[] = []
  for (const [t, wanted] of names) {
    const best = bestCandidate(members, wanted)
    if (best === undefined) {
      missing.push(t)
      continue
    }
    const source = resolveFile(file, members, best)
    log?.debug(`${file}: ${t} from ${best}${source === best ? '' : ` -> ${source}`}`)
    sources.set(t, source)
  }
  if (missing.length > 0) {
    const looked = missing.flatMap(t => names.get(t) ?? [])
    throw new Error(
      `${file} has no QEMU interpreter for ${missing.join(', ')}: ` +
        `looked for a member named ${looked.join(', ')} in any folder`
    )
  }
  return sources
}

/**
 * Members are matched by name in any folder, so prefer one in a bin folder (or the top) over,
 * say, Debian's /usr/share/binfmts/qemu-<target> text file; then the -static name; then the
 * first in the archive.
 */
function bestCandidate(
  members: ReadonlyMap<string, Member>,
  wanted: readonly string[]
): string | undefined {
  let best: { path: string; rank: number } | undefined
  for (const [path, member] of members) {
    const index = wanted.indexOf(posix.basename(path))
    if (index < 0 || member.type === 'directory') continue
    const dir = posix.dirname(path)
    const inBin = dir === '.' || /(^|\/)s?bin$/.test(dir)
    const rank = (inBin ? 0 : wanted.length) + index
    if (!best || rank < best.rank) best = { path, rank }
  }
  return best?.path
}

/**
 * Follow symbolic and hard links from `start` the way the kernel would after extraction, but in
 * the archive's own tree: absolute targets start at the archive's top, and climbing above it is
 * an error rather than a step onto the host.
 */
function resolveFile(file: string, members: ReadonlyMap<string, Member>, start: string): string {
  const done: string[] = []
  let todo = start.split('/')
  let hops = 0
  let via = start
  while (todo.length > 0) {
    const [part, ...rest] = todo
    todo = rest
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (done.pop() === undefined) {
        throw new Error(`Refusing ${file}: the link ${via} leads outside the archive`)
      }
      continue
    }
    done.push(part)
    const here = done.join('/')
    const member = members.get(here)
    if (member?.type !== 'symlink' && member?.type !== 'hardlink') continue
    if (++hops > MAX_HOPS) throw new Error(`Refusing ${file}: the links from ${start} loop`)
    via = `${here} -> ${member.linkname}`
    done.pop()
    // Hard link names, like absolute symlinks, are relative to the archive's top.
    if (member.type === 'hardlink' || member.linkname.startsWith('/')) done.length = 0
    todo = [...member.linkname.split('/'), ...todo]
  }
  const path = done.join('/')
  const member = members.get(path)
  if (!member) throw new Error(`${file}: ${start} leads to ${path}, which is not in the archive`)
  if (member.type !== 'file') {
    const what = member.type === 'directory' ? 'a folder' : 'a device, FIFO or other special member'
    throw new Error(`${file}: ${start} leads to ${path}, which is ${what}, not a file`)
  }
  return path
}
