// Archive members as both readers (tar and ar in archive.ts, cpio in rpm.ts) see them, and
// the rules shared by both: which member serves a target, how links are followed inside the
// archive, and how an interpreter is written out.

import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import type { Log } from '../../util/log.js'

/** Every member by normalised path, in archive order, and the bytes of the files kept. */
export interface Scan {
  readonly members: Map<string, Member>
  readonly data: Map<string, Buffer[]>
}

/**
 * Read the archive with `scan` (keeping the members `keep` accepts), choose each target's
 * member, and write it to destDir/qemu-<target>. A link to a member not named like an
 * interpreter, seen before we knew we wanted it, takes a second pass.
 */
export async function extractMembers(
  file: string,
  names: ReadonlyMap<string, readonly string[]>,
  destDir: string,
  scan: (keep: (path: string) => boolean) => Promise<Scan>,
  log?: Log
): Promise<Map<string, string>> {
  const allNames = new Set([...names.values()].flat())
  const first = await scan(path => allNames.has(posix.basename(path)))
  const sources = chooseMembers(file, first.members, names, log)
  const absent = new Set([...sources.values()].filter(path => !first.data.has(path)))
  if (absent.size > 0) {
    log?.debug(`${file}: second pass for ${[...absent].join(', ')}`)
    const again = await scan(path => absent.has(path))
    for (const path of absent) {
      const chunks = again.data.get(path)
      if (!chunks) throw new Error(`${file} changed while it was being read: ${path} is gone`)
      first.data.set(path, chunks)
    }
  }
  await mkdir(destDir, { recursive: true })
  const written = new Map<string, string>()
  for (const [t, source] of sources) {
    const dest = join(destDir, `qemu-${t}`)
    await place(dest, tmp => writeFile(tmp, Buffer.concat(first.data.get(source) ?? [])))
    written.set(t, dest)
  }
  return written
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

/** Write under a temporary name and rename, so a failure never leaves half an interpreter. */
export async function place(dest: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${dest}.${process.pid}.tmp`
  try {
    await write(tmp)
    await chmod(tmp, 0o755)
    await rename(tmp, dest)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
}
