// The record of what export wrote: every file, with its SHA-256, in <install-dir>/exported.json,
// so removal deletes exactly those files, and only while they still hold what was written.

import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from '../util/files.js'
import type { ExportFormat } from './formats.js'

/** Where the interpreters go: <install-dir>/<QEMU version>/qemu-<target>. */
export const DEFAULT_INSTALL_DIR = '/usr/local/lib/setup-binfmt'

/** The record of what export wrote, in the install folder. */
export const MANIFEST_NAME = 'exported.json'

export type ExportedKind = 'interpreter' | ExportFormat

/** One file export wrote, as the manifest records it. */
export interface ExportedFile {
  readonly path: string
  readonly kind: ExportedKind
  readonly target: string
  readonly sha256: string
  /** For a format file: the entry it registers, and that entry's interpreter. */
  readonly entry?: string
  readonly interpreter?: string
}

export interface ExportManifest {
  readonly version: 1
  readonly files: ExportedFile[]
  /** Folders export created, removed again when empty. */
  readonly dirs?: string[]
}

export function manifestPath(installDir: string): string {
  return join(installDir, MANIFEST_NAME)
}

/** Absolute, and nothing the kernel's ':'-separated line or a newline would break. */
export function checkDir(what: string, dir: string): string {
  const abs = resolve(dir)
  if (/[:\n\0]/.test(abs)) {
    throw new Error(`${what} '${dir}' must not contain ':' or a newline`)
  }
  return abs.replace(/\/+$/, '') || '/'
}

export async function loadExportManifest(installDir: string): Promise<ExportManifest | undefined> {
  const path = manifestPath(installDir)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
  let parsed: ExportManifest
  try {
    parsed = JSON.parse(text) as ExportManifest
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`, { cause: e })
  }
  if (parsed?.version !== 1 || !Array.isArray(parsed.files)) {
    throw new Error(`${path} is not a setup-binfmt export manifest (version 1)`)
  }
  return parsed
}

export async function saveManifest(installDir: string, manifest: ExportManifest): Promise<void> {
  const path = manifestPath(installDir)
  writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644 })
}
