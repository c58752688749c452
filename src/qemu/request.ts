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

export interface Acquired {
  readonly interpreters: ReadonlyMap<string, string>
  readonly source: Exclude<Source, 'auto'> | 'cache'
  /** QEMU version in force, when known. */
  readonly version: string
  /** True when nothing was downloaded. */
  readonly cacheHit: boolean
  readonly downloadedBytes: number
}
