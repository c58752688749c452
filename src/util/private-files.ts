// Files that steer what root does to binfmt_misc (saved state, the owners record, the lock)
// live only in folders nobody else can write: another local user must not be able to plant,
// replace or link any of them. Every folder on the way is checked, opens never follow a
// link, and modes are set explicitly so that a umask of 000 changes nothing.

import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  type Stats
} from 'node:fs'
import { basename, dirname, join, sep } from 'node:path'
import { writeFileAtomic } from './files.js'

const { O_RDONLY, O_NOFOLLOW } = constants

const me = () => process.geteuid?.() ?? 0
const octal = (mode: number) => `0${(mode & 0o7777).toString(8)}`

/** Root, or the user this process runs as: the only owners trusted here. */
function trusted(uid: number): boolean {
  return uid === 0 || uid === me()
}

export class UnsafePathError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsafePathError'
  }
}

/** Why `st` (a folder on the way to our files) lets another user change them, or undefined. */
function folderProblem(st: Stats, last: boolean): string | undefined {
  if (st.isSymbolicLink()) return 'is a symbolic link'
  if (!st.isDirectory()) return 'is not a folder'
  if (!trusted(st.uid)) return `belongs to uid ${st.uid}, not to root or uid ${me()}`
  // A shared folder like /tmp is safe on the way only with the sticky bit: others cannot
  // rename or delete what we own in it. The folder holding our files must be ours alone.
  const sticky = (st.mode & 0o1000) !== 0 && st.uid === 0
  if ((st.mode & 0o022) !== 0 && (last || !sticky)) {
    return `is writable by other users (mode ${octal(st.mode)})`
  }
  return undefined
}

function refuse(path: string, problem: string, what: string): never {
  throw new UnsafePathError(
    `Refusing to use ${path} for ${what}: it ${problem}, so another local user could change what ` +
      `setup-binfmt does as root. Use a folder that only root or this user (uid ${me()}) can write, ` +
      `and remove or fix ${path}`
  )
}

/**
 * Check every folder from / down to `dir`; the path returned has no symbolic links in it.
 * `dir` itself may be a shared sticky folder (such as /tmp) only when `shared`.
 */
export function checkFolders(dir: string, what: string, shared = false): string {
  const real = realpathSync(dir)
  const parts = real.split(sep).filter(Boolean)
  for (let i = 0; i <= parts.length; i++) {
    const path = sep + parts.slice(0, i).join(sep)
    const problem = folderProblem(lstatSync(path), i === parts.length && !shared)
    if (problem) refuse(path, problem, what)
  }
  return real
}

/**
 * A private folder, created when missing with `mode` (0700 by default, set explicitly; missing
 * parents too, 0700), and checked whether new or old. Returns its path without symbolic
 * links: use that one.
 */
export function privateDir(dir: string, what: string, mode = 0o700): string {
  let parent: string
  try {
    parent = checkFolders(dirname(dir), what, true)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    parent = privateDir(dirname(dir), what)
  }
  const path = join(parent, basename(dir))
  try {
    mkdirSync(path, { mode })
    // The umask may have taken bits away or (000) left group and others some: set it exactly.
    chmodExact(path, mode)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  const problem = folderProblem(lstatSync(path), true)
  if (problem) refuse(path, problem, what)
  return path
}

function chmodExact(path: string, mode: number): void {
  const fd = openSync(path, O_RDONLY | O_NOFOLLOW)
  try {
    fchmodSync(fd, mode)
  } finally {
    closeSync(fd)
  }
}

/** The private folder `dir` when it exists (checked), else undefined. */
export function existingPrivateDir(dir: string, what: string): string | undefined {
  try {
    lstatSync(dir)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
  return checkFolders(dir, what)
}

/** A file's text, opened without following a link and checked like its folder; undefined when absent. */
export function readPrivateFile(path: string, what: string): string | undefined {
  let fd: number
  try {
    fd = openSync(path, O_RDONLY | O_NOFOLLOW)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    if (code === 'ELOOP') refuse(path, 'is a symbolic link', what)
    throw e
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) refuse(path, 'is not a regular file', what)
    if (!trusted(st.uid)) refuse(path, `belongs to uid ${st.uid}, not to root or uid ${me()}`, what)
    if ((st.mode & 0o022) !== 0) {
      refuse(path, `is writable by other users (mode ${octal(st.mode)})`, what)
    }
    return readFileSync(fd, 'utf8')
  } finally {
    closeSync(fd)
  }
}

/** Replace `dir/name` atomically (util/files.ts), with `mode` set exactly. */
export function writePrivateFile(dir: string, name: string, text: string, mode = 0o600): void {
  writeFileAtomic(join(dir, name), text, { mode })
}
