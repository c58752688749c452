// Undoing export: delete exactly the files its record lists while they still hold what was
// written, and name the commands that take the entries out of the running kernel's table.

import { existsSync } from 'node:fs'
import { rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { BinfmtTable, DEFAULT_ROOT, fileDigest, type Entry } from '../binfmt/table.js'
import type { Log } from '../util/log.js'
import { PACKAGE } from './formats.js'
import {
  checkDir,
  DEFAULT_INSTALL_DIR,
  loadExportManifest,
  manifestPath,
  type ExportManifest
} from './record.js'

export interface RemoveOptions {
  readonly installDir?: string
  /** The binfmt_misc folder the hints look at; default the kernel's. */
  readonly root?: string
  readonly log?: Log
}

export interface RemoveResult {
  readonly manifestPath: string
  /** Files deleted. */
  readonly removed: readonly string[]
  /** Files changed since export wrote them: left in place (and forgotten). */
  readonly kept: readonly string[]
  /** Files already gone. */
  readonly missing: readonly string[]
  /**
   * Commands that take the entries out of the running kernel's table (or binfmt-support's
   * database), which deleting files does not do; after a reboot they are gone anyway.
   */
  readonly deactivate: readonly string[]
}

/**
 * Delete what export wrote, as its manifest lists it: format files, interpreters, the
 * manifest, and the folders export created when that leaves them empty. A file whose content
 * changed since is left alone. Nothing the manifest does not list is touched.
 */
export async function removeExported(options: RemoveOptions = {}): Promise<RemoveResult> {
  const installDir = checkDir('install-dir', options.installDir ?? DEFAULT_INSTALL_DIR)
  const path = manifestPath(installDir)
  const manifest = await loadExportManifest(installDir)
  const result = { manifestPath: path, removed: [] as string[], kept: [] as string[] }
  const missing: string[] = []
  if (!manifest) {
    options.log?.info(`Nothing to remove: ${path} does not exist (export has not run here)`)
    return { ...result, missing, deactivate: [] }
  }

  // Format files first: a loader never sees an entry whose interpreter is gone.
  const ordered = [
    ...manifest.files.filter(f => f.kind !== 'interpreter'),
    ...manifest.files.filter(f => f.kind === 'interpreter')
  ]
  for (const f of ordered) {
    if (!existsSync(f.path)) {
      missing.push(f.path)
      continue
    }
    if ((await fileDigest(f.path)) !== f.sha256) {
      options.log?.warning(`${f.path} changed after setup-binfmt wrote it: leaving it in place`)
      result.kept.push(f.path)
      continue
    }
    await rm(f.path)
    options.log?.info(`removed ${f.path}`)
    result.removed.push(f.path)
  }
  await rm(path, { force: true })

  // Folders export created, deepest first, when that leaves them empty.
  const folders = [...(manifest.dirs ?? [])].sort((a, b) => b.length - a.length)
  for (const folder of folders) {
    await rmdir(folder).catch(() => undefined) // not empty, or gone: leave it
  }

  return { ...result, missing, deactivate: await deactivation(manifest, options.root) }
}

async function deactivation(manifest: ExportManifest, root = DEFAULT_ROOT): Promise<string[]> {
  const registered = await BinfmtTable.read(root).catch(() => [] as Entry[])
  const hints: string[] = []
  for (const f of manifest.files) {
    if (!f.entry || !f.interpreter) continue
    if (f.kind === 'binfmt-support') {
      // Removes it from binfmt-support's database and, when enabled, from the kernel.
      hints.push(`update-binfmts --package ${PACKAGE} --remove ${f.entry} ${f.interpreter}`)
    } else if (registered.some(e => e.name === f.entry && e.interpreter === f.interpreter)) {
      hints.push(`echo -1 > ${join(root, f.entry)}`)
    }
  }
  return [...new Set(hints)]
}
