// Our own cache, not @actions/tool-cache: that one prints ::debug:: lines into the CLI's JSON.
//
// Interpreters cached per target, version and host arch, in the runner's tool cache with the
// layout and `.complete` marker of @actions/tool-cache (so tc.find() sees the same entries).
// Written here rather than through tc.cacheFile: that module logs through @actions/core even
// when the CLI runs it, and a marker written last is all it takes to never serve a half copy.
//
// A tool cache lives for months on a self-hosted runner, so a hit is not trusted as found:
// the SHA-256 recorded when the file was stored (<tool>.sha256 beside it, inside the folder
// tool-cache knows) must still match, the file must pass the static-ELF check, and neither it
// nor any folder below the cache root may be a symbolic link or writable by other users.

import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import semver from 'semver'
import { copyFileAtomic, writeFileAtomic } from '../util/files.js'
import { sha256File } from '../util/hash.js'
import { checkInterpreter } from './elf.js'

/** The tool-cache name of a target's interpreter. */
export const toolName = (target: string) => `qemu-${target}`

export function cacheRoot(): string {
  if (process.env.RUNNER_TOOL_CACHE) return process.env.RUNNER_TOOL_CACHE
  if (process.getuid?.() === 0) return '/var/cache/setup-binfmt'
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'setup-binfmt')
}

/**
 * The cache key of a version: semver-normalised but with its build metadata, so 10.0.13+patched
 * and 10.0.13 are two entries (tool-cache's own semver.clean would make them one).
 */
export function cacheKey(version: string): string {
  const parsed = semver.parse(version.trim())
  if (!parsed) return version
  return parsed.build.length > 0 ? `${parsed.version}+${parsed.build.join('.')}` : parsed.version
}

function folder(tool: string, version: string, arch: string): string {
  return join(cacheRoot(), tool, cacheKey(version), arch)
}

/** A cache entry that is there but must not be used; the message says why. */
export class CacheEntryRefused extends Error {}

/**
 * The cached interpreter, checked as described above; undefined when absent or never
 * completed. Throws CacheEntryRefused when the entry is there but fails a check.
 */
export async function findCached(
  tool: string,
  version: string,
  arch: string
): Promise<string | undefined> {
  const dir = folder(tool, version, arch)
  const file = join(dir, tool)
  if (!existsSync(`${dir}.complete`)) return undefined
  const refuse = (why: string): never => {
    throw new CacheEntryRefused(`cached ${file} is not used: ${why}`)
  }
  const own = process.getuid?.() ?? 0
  const parts = [join(cacheRoot(), tool), join(cacheRoot(), tool, cacheKey(version)), dir]
  for (const path of [...parts, file, `${file}.sha256`]) {
    let info
    try {
      info = lstatSync(path)
    } catch {
      return path === file ? undefined : refuse(`${path} is missing`)
    }
    const name = path === file ? 'it' : path
    if (info.isSymbolicLink()) refuse(`${name} is a symbolic link`)
    if (info.uid !== own && info.uid !== 0) refuse(`${name} belongs to another user (${info.uid})`)
    if (info.mode & 0o022) refuse(`${name} is writable by other users`)
  }
  const recorded = (await readFile(`${file}.sha256`, 'utf8')).trim()
  const actual = await sha256File(file)
  if (recorded !== actual) {
    refuse(`its SHA-256 ${actual} is not the ${recorded} recorded when it was stored`)
  }
  await checkInterpreter(file, arch).catch((e: Error) => refuse(e.message))
  return file
}

/** Versions of `tool` completely cached for `arch` (not yet checked: see findCached). */
export function cachedVersions(tool: string, arch: string): string[] {
  const dir = join(cacheRoot(), tool)
  const versions = existsSync(dir) ? readdirSync(dir).filter(v => semver.valid(v)) : []
  return semver
    .rsort(versions)
    .filter(v => existsSync(join(dir, v, `${arch}.complete`)) && cacheKey(v) === v)
}

/**
 * Copy `file` into the cache as <tool>/<version>/<arch>/<tool> with its SHA-256 beside it
 * (the file should have passed checkInterpreter); the marker goes last. Modes are set
 * explicitly, so a umask of 000 leaves nothing writable by others.
 */
export async function storeCached(
  tool: string,
  version: string,
  arch: string,
  file: string
): Promise<string> {
  const dir = folder(tool, version, arch)
  rmSync(`${dir}.complete`, { force: true })
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true, mode: 0o755 })
  for (const path of [join(cacheRoot(), tool), join(cacheRoot(), tool, cacheKey(version)), dir]) {
    setMode(path, 0o755)
  }
  const dest = join(dir, tool)
  await copyFileAtomic(file, dest, {
    mode: 0o755,
    // The digest of the copy itself, recorded before the copy takes its place.
    check: async copy =>
      writeFileAtomic(`${dest}.sha256`, `${await sha256File(copy)}\n`, { mode: 0o644 })
  })
  writeFileAtomic(`${dir}.complete`, '', { mode: 0o644 })
  return dest
}

/** chmod, except on a folder another user (root, on a shared cache) owns and keeps. */
function setMode(path: string, mode: number): void {
  try {
    chmodSync(path, mode)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e
  }
}
