// Interpreters cached per target, version and host arch, in the runner's tool cache with the
// layout and `.complete` marker of @actions/tool-cache (so tc.find() sees the same entries).
// Written here rather than through tc.cacheFile: that module logs through @actions/core even
// when the CLI runs it, and a marker written last is all it takes to never serve a half copy.

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import semver from 'semver'

/** The tool-cache name of a target's interpreter. */
export const toolName = (target: string) => `qemu-${target}`

export function cacheRoot(): string {
  if (process.env.RUNNER_TOOL_CACHE) return process.env.RUNNER_TOOL_CACHE
  if (process.getuid?.() === 0) return '/var/cache/setup-binfmt'
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'setup-binfmt')
}

function folder(tool: string, version: string, arch: string): string {
  return join(cacheRoot(), tool, semver.clean(version) ?? version, arch)
}

/** The cached interpreter, or undefined when absent or never completed. */
export function findCached(tool: string, version: string, arch: string): string | undefined {
  const dir = folder(tool, version, arch)
  const file = join(dir, tool)
  return existsSync(`${dir}.complete`) && existsSync(file) ? file : undefined
}

/** Versions of `tool` completely cached for `arch`. */
export function cachedVersions(tool: string, arch: string): string[] {
  const dir = join(cacheRoot(), tool)
  const versions = existsSync(dir) ? readdirSync(dir).filter(v => semver.valid(v)) : []
  return semver.rsort(versions).filter(v => findCached(tool, v, arch))
}

/** Copy `file` into the cache as <tool>/<version>/<arch>/<tool>; the marker goes last. */
export function storeCached(tool: string, version: string, arch: string, file: string): string {
  const dir = folder(tool, version, arch)
  rmSync(`${dir}.complete`, { force: true })
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const dest = join(dir, tool)
  copyFileSync(file, `${dest}.partial`)
  renameSync(`${dest}.partial`, dest)
  writeFileSync(`${dir}.complete`, '')
  return dest
}
