// What a run asks of the QEMU side, and what it gets back: the types every source shares.

import type { DownloadOptions } from './download.js'

export const SOURCES = ['auto', 'download', 'package', 'system'] as const
export type Source = (typeof SOURCES)[number]

export interface AcquireRequest {
  readonly source: Source
  readonly targets: readonly string[]
  readonly qemuPath?: string
  readonly qemuVersion?: string
  /** URL or local path of a manifest; the built-in one when absent. */
  readonly manifest?: string
  readonly arch?: string
  /** Retry and progress settings for downloads. */
  readonly download?: DownloadOptions
}

/** One file the interpreters came from, and which of them it gave. */
export interface AcquiredFile {
  /** The URL it was downloaded from, the package file, or the path on this machine. */
  readonly file: string
  readonly targets: readonly string[]
}

export interface Acquired {
  readonly interpreters: ReadonlyMap<string, string>
  readonly source: Exclude<Source, 'auto'> | 'cache'
  /** QEMU version in force, when known. */
  readonly version: string
  readonly files: readonly AcquiredFile[]
  /** True when nothing was downloaded. */
  readonly cacheHit: boolean
  readonly downloadedBytes: number
}
