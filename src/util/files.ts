// Files replaced atomically, the one way the project writes a file others may read while it
// changes (state, owners, a daemon's health, exported files, cached interpreters): a temporary
// file in the same folder, created exclusively and never through a link, its mode set
// exactly (the umask may take bits away, or with 000 leave some), then renamed over the target.

import { randomUUID } from 'node:crypto'
import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs'
import { chmod, copyFile, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = constants

export interface WriteOptions {
  /** The file's mode, set exactly. */
  readonly mode: number
  /** Flush the data to disk before the rename, for files that must survive a crash. */
  readonly fsync?: boolean
}

/** A name beside `path` that nothing else uses. */
const tempBeside = (path: string) => join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`)

/** Replace `path` with `data` atomically. */
export function writeFileAtomic(path: string, data: string | Buffer, options: WriteOptions): void {
  const temp = tempBeside(path)
  const fd = openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, options.mode)
  try {
    fchmodSync(fd, options.mode)
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
    if (options.fsync) fsyncSync(fd)
    closeSync(fd)
  } catch (e) {
    closeSync(fd)
    rmSync(temp, { force: true })
    throw e
  }
  try {
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}

export interface CopyOptions extends WriteOptions {
  /** Runs on the finished copy before it takes the target's place; throw to refuse it. */
  readonly check?: (copy: string) => Promise<void>
}

/**
 * Replace `path` with a copy of `source` atomically. A rename, never a write into the old file:
 * an F entry keeps an interpreter open, and a running one is busy.
 */
export async function copyFileAtomic(
  source: string,
  path: string,
  options: CopyOptions
): Promise<void> {
  const temp = tempBeside(path)
  try {
    await copyFile(source, temp, constants.COPYFILE_EXCL)
    await chmod(temp, options.mode)
    if (options.fsync) {
      const file = await open(temp, 'r')
      await file.sync().finally(() => file.close())
    }
    await options.check?.(temp)
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}
