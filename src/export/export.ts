// Emulation that survives a reboot: copy the interpreters to a stable folder and write one
// file per target in the format the machine's own boot-time loader reads, systemd-binfmt
// (binfmt.d(5): /etc/binfmt.d/*.conf) or Debian's binfmt-support (update-binfmts(8) format
// files in /usr/share/binfmts). Nothing is registered here: the loaders do that, at boot or
// when told to (the activation commands). Every file written is recorded, with its SHA-256, in
// <install-dir>/exported.json, so removeExported deletes exactly those files, and only while
// they still hold what was written; export never replaces a file it did not write.

import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, rmdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { acquire } from '../qemu/acquire.js'
import type { Acquired } from '../qemu/request.js'
import {
  BinfmtTable,
  DEFAULT_ROOT,
  escapeHex,
  fileDigest,
  registerLine,
  type Entry
} from '../binfmt/table.js'
import type { Log } from '../util/log.js'
import { sha256 as sha256Of } from '../util/hash.js'
import { copyFileAtomic, writeFileAtomic } from '../util/files.js'
import { nativeTargets } from '../platform/native.js'
import type { Options } from '../options.js'
import { wantedEntry } from '../binfmt/register.js'
import { makePlan, type Plan } from '../platform/plan.js'
import { target as targetInfo } from '../platform/targets.js'

export const EXPORT_FORMATS = ['systemd', 'binfmt-support'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Where the interpreters go: <install-dir>/<QEMU version>/qemu-<target>. */
export const DEFAULT_INSTALL_DIR = '/usr/local/lib/setup-binfmt'

/** Where each format's files go by default: the folders the loaders read. */
export const DEFAULT_EXPORT_DIRS: Readonly<Record<ExportFormat, string>> = {
  systemd: '/etc/binfmt.d',
  'binfmt-support': '/usr/share/binfmts'
}

/** binfmt-support's database of imported formats (update-binfmts --admindir). */
export const BINFMT_SUPPORT_ADMIN_DIR = '/var/lib/binfmts'

/** The record of what export wrote, in the install folder. */
export const MANIFEST_NAME = 'exported.json'

/** The `package` of binfmt-support format files; update-binfmts --remove needs it. */
export const PACKAGE = 'setup-binfmt'

/** The folders systemd-binfmt reads at boot (binfmt.d(5)); a file elsewhere must be named. */
const SYSTEMD_DIRS = [
  '/etc/binfmt.d',
  '/run/binfmt.d',
  '/usr/local/lib/binfmt.d',
  '/usr/lib/binfmt.d',
  '/lib/binfmt.d'
]

/** Its path on Debian, Ubuntu, Fedora and Arch alike (/lib is /usr/lib on merged-/usr systems). */
const SYSTEMD_BINFMT = '/lib/systemd/systemd-binfmt'

export function parseExportFormat(input: string | undefined): ExportFormat {
  const value = (input ?? '').trim().toLowerCase()
  if (!(EXPORT_FORMATS as readonly string[]).includes(value)) {
    throw new Error(
      `format '${input ?? ''}' is not one of ${EXPORT_FORMATS.join(', ')}: systemd writes ` +
        `/etc/binfmt.d/qemu-<target>.conf, binfmt-support writes /usr/share/binfmts/qemu-<target>`
    )
  }
  return value as ExportFormat
}

/**
 * A binfmt.d file: comment lines, then the entry's register line. systemd-binfmt writes each
 * line to `register` as it is (the kernel decodes the \x escapes), after removing any entry of
 * the same name.
 */
export function systemdConf(entry: Entry, qemuVersion = 'unknown'): string {
  const line = registerLine(entry)
  return (
    `# ${entry.name}: QEMU ${qemuVersion} user-mode emulation, written by setup-binfmt.\n` +
    `# 'setup-binfmt uninstall --exported' removes this file.\n` +
    `${line}\n`
  )
}

/**
 * A binfmt-support format file (update-binfmts --import): one `key value` line per field.
 * update-binfmts builds the register line from it with flags C (credentials), P (preserve)
 * and F (fix_binary); the kernel's C implies O, and O alone cannot be said. No comments: the
 * format has none.
 */
export function binfmtSupportTemplate(entry: Entry): string {
  registerLine(entry) // the same checks the kernel's line gets: name, path, length
  const flags = new Set(entry.flags.toUpperCase())
  if (flags.has('O') && !flags.has('C')) {
    throw new Error(
      `binfmt-support cannot express flags '${entry.flags}' for ${entry.name}: it has no O ` +
        `without C (credentials yes gives both). Use flags with C, or without O.`
    )
  }
  const yesNo = (flag: string) => (flags.has(flag) ? 'yes' : 'no')
  const match = entry.extension
    ? [`extension ${entry.extension}`]
    : [
        `magic ${escapeHex(entry.magic ?? '')}`,
        `offset ${entry.offset}`,
        `mask ${escapeHex(entry.mask ?? '')}`
      ]
  return [
    `package ${PACKAGE}`,
    `interpreter ${entry.interpreter}`,
    ...match,
    `credentials ${yesNo('C')}`,
    `preserve ${yesNo('P')}`,
    `fix_binary ${yesNo('F')}`,
    ''
  ].join('\n')
}

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

function manifestPath(installDir: string): string {
  return join(installDir, MANIFEST_NAME)
}

/** Absolute, and nothing the kernel's ':'-separated line or a newline would break. */
function checkDir(what: string, dir: string): string {
  const abs = resolve(dir)
  if (/[:\n\0]/.test(abs)) {
    throw new Error(`${what} '${dir}' must not contain ':' or a newline`)
  }
  return abs.replace(/\/+$/, '') || '/'
}

/** The version as a folder name; anything odd (or unknown) becomes 'unknown'. */
function versionFolder(version: string): string {
  return /^[0-9A-Za-z][0-9A-Za-z._+~-]{0,63}$/.test(version) ? version : 'unknown'
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

async function saveManifest(installDir: string, manifest: ExportManifest): Promise<void> {
  const path = manifestPath(installDir)
  writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644 })
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

/** What export would do for each target: the interpreter copy and the format file. */
async function plan(options: ExportOptions): Promise<ExportResult> {
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

/** The commands that load the exported entries now. */
function activation(format: ExportFormat, dir: string, files: readonly PlannedFile[]): string[] {
  if (files.length === 0) return []
  if (format === 'systemd') {
    const now = `${SYSTEMD_BINFMT} ${files.map(f => f.path).join(' ')}`
    // A restart first unregisters every entry (status -1), then loads every binfmt.d file.
    return SYSTEMD_DIRS.includes(dir) ? ['systemctl restart systemd-binfmt', now] : [now]
  }
  const importDir = dir === DEFAULT_EXPORT_DIRS['binfmt-support'] ? '' : ` --importdir ${dir}`
  return files.map(f => `update-binfmts${importDir} --import ${f.entry}`)
}

/**
 * Copy the interpreters to <installDir>/<version>/ and write one format file per target into
 * `dir`, recording each file in the manifest once it is in place. Refuses, before writing
 * anything, when a file it would replace is not one it wrote. With dryRun, writes nothing
 * and returns the texts (and conflicts) instead.
 */
export async function exportFiles(options: ExportOptions): Promise<ExportResult> {
  const result = await plan(options)
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

export interface ExportRequest {
  readonly format: ExportFormat
  readonly dir?: string
  readonly installDir?: string
  readonly dryRun?: boolean
  /** binfmt-support's database; default BINFMT_SUPPORT_ADMIN_DIR. */
  readonly adminDir?: string
}

export interface ExportDeps {
  readonly log: Log
  /** Targets the host runs itself; found by running probes when absent. */
  readonly native?: ReadonlySet<string>
}

/**
 * `setup-binfmt export`: the platforms of `options` that the host does not run natively, their
 * interpreters from the chosen source (as install gets them), exported in `request.format`.
 */
export async function exportPlatforms(
  options: Options,
  request: ExportRequest,
  deps: ExportDeps
): Promise<ExportResult & { readonly plan: Plan; readonly acquired?: Acquired }> {
  const { log } = deps
  const native = deps.native ?? (await nativeTargets(await BinfmtTable.read(), log))
  const p = makePlan(options.platforms, native, log)
  const acquired =
    p.targets.length === 0 ? undefined : await acquire({ ...options, targets: p.targets }, log)
  const result = await exportFiles({
    ...request,
    acquired: acquired ?? { interpreters: new Map(), version: '' },
    flags: options.flags,
    log
  })
  return { ...result, plan: p, acquired }
}
