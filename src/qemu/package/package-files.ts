// The steps every distribution's module shares: run the package manager to download package
// files into a folder of the temporary work, tell a package's own file from its look-alikes,
// and take the interpreters out of a file found; and, for Fedora and Alpine, which have a
// package per target, download all the targets need in one command and unpack each package.
// Written once here so that debian.ts, fedora.ts and alpine.ts hold only what differs.

import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Runner } from '../../util/exec.js'
import type { Log } from '../../util/log.js'

/** What a distribution's module is given to work with. */
export interface Context {
  readonly targets: readonly string[]
  /** A temporary folder, removed afterwards. */
  readonly work: string
  readonly run: Runner
  readonly log: Log
  readonly arch: string
}

/** One interpreter taken from a package, before it is checked and cached. */
export interface Unpacked {
  readonly target: string
  readonly path: string
  /** The package version as the distribution writes it, e.g. 1:7.2+dfsg-7 or 2:9.1.2-1.fc41. */
  readonly full: string
  /** The package file it came from. */
  readonly file: string
}

/** A package manager's download command for a folder, and where it must run (if anywhere). */
export interface Download {
  readonly argv: readonly string[]
  readonly cwd?: string
}

/**
 * Runs the download `command` gives for the new folder `work/<folder>`, and lists that folder.
 * A failure is rethrown with `failure(message)` as its message, to say what to do about it.
 */
export async function downloadPackages(
  { work, run, log }: Context,
  folder: string,
  command: (dir: string) => Download,
  failure: (message: string) => string
): Promise<{ dir: string; files: string[] }> {
  const dir = join(work, folder)
  await mkdir(dir, { recursive: true })
  const { argv, cwd } = command(dir)
  await run(argv, { cwd, log }).catch((e: Error) => {
    throw new Error(failure(e.message), { cause: e })
  })
  return { dir, files: await readdir(dir) }
}

/**
 * Logs the package file found in `dir` and its version `full`, and takes its interpreters out
 * with `extract` (given the folder to put them in).
 */
export async function unpackFile(
  { log }: Context,
  dir: string,
  file: string,
  full: string,
  extract: (out: string) => Promise<ReadonlyMap<string, string>>
): Promise<Unpacked[]> {
  log.info(`package: ${file} (QEMU ${full})`)
  const extracted = await extract(join(dir, 'out'))
  return [...extracted].map(([t, path]) => ({ target: t, path, full, file }))
}

/** How a distribution with a package per target (or group of targets) gets them all at once. */
export interface PackagesByTarget {
  /** The folder of the work to download into. */
  readonly folder: string
  /** The package that holds a target's interpreter. */
  readonly packageOf: (target: string) => string
  /** The one command that downloads all the packages `names` into `dir`. */
  readonly command: (dir: string, names: readonly string[]) => Download
  /** The message for a failed download, from the package manager's. */
  readonly failure: (message: string, names: readonly string[]) => string
  /** The interpreters `wanted` from the package `name`, one of the `files` in `dir`. */
  readonly unpack: (
    name: string,
    wanted: string[],
    dir: string,
    files: readonly string[]
  ) => Promise<Unpacked[]>
}

/** Downloads the packages the targets need in one command, then unpacks each in turn. */
export async function unpackByTarget(context: Context, how: PackagesByTarget): Promise<Unpacked[]> {
  const packages = groupBy(context.targets, how.packageOf)
  const names = [...packages.keys()]
  const { dir, files } = await downloadPackages(
    context,
    how.folder,
    dir => how.command(dir, names),
    message => how.failure(message, names)
  )
  const unpacked: Unpacked[] = []
  for (const [name, wanted] of packages) {
    unpacked.push(...(await how.unpack(name, wanted, dir, files)))
  }
  return unpacked
}

/** name-<digit>...<ext>: the package itself, not one whose name merely starts the same. */
export function isPackageFile(file: string, name: string, ext: string): boolean {
  return (
    file.startsWith(`${name}-`) && /^\d/.test(file.slice(name.length + 1)) && file.endsWith(ext)
  )
}

/** Targets by the package that holds them, in the order first needed. */
function groupBy(targets: readonly string[], key: (t: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const t of new Set(targets)) {
    const k = key(t)
    groups.set(k, [...(groups.get(k) ?? []), t])
  }
  return groups
}
