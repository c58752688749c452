// The two boot-time loaders export writes for, systemd-binfmt (binfmt.d(5): /etc/binfmt.d/*.conf)
// and Debian's binfmt-support (update-binfmts(8) format files in /usr/share/binfmts): the text
// of each one's file, the folders it reads, and the commands that make it load them now.

import { escapeHex, registerLine, type Entry } from '../binfmt/table.js'

export const EXPORT_FORMATS = ['systemd', 'binfmt-support'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Where each format's files go by default: the folders the loaders read. */
export const DEFAULT_EXPORT_DIRS: Readonly<Record<ExportFormat, string>> = {
  systemd: '/etc/binfmt.d',
  'binfmt-support': '/usr/share/binfmts'
}

/** binfmt-support's database of imported formats (update-binfmts --admindir). */
export const BINFMT_SUPPORT_ADMIN_DIR = '/var/lib/binfmts'

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

/** The commands that load the exported entries (format files in `dir`) now. */
export function activation(
  format: ExportFormat,
  dir: string,
  files: readonly { readonly path: string; readonly entry?: string }[]
): string[] {
  if (files.length === 0) return []
  if (format === 'systemd') {
    const now = `${SYSTEMD_BINFMT} ${files.map(f => f.path).join(' ')}`
    // A restart first unregisters every entry (status -1), then loads every binfmt.d file.
    return SYSTEMD_DIRS.includes(dir) ? ['systemctl restart systemd-binfmt', now] : [now]
  }
  const importDir = dir === DEFAULT_EXPORT_DIRS['binfmt-support'] ? '' : ` --importdir ${dir}`
  return files.map(f => `update-binfmts${importDir} --import ${f.entry}`)
}
