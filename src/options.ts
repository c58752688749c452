// Options of one run, parsed and checked before anything on the machine changes. The action
// (inputs.ts) and the CLI read their raw strings differently and share this parser.

import semver from 'semver'
import { canonicalFlags } from './binfmt/table.js'
import { parsePlatforms, type PlatformRequest } from './platform/names.js'
import { SOURCES, type Source } from './qemu/request.js'
import { checkUrl, isUrl } from './qemu/manifest.js'
import { VERIFY_METHODS, type VerifyMethod } from './verify/verify.js'
import { REGISTRARS, type RegistrarChoice } from './engine/registrar.js'

export interface Options {
  readonly platforms: PlatformRequest
  /** Canonical flags (P O C F order, C implies O). */
  readonly flags: string
  readonly source: Source
  /** Folder holding qemu-<target>[-static] interpreters, for `source: system`. */
  readonly qemuPath?: string
  /** Exact version or semver range; the manifest's newest stable when absent. */
  readonly qemuVersion?: string
  /** URL or local path of a versions manifest; the built-in one when absent. */
  readonly manifest?: string
  readonly reset: boolean
  readonly cleanup: boolean
  readonly verify: VerifyMethod
  /** An image the user trusts, to run `uname -m` in per platform; none when absent. */
  readonly smokeImage?: string
  /** How binfmt_misc is changed: directly, or through a container engine's helper. */
  readonly registrar: RegistrarChoice
}

/** The options' names: the action's inputs and the CLI's options for install (but cleanup). */
export const OPTION_NAMES = [
  'platforms',
  'flags',
  'source',
  'qemu-path',
  'qemu-version',
  'manifest',
  'reset',
  'cleanup',
  'verify',
  'smoke-image',
  'registrar'
] as const
export type OptionName = (typeof OPTION_NAMES)[number]

/** Raw option strings, as inputs or command-line flags give them. Empty means default. */
export type RawOptions = { [name in OptionName]?: string }

export const DEFAULTS = {
  platforms: 'all',
  flags: 'POCF',
  source: 'auto',
  reset: 'false',
  cleanup: 'true',
  verify: 'auto',
  registrar: 'auto'
} as const

export function parseOptions(raw: RawOptions): Options {
  const value = (key: keyof RawOptions, fallback = '') => raw[key]?.trim() || fallback
  return {
    platforms: parsePlatforms(value('platforms', DEFAULTS.platforms)),
    flags: parseFlags(value('flags', DEFAULTS.flags)),
    source: parseChoice('source', value('source', DEFAULTS.source), SOURCES),
    qemuPath: parseQemuPath(value('qemu-path')),
    qemuVersion: parseQemuVersion(value('qemu-version')),
    manifest: parseManifestLocation(value('manifest')),
    reset: parseBoolean('reset', value('reset', DEFAULTS.reset)),
    cleanup: parseBoolean('cleanup', value('cleanup', DEFAULTS.cleanup)),
    verify: parseChoice('verify', value('verify', DEFAULTS.verify), VERIFY_METHODS),
    smokeImage: parseImage(value('smoke-image')),
    registrar: parseChoice('registrar', value('registrar', DEFAULTS.registrar), REGISTRARS)
  }
}

export function parseFlags(input: string): string {
  const bad = [...input].filter(c => !'POCFpocf'.includes(c))
  if (bad.length > 0) {
    throw new Error(
      `flags '${input}' has ${bad.map(c => JSON.stringify(c)).join(', ')}: only the letters P, O, C and F are allowed (default POCF)`
    )
  }
  return canonicalFlags(input)
}

function parseChoice<T extends string>(name: string, input: string, choices: readonly T[]): T {
  const value = input.toLowerCase()
  if (!(choices as readonly string[]).includes(value)) {
    throw new Error(`${name} '${input}' is not one of ${choices.join(', ')}`)
  }
  return value as T
}

/** An image reference goes into docker's argv: refuse what could read as an option. */
function parseImage(input: string): string | undefined {
  if (!input) return undefined
  if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(input)) {
    throw new Error(`smoke-image '${input}' is not an image reference: use for example alpine:3.20`)
  }
  return input
}

function parseQemuPath(input: string): string | undefined {
  if (!input) return undefined
  if (!input.startsWith('/') || /[:\n\0]/.test(input)) {
    throw new Error(
      `qemu-path '${input}' must be an absolute folder path without ':' or newlines (the kernel's register format splits on ':')`
    )
  }
  return input.replace(/\/+$/, '') || '/'
}

function parseQemuVersion(input: string): string | undefined {
  if (!input) return undefined
  if (!semver.validRange(input)) {
    throw new Error(
      `qemu-version '${input}' is neither a version nor a range: use for example 10.0.13 or 10.x`
    )
  }
  return input
}

function parseManifestLocation(input: string): string | undefined {
  if (!input) return undefined
  if (isUrl(input)) {
    try {
      checkUrl(input, { of: 'manifest' }, 'manifest')
    } catch {
      throw new Error(
        `manifest '${input}' must be an https:// or http:// URL, or a local file path`
      )
    }
  }
  return input
}

export function parseBoolean(name: string, input: string): boolean {
  const v = input.toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new Error(`${name} '${input}' is not a boolean: use true or false`)
}
