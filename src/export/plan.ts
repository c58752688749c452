// What export would do for each target, before it writes anything: the interpreter copy under
// the install folder and the format file, each to create, replace or leave unchanged, and the
// files in the way that export did not write (it never replaces those).

import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Acquired } from '../qemu/request.js'
import { fileDigest, type Entry } from '../binfmt/table.js'
import type { Log } from '../util/log.js'
import { sha256 as sha256Of } from '../util/hash.js'
import { wantedEntry } from '../binfmt/register.js'
import { target as targetInfo } from '../platform/targets.js'
import {
  activation,
  BINFMT_SUPPORT_ADMIN_DIR,
  binfmtSupportTemplate,
  DEFAULT_EXPORT_DIRS,
  PACKAGE,
  systemdConf,
  type ExportFormat
} from './formats.js'
import {
  checkDir,
  DEFAULT_INSTALL_DIR,
  loadExportManifest,
  manifestPath,
  type ExportedKind
} from './record.js'

/** One file export writes (or, with dryRun, would write). */
export interface PlannedFile {
  readonly path: string
  readonly kind: ExportedKind
  readonly target: string
  readonly sha256: string
  /** create: new; replace: one export wrote before, with other content; unchanged: as wanted. */
  readonly action: 'create' | 'replace' | 'unchanged'
  /** A format file's text. */
  readonly text?: string
  /** An interpreter's source, the file acquire put in place. */
  readonly source?: string
  readonly entry?: string
  readonly interpreter?: string
}

export interface ExportOptions {
  readonly format: ExportFormat
  /** The interpreters by target and their QEMU version, as acquire() returns them. */
  readonly acquired: Pick<Acquired, 'interpreters' | 'version'>
  /** Canonical flags (options.ts). */
  readonly flags: string
  /** Default DEFAULT_INSTALL_DIR. */
  readonly installDir?: string
  /** Where the format files go; default DEFAULT_EXPORT_DIRS[format]. */
  readonly dir?: string
  /** Compute and return everything, write nothing. */
  readonly dryRun?: boolean
  /** binfmt-support's database; default BINFMT_SUPPORT_ADMIN_DIR. */
  readonly adminDir?: string
  readonly log?: Log
}

export interface ExportResult {
  readonly format: ExportFormat
  readonly dir: string
  readonly installDir: string
  readonly manifestPath: string
  /** The QEMU version, as the folder under installDir names it. */
  readonly version: string
  /** The entries the format files register. */
  readonly entries: readonly Entry[]
  /** Interpreters first, then format files. */
  readonly files: readonly PlannedFile[]
  /** Files in the way that export did not write (or that changed since): it refuses to replace them. */
  readonly conflicts: readonly string[]
  readonly dryRun: boolean
  /** Shell commands that load the entries now (for binfmt-support, and record them for every boot). */
  readonly activate: readonly string[]
}

/** The version as a folder name; anything odd (or unknown) becomes 'unknown'. */
function versionFolder(version: string): string {
  return /^[0-9A-Za-z][0-9A-Za-z._+~-]{0,63}$/.test(version) ? version : 'unknown'
}

/** What export would do for each target: the interpreter copy and the format file. */
export async function planExport(options: ExportOptions): Promise<ExportResult> {
  const format = options.format
  const installDir = checkDir('install-dir', options.installDir ?? DEFAULT_INSTALL_DIR)
  const dir = checkDir('dir', options.dir ?? DEFAULT_EXPORT_DIRS[format])
  const version = versionFolder(options.acquired.version)
  const recorded = new Map(
    ((await loadExportManifest(installDir))?.files ?? []).map(f => [f.path, f])
  )

  const files: PlannedFile[] = []
  const formatFiles: PlannedFile[] = []
  const entries: Entry[] = []
  const conflicts: string[] = []

  const decide = async (path: string, sha256: string): Promise<PlannedFile['action']> => {
    if (!existsSync(path)) return 'create'
    const current = await fileDigest(path)
    const mine = recorded.get(path)
    if (!mine) {
      conflicts.push(
        `${path} exists and setup-binfmt did not write it` +
          (path.startsWith('/usr/share/binfmts/') || path.startsWith('/usr/lib/')
            ? ` (a package's? dpkg -S ${path})`
            : '')
      )
    } else if (mine.sha256 !== current) {
      conflicts.push(`${path} was changed after setup-binfmt wrote it`)
    }
    return current === sha256 ? 'unchanged' : 'replace'
  }

  for (const [t, source] of options.acquired.interpreters) {
    const interpreter = join(installDir, version, `qemu-${targetInfo(t).interpreter}`)
    if (!files.some(f => f.path === interpreter)) {
      const sha256 = await fileDigest(source)
      if (!sha256) throw new Error(`Cannot read the interpreter ${source} for ${t}`)
      files.push({
        path: interpreter,
        kind: 'interpreter',
        target: t,
        sha256,
        source,
        action: await decide(interpreter, sha256)
      })
    }
    const entry = wantedEntry(t, interpreter, options.flags)
    entries.push(entry)
    const text =
      format === 'systemd'
        ? systemdConf(entry, options.acquired.version || 'unknown')
        : binfmtSupportTemplate(entry)
    const path = join(dir, format === 'systemd' ? `${entry.name}.conf` : entry.name)
    if (format === 'binfmt-support') {
      const taken = await heldByOtherPackage(options.adminDir ?? BINFMT_SUPPORT_ADMIN_DIR, entry)
      if (taken) conflicts.push(taken)
    }
    const sha256 = sha256Of(text)
    formatFiles.push({
      path,
      kind: format,
      target: t,
      sha256,
      text,
      entry: entry.name,
      interpreter,
      action: await decide(path, sha256)
    })
  }

  return {
    format,
    dir,
    installDir,
    manifestPath: manifestPath(installDir),
    version,
    entries,
    files: [...files, ...formatFiles],
    conflicts,
    dryRun: options.dryRun ?? false,
    activate: activation(format, dir, formatFiles)
  }
}

/**
 * update-binfmts keeps one format per name and never takes one over from another package:
 * `--import` of a name the database holds for, say, qemu-user-static only warns ("already
 * installed by qemu-user-static"), exits 0 and registers nothing, now or at boot. Such a name
 * is a conflict, with the fix.
 */
async function heldByOtherPackage(adminDir: string, entry: Entry): Promise<string | undefined> {
  const path = join(adminDir, entry.name)
  let lines: string[]
  try {
    // package, type, offset, magic, mask, interpreter, detector, credentials, preserve, fix_binary
    lines = (await readFile(path, 'utf8')).split('\n')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(
      `Cannot read binfmt-support's database entry ${path}: ${(e as Error).message}`,
      {
        cause: e
      }
    )
  }
  const owner = lines[0]?.trim() ?? ''
  if (owner === PACKAGE) return undefined
  const interpreter = lines[5]?.trim() || '<interpreter>'
  return (
    `binfmt-support's database ${path} holds ${entry.name} for package ${owner || '(none)'}, ` +
    `so 'update-binfmts --import ${entry.name}' would only warn and register nothing. ` +
    `Remove that format first (apt-get remove ${owner || 'the package'}, or ` +
    `update-binfmts --package ${owner || '<package>'} --remove ${entry.name} ${interpreter}), ` +
    `or use --format systemd`
  )
}
