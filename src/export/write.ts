// Emulation that survives a reboot: copy the interpreters to a stable folder and write one
// file per target in the format the machine's own boot-time loader reads (formats.ts).
// Nothing is registered here: the loaders do that, at boot or when told to (the activation
// commands). Every file written is recorded (record.ts); export never replaces a file it did
// not write.

import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileDigest } from '../binfmt/table.js'
import { copyFileAtomic, writeFileAtomic } from '../util/files.js'
import { planExport, type ExportOptions, type ExportResult, type PlannedFile } from './plan.js'
import { loadExportManifest, saveManifest, type ExportedFile } from './record.js'

/** Copy an interpreter into place, mode 0755, once the copy's SHA-256 is the source's. */
function copyChecked(source: string, path: string, sha256: string): Promise<void> {
  return copyFileAtomic(source, path, {
    mode: 0o755,
    check: async copy => {
      const copied = await fileDigest(copy)
      if (copied !== sha256) {
        throw new Error(`the copy of ${source} differs from it (SHA-256 ${copied} != ${sha256})`)
      }
    }
  })
}

/** Permission problems get a hint: export writes system folders. */
function writeError(path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code
  const hint =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? ' (export writes system folders: run it as root, or choose --dir and --install-dir)'
      : ''
  return new Error(`Cannot write ${path}: ${(e as Error).message}${hint}`, { cause: e })
}

/**
 * Copy the interpreters to <installDir>/<version>/ and write one format file per target into
 * `dir`, recording each file in the manifest once it is in place. Refuses, before writing
 * anything, when a file it would replace is not one it wrote. With dryRun, writes nothing
 * and returns the texts (and conflicts) instead.
 */
export async function exportFiles(options: ExportOptions): Promise<ExportResult> {
  const result = await planExport(options)
  const log = options.log
  if (result.dryRun) return result
  if (result.conflicts.length > 0) {
    throw new Error(
      `export would replace files that are not its own:\n  ${result.conflicts.join('\n  ')}\n` +
        `Remove them (or what installed them), or export elsewhere with --dir and --install-dir ` +
        `(a name binfmt-support's database holds for another package needs that format removed).`
    )
  }
  const previous = await loadExportManifest(result.installDir)
  const manifest: { version: 1; files: ExportedFile[]; dirs: string[] } = {
    version: 1,
    files: [...(previous?.files ?? [])],
    dirs: [...(previous?.dirs ?? [])]
  }
  const record = async (f: PlannedFile) => {
    const { path, kind, target, sha256, entry, interpreter } = f
    manifest.files = [
      ...manifest.files.filter(x => x.path !== path),
      { path, kind, target, sha256, entry, interpreter }
    ]
    await saveManifest(result.installDir, manifest)
  }

  for (const folder of [join(result.installDir, result.version), result.dir]) {
    let first: string | undefined
    try {
      first = await mkdir(folder, { recursive: true, mode: 0o755 })
    } catch (e) {
      throw writeError(folder, e)
    }
    // mkdir names the first folder it created; it created every one from there down.
    for (let d = folder; first && d.startsWith(first); d = dirname(d)) {
      if (!manifest.dirs.includes(d)) manifest.dirs.push(d)
      if (d === first) break
    }
  }
  for (const f of result.files) {
    if (f.action !== 'unchanged') {
      try {
        if (f.kind === 'interpreter') await copyChecked(f.source!, f.path, f.sha256)
        else writeFileAtomic(f.path, f.text!, { mode: 0o644 })
      } catch (e) {
        throw writeError(f.path, e)
      }
    }
    await record(f)
    log?.info(
      `${f.action === 'unchanged' ? 'unchanged' : f.action === 'create' ? 'wrote' : 'replaced'} ${f.path}` +
        (f.kind === 'interpreter' ? ` (copy of ${f.source})` : ` (${f.entry})`)
    )
  }
  return result
}
