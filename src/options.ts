// Options of one run, parsed and checked before anything on the machine changes. The action
// (inputs.ts) and the CLI read their raw strings differently and share this parser.

import { canonicalFlags } from './binfmt.js'
import { parsePlatforms, type PlatformRequest } from './platforms.js'

export const SOURCES = ['auto', 'download', 'package', 'system'] as const
export type Source = (typeof SOURCES)[number]

export interface Options {
  readonly platforms: PlatformRequest
  /** Canonical flags (P O C F order, C implies O). */
  readonly flags: string
  readonly source: Source
  /** Folder holding qemu-<target>[-static] interpreters, for `source: system`. */
  readonly qemuPath?: string
  readonly reset: boolean
  readonly cleanup: boolean
}

/** Raw option strings, as inputs or command-line flags give them. Empty means default. */
export interface RawOptions {
  platforms?: string
  flags?: string
  source?: string
  'qemu-path'?: string
  reset?: string
  cleanup?: string
}

export const DEFAULTS = {
  platforms: 'all',
  flags: 'POCF',
  source: 'auto',
  reset: 'false',
  cleanup: 'true'
} as const

export function parseOptions(raw: RawOptions): Options {
  const value = (key: keyof RawOptions, fallback = '') => raw[key]?.trim() || fallback
  return {
    platforms: parsePlatforms(value('platforms', DEFAULTS.platforms)),
    flags: parseFlags(value('flags', DEFAULTS.flags)),
    source: parseSource(value('source', DEFAULTS.source)),
    qemuPath: parseQemuPath(value('qemu-path')),
    reset: parseBoolean('reset', value('reset', DEFAULTS.reset)),
    cleanup: parseBoolean('cleanup', value('cleanup', DEFAULTS.cleanup))
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

export function parseSource(input: string): Source {
  const source = input.toLowerCase()
  if (!(SOURCES as readonly string[]).includes(source)) {
    throw new Error(`source '${input}' is not one of ${SOURCES.join(', ')}`)
  }
  return source as Source
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

export function parseBoolean(name: string, input: string): boolean {
  const v = input.toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new Error(`${name} '${input}' is not a boolean: use true or false`)
}
