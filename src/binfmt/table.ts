// The kernel's binfmt_misc table: read, register, remove. Never writes `status` and never
// unmounts; mounts the filesystem when it is missing and leaves it mounted.

import { constants, existsSync } from 'node:fs'
import { opendir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { run, ExecError, lastLine, launch, type Starter } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { sha256File } from '../util/hash.js'
import type { SharedRecord } from './shared-record.js'

export const DEFAULT_ROOT = '/proc/sys/fs/binfmt_misc'

export interface Entry {
  readonly name: string
  readonly enabled: boolean
  readonly interpreter: string
  /** Canonical flag string: the letters of P, O, C, F present, in that order. */
  readonly flags: string
  readonly offset: number
  /** Magic bytes as lowercase hex; for an extension entry, absent. */
  readonly magic?: string
  readonly mask?: string
  /** File name extension, for entries matched by extension instead of magic. */
  readonly extension?: string
  /** Lines of the entry file this parser does not know (say, an interpreter path with a newline). */
  readonly unparsed?: readonly string[]
  /** For an F entry `reset` removed: SHA-256 of the interpreter the kernel held open. */
  readonly heldSha256?: string
}

/** The four flags the kernel prints, in the order it prints them. */
const FLAG_ORDER = 'POCF'

/** Canonical form of a flag set: C implies O in the kernel, and it prints P O C F in order. */
export function canonicalFlags(flags: string): string {
  const set = new Set(flags.toUpperCase())
  if (set.has('C')) set.add('O')
  return [...FLAG_ORDER].filter(f => set.has(f)).join('')
}

/** Parse one entry file as the kernel prints it. */
export function parseEntry(name: string, text: string): Entry {
  let enabled = false
  let interpreter = ''
  let flags = ''
  let offset = 0
  let magic: string | undefined
  let mask: string | undefined
  let extension: string | undefined
  const unparsed: string[] = []
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const [key, ...rest] = line.split(' ')
    const value = rest.join(' ')
    if (line === 'enabled') enabled = true
    else if (line === 'disabled') enabled = false
    else if (key === 'interpreter') interpreter = value
    else if (key === 'flags:') flags = canonicalFlags(value.trim())
    else if (key === 'offset') offset = Number(value)
    else if (key === 'magic') magic = value.trim()
    else if (key === 'mask') mask = value.trim()
    else if (key === 'extension') extension = value.replace(/^\./, '')
    else unparsed.push(line)
  }
  const entry = { name, enabled, interpreter, flags, offset, magic, mask, extension }
  return unparsed.length > 0 ? { ...entry, unparsed } : entry
}

/** Hex as the register format and binfmt files write it: 7f45 -> \x7f\x45. */
export const escapeHex = (hex: string) => hex.replace(/(..)/g, '\\x$1')

/** The line written to `register`. Every magic and mask byte is \x-escaped, so ':' is safe. */
export function registerLine(e: Entry): string {
  checkEntryText(e)
  const line = e.extension
    ? `:${e.name}:E::${e.extension}::${e.interpreter}:${e.flags}`
    : `:${e.name}:M:${e.offset}:${escapeHex(e.magic ?? '')}:${escapeHex(e.mask ?? '')}:${e.interpreter}:${e.flags}`
  // The kernel's one limit on the interpreter path: the whole write is at most 1920 bytes.
  const bytes = Buffer.byteLength(line)
  if (bytes > 1920) {
    throw new Error(
      `The registration line for '${e.name}' is ${bytes} bytes; the kernel takes at most 1920: ` +
        `use a shorter interpreter path (a shorter RUNNER_TOOL_CACHE or qemu-path)`
    )
  }
  return line
}

/** Characters the kernel's parser reads in fields (flags, \x escapes): never a separator. */
const NOT_SEPARATORS = new Set('POCF\\x0123456789abcdefABCDEF\n\0')
/** The longest write `register` takes (MAX_REGISTER_LENGTH). */
const MAX_REGISTER_LENGTH = 1920

/**
 * The line that registers `e` again exactly as the kernel holds it, whatever its name and
 * path (the kernel takes a space, 255 characters, any separator character the line starts
 * with), or the reason there is none.
 */
export function kernelLine(e: Entry): { line: string } | { why: string } {
  if (e.unparsed)
    return {
      why: `its entry file has lines this tool cannot read back (${JSON.stringify(e.unparsed)})`
    }
  const fields = [e.name, e.interpreter, e.extension ?? '']
  const sep = [...':|#!%;,@~=^&*+'].find(
    c => !NOT_SEPARATORS.has(c) && fields.every(f => !f.includes(c))
  )
  if (!sep) return { why: 'no separator character is free of its name and interpreter path' }
  const parts = e.extension
    ? [e.name, 'E', '', e.extension, '', e.interpreter, e.flags]
    : [
        e.name,
        'M',
        String(e.offset),
        escapeHex(e.magic ?? ''),
        escapeHex(e.mask ?? ''),
        e.interpreter,
        e.flags
      ]
  const line = sep + parts.join(sep)
  if (Buffer.byteLength(line) > MAX_REGISTER_LENGTH) {
    return {
      why: `its registration line is ${Buffer.byteLength(line)} bytes, over the kernel's ${MAX_REGISTER_LENGTH}`
    }
  }
  return { line }
}

/** Names and paths go into a ':'-separated line and become file names: refuse what breaks either. */
export function checkEntryText(e: Entry): void {
  if (
    !/^[A-Za-z0-9_.+-]{1,64}$/.test(e.name) ||
    e.name === '.' ||
    e.name === '..' ||
    e.name === 'register' ||
    e.name === 'status'
  ) {
    throw new Error(
      `'${e.name}' cannot name a binfmt_misc entry: use letters, digits and . _ + - only`
    )
  }
  if (!e.interpreter.startsWith('/') || /[:\n\0]/.test(e.interpreter)) {
    throw new Error(
      `Interpreter path '${e.interpreter}' must be absolute and contain no ':' or newline`
    )
  }
}

const ERRNO_FROM_TEXT: Array<[RegExp, string]> = [
  [/File exists/i, 'EEXIST'],
  [/No such file or directory/i, 'ENOENT'],
  [/Invalid argument/i, 'EINVAL'],
  [/Operation not permitted/i, 'EPERM'],
  [/Permission denied/i, 'EACCES']
]

/** An error from the kernel, with the errno kept so callers can tell EEXIST from the rest. */
export class BinfmtError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined
  ) {
    super(message)
    this.name = 'BinfmtError'
  }
}

/** Writes files in binfmt_misc, directly as root or through `sudo -n` otherwise. */
export interface Writer {
  write(file: string, data: string): Promise<void>
  mount(root: string): Promise<void>
  /**
   * Set when this process cannot read the table's files itself (a helper container reads
   * them): every entry file's text by name, in the kernel's order (newest first).
   */
  readonly files?: () => Promise<ReadonlyMap<string, string>>
  /**
   * The path to register for each local interpreter file (by target), where the kernel
   * opens it. Without this, the local paths themselves.
   */
  readonly place?: (
    interpreters: ReadonlyMap<string, string>
  ) => Promise<ReadonlyMap<string, string>>
  /** Release what the writer holds (a helper image). */
  readonly close?: () => Promise<void>
  /** The local file behind an interpreter path of the writer's own (one inside a helper). */
  readonly localFile?: (interpreter: string) => string | undefined
  /** Where runs writing this way share the lock and owners record, when not root's folder. */
  readonly shared?: SharedRecord
}

function errnoOf(e: unknown): string | undefined {
  if (e instanceof ExecError) {
    const text = e.result.stderr
    return ERRNO_FROM_TEXT.find(([re]) => re.test(text))?.[1]
  }
  return (e as NodeJS.ErrnoException).code
}

/** Open for writing, never creating a file and never through a link (then ELOOP). */
const WRITE_NOFOLLOW = constants.O_WRONLY | constants.O_NOFOLLOW

function directWriter(log?: Log): Writer {
  return {
    // Never create a file (a missing entry must read as ENOENT) and never follow a link.
    // Write-only: `register` (mode 0200) then opens for a root without CAP_DAC_OVERRIDE too
    // (the DaemonSet's container, which has CAP_SYS_ADMIN alone).
    write: (file, data) => writeFile(file, data, { flag: WRITE_NOFOLLOW }),
    mount: async root =>
      void (await run(['mount', '-t', 'binfmt_misc', 'binfmt_misc', root], { log }))
  }
}

export function sudoWriter(log?: Log): Writer {
  return {
    // dd, not tee: tee follows a link and creates a missing file. One write of the whole
    // input (fullblock), since binfmt_misc takes a registration only in a single write.
    write: async (file, data) =>
      void (await run(
        [
          'sudo',
          '-n',
          'dd',
          `of=${file}`,
          'bs=4096',
          'iflag=fullblock',
          'oflag=nofollow',
          'conv=notrunc,nocreat',
          'status=none'
        ],
        { input: data, log }
      )),
    mount: async root =>
      void (await run(['sudo', '-n', 'mount', '-t', 'binfmt_misc', 'binfmt_misc', root], { log }))
  }
}

/** Root writes directly; anyone else needs passwordless sudo, or gets told how to fix it. */
export async function chooseWriter(log?: Log): Promise<Writer> {
  if (process.getuid?.() === 0) return directWriter(log)
  const probe = await run(['sudo', '-n', 'true'], { allowFailure: true, log }).catch(
    (e: Error) => ({ code: -1, stderr: e.message, stdout: '' })
  )
  if (probe.code !== 0) {
    throw new Error(
      `Changing binfmt_misc needs root, and this user (uid ${process.getuid?.()}) has no ` +
        `passwordless sudo (sudo -n true: ${lastLine(probe.stderr) || `exit ${probe.code}`}). ` +
        `Run as root, or allow this user to run sudo without a password.`
    )
  }
  return sudoWriter(log)
}

export class BinfmtTable {
  constructor(
    readonly root: string,
    private readonly writer: Writer,
    private readonly log?: Log,
    /** Starts programs where this table applies (tests: inside their namespace). */
    readonly start: Starter = launch
  ) {}

  /** Open the table at `root`, mounting binfmt_misc there when it is not mounted. */
  static async open(
    options: { root?: string; log?: Log; writer?: Writer; start?: Starter } = {}
  ): Promise<BinfmtTable> {
    const root = options.root ?? DEFAULT_ROOT
    const writer = options.writer ?? (await chooseWriter(options.log))
    // A writer that reads the table itself mounts it itself too.
    if (writer.files) return new BinfmtTable(root, writer, options.log)
    // Reading status first triggers systemd's automount, where there is one.
    await readFile(join(root, 'status')).catch(() => undefined)
    if (!existsSync(join(root, 'register'))) {
      options.log?.info(`binfmt_misc is not mounted at ${root}: mounting it (it stays mounted)`)
      try {
        await writer.mount(root)
      } catch (e) {
        throw new Error(
          `binfmt_misc is not mounted at ${root} and mounting it failed (${(e as Error).message}). ` +
            `Mount it with 'mount -t binfmt_misc binfmt_misc ${root}', or load the binfmt_misc kernel module.`,
          { cause: e }
        )
      }
      if (!existsSync(join(root, 'register'))) {
        throw new Error(`binfmt_misc is still not available at ${root} after mounting it`)
      }
    }
    return new BinfmtTable(root, writer, options.log, options.start)
  }

  /** Read-only view of the entries at `root`; none when binfmt_misc is not mounted there. */
  static async read(root: string = DEFAULT_ROOT): Promise<Entry[]> {
    if (!existsSync(join(root, 'register'))) return []
    const readOnly: Writer = {
      write: async () => {
        throw new Error('read-only view of binfmt_misc')
      },
      mount: async () => {}
    }
    return new BinfmtTable(root, readOnly).list()
  }

  /** Every entry, sorted by name. */
  async list(): Promise<Entry[]> {
    return (await this.inMatchOrder()).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    )
  }

  /**
   * Every entry in the order the kernel tries them: newest first. binfmt_misc lists its
   * folder in that order too (each new entry goes to the head of both lists).
   */
  async inMatchOrder(): Promise<Entry[]> {
    if (this.writer.files) {
      const files = await this.writer.files()
      return [...files]
        .filter(([name]) => name !== 'register' && name !== 'status')
        .map(([name, text]) => parseEntry(name, text))
    }
    // opendir keeps the kernel's order; readdir (scandir) would sort by name.
    const entries: Entry[] = []
    for await (const dirent of await opendir(this.root)) {
      if (dirent.name === 'register' || dirent.name === 'status') continue
      const entry = await this.get(dirent.name)
      if (entry) entries.push(entry)
    }
    return entries
  }

  /**
   * Whether binfmt_misc runs any entry at all: `status` reads `enabled` or `disabled` (someone
   * wrote 0 to it). Undefined when it cannot be read.
   */
  async enabledAsAWhole(): Promise<boolean | undefined> {
    const text = await readFile(join(this.root, 'status'), 'utf8').catch(() => undefined)
    return text?.trim() === 'enabled' ? true : text?.trim() === 'disabled' ? false : undefined
  }

  async get(name: string): Promise<Entry | undefined> {
    if (this.writer.files) {
      const text = (await this.writer.files()).get(name)
      return text === undefined || name === 'register' || name === 'status'
        ? undefined
        : parseEntry(name, text)
    }
    try {
      return parseEntry(name, await readFile(join(this.root, name), 'utf8'))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw e
    }
  }

  /** The path to register for each local interpreter: see Writer.place. */
  place(interpreters: ReadonlyMap<string, string>): Promise<ReadonlyMap<string, string>> {
    return this.writer.place ? this.writer.place(interpreters) : Promise.resolve(interpreters)
  }

  /** SHA-256 of the file an interpreter path names here (for a helper's, the local file). */
  interpreterDigest(interpreter: string): Promise<string | undefined> {
    return fileDigest(this.writer.localFile?.(interpreter) ?? interpreter)
  }

  /** Where the lock and owners record are shared, when not root's folder: see Writer.shared. */
  get shared(): SharedRecord | undefined {
    return this.writer.shared
  }

  /** Release what the writer holds; the table is not used afterwards. */
  async close(): Promise<void> {
    await this.writer.close?.()
  }

  async register(entry: Entry): Promise<void> {
    await this.write(entry, registerLine(entry))
  }

  /** Register an entry someone else made, exactly as the kernel held it (`kernelLine`). */
  async registerAgain(entry: Entry): Promise<void> {
    const exact = kernelLine(entry)
    if ('why' in exact)
      throw new BinfmtError(`Cannot register '${entry.name}' again: ${exact.why}`, undefined)
    await this.write(entry, exact.line)
  }

  private async write(entry: Entry, line: string): Promise<void> {
    this.log?.debug(`register ${line}`)
    try {
      await this.writer.write(join(this.root, 'register'), line)
    } catch (e) {
      throw explain(e, entry)
    }
    if (!entry.enabled) await this.setEnabled(entry.name, false)
  }

  async setEnabled(name: string, enabled: boolean): Promise<void> {
    await this.writeEntry(name, enabled ? '1' : '0')
  }

  async remove(name: string): Promise<void> {
    await this.writeEntry(name, '-1')
  }

  private async writeEntry(name: string, value: string): Promise<void> {
    if (name === 'status' || name === 'register' || name.includes('/')) {
      throw new Error(`Refusing to write to binfmt_misc '${name}'`)
    }
    // tee (the sudo path) would try to create a missing entry and report EACCES instead.
    const exists = this.writer.files
      ? (await this.get(name)) !== undefined
      : existsSync(join(this.root, name))
    if (!exists) {
      throw new BinfmtError(`binfmt_misc has no entry named '${name}'`, 'ENOENT')
    }
    try {
      await this.writer.write(join(this.root, name), value)
    } catch (e) {
      const code = errnoOf(e)
      throw new BinfmtError(
        `Writing '${value}' to binfmt_misc entry '${name}' failed: ${permissionHint(e, code)}`,
        code
      )
    }
  }
}

function permissionHint(e: unknown, code: string | undefined): string {
  if (code === 'EPERM' || code === 'EACCES') {
    return 'permission denied; binfmt_misc needs root (CAP_SYS_ADMIN in the user namespace that mounted it)'
  }
  return (e as Error).message
}

function explain(e: unknown, entry: Entry): BinfmtError {
  const code = errnoOf(e)
  const name = `'${entry.name}'`
  switch (code) {
    case 'EEXIST':
      return new BinfmtError(`binfmt_misc already has an entry named ${name}`, code)
    case 'ENOENT':
      return new BinfmtError(
        `Cannot register ${name}: the interpreter ${entry.interpreter} does not exist ` +
          `(with the F flag the kernel opens it at registration time)`,
        code
      )
    case 'EINVAL':
      return new BinfmtError(
        `The kernel rejected the registration of ${name} as invalid: flags must be among P, O, C, F, ` +
          `magic and mask must have the same length and fit in 128 bytes with the offset`,
        code
      )
    case 'EPERM':
    case 'EACCES':
      return new BinfmtError(`Cannot register ${name}: ${permissionHint(e, code)}`, code)
    default:
      return new BinfmtError(`Cannot register ${name}: ${(e as Error).message}`, code)
  }
}

/** SHA-256 of a file, or undefined when it cannot be read. */
export function fileDigest(path: string): Promise<string | undefined> {
  return sha256File(path).catch(() => undefined)
}

/** Magic with the mask applied: the bytes the kernel actually compares. */
function masked(magic = '', mask = ''): string {
  const bytes = Buffer.from(magic, 'hex')
  const bits = Buffer.from(mask, 'hex')
  return Buffer.from(bytes.map((b, i) => b & (bits[i] ?? 0xff))).toString('hex')
}

/**
 * Whether one program can match both entries, so which the kernel tries first decides what
 * runs it. Magic entries overlap when their magic agrees wherever both masks look; an
 * extension entry may meet any magic entry.
 */
export function overlaps(a: Entry, b: Entry): boolean {
  if (a.extension || b.extension)
    return a.extension === b.extension || !a.extension !== !b.extension
  const bytes = (e: Entry) => {
    const magic = Buffer.from(e.magic ?? '', 'hex')
    return { magic, mask: Buffer.from(e.mask ?? 'ff'.repeat(magic.length), 'hex') }
  }
  const [x, y] = [bytes(a), bytes(b)]
  for (
    let p = Math.max(a.offset, b.offset);
    p < Math.min(a.offset + x.magic.length, b.offset + y.magic.length);
    p++
  ) {
    const [i, j] = [p - a.offset, p - b.offset]
    const both = x.mask[i] & y.mask[j]
    if ((x.magic[i] & both) !== (y.magic[j] & both)) return false
  }
  return true
}

/** The same match rule, flags and interpreter path; whether the files match is separate. */
export function sameDefinition(a: Entry, b: Entry): boolean {
  return (
    a.enabled === b.enabled &&
    a.flags === b.flags &&
    a.offset === b.offset &&
    a.extension === b.extension &&
    (a.mask ?? '') === (b.mask ?? '') &&
    masked(a.magic, a.mask) === masked(b.magic, b.mask) &&
    a.interpreter === b.interpreter
  )
}
