// `source: archive`: pull static QEMU interpreters out of a release tarball or a Debian package.
// The archive is streamed once through a small tar reader that keeps only the bytes of members
// named like an interpreter, so a 500 MB package never lands on disk or in memory. Links are
// followed inside the archive tree only, and nothing is written until the whole archive has been
// read, so an archive refused for an escaping member leaves no trace.

import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { run } from '../../util/exec.js'
import { copyFileAtomic } from '../../util/files.js'
import { makeTempDir } from '../../util/temp.js'
import type { Log } from '../../util/log.js'
import type { Format } from '../manifest.js'
import {
  extractMembers,
  readerSink,
  type DataSink,
  type EntryType,
  type KeptData,
  type Member,
  type Scan
} from './members.js'
import { candidateNames } from '../system.js'

/**
 * Extract the interpreters for `targets` (QEMU target names) from `file` into `destDir`,
 * as destDir/qemu-<target> (mode 0755). Returns target -> written path.
 */
export async function extractInterpreters(
  file: string,
  format: Format,
  targets: readonly string[],
  destDir: string,
  log?: Log
): Promise<Map<string, string>> {
  const wanted = [...new Set(targets)]
  const names = new Map(wanted.map(t => [t, candidateNames(t)]))
  if (format === 'bin') return copyBare(file, wanted, destDir, log)

  return extractMembers(
    file,
    names,
    destDir,
    (keep, data) => scanArchive(file, format, keep, data, log),
    log
  )
}

// ---------------------------------------------------------------------------------------------
// Reading an archive

/** Stream the whole archive once, indexing every member and keeping the files `keep` wants. */
async function scanArchive(
  file: string,
  format: Exclude<Format, 'bin'>,
  keep: (path: string) => boolean,
  data: KeptData,
  log?: Log
): Promise<Scan> {
  const scan: Scan = { members: new Map(), data }
  const reader = new TarReader(file, entry => {
    scan.members.delete(entry.path) // a replaced member moves to its new place in archive order
    scan.members.set(entry.path, entry)
    data.delete(entry.path)
    if (entry.type !== 'file' || !keep(entry.path)) return undefined
    return data.start(entry.path)
  })
  const { sink, failure } = readerSink(reader)
  try {
    await feed(file, format, sink, log)
  } catch (e) {
    throw new Error(`Cannot read ${file} as ${format}: ${(e as Error).message}`, { cause: e })
  }
  if (failure() !== undefined) throw failure()
  reader.end()
  return scan
}

/** -T0: xz 5.4+ decompresses multi-block streams (dpkg-deb writes them) on every core. */
const XZ = ['xz', '-T0', '-dc']

const DEB_DECOMPRESSORS: Record<string, readonly string[] | undefined> = {
  '.xz': XZ,
  '.zst': ['zstd', '-dc']
}

/** Write the archive's uncompressed tar stream into `sink`. */
async function feed(
  file: string,
  format: Exclude<Format, 'bin'>,
  sink: Writable,
  log?: Log
): Promise<void> {
  switch (format) {
    case 'tar.gz':
      return pipeline(createReadStream(file), createGunzip(), sink)
    case 'tar.xz':
      return decompress([...XZ, file], sink, log)
    case 'deb':
      return feedDeb(file, sink, log)
    default:
      throw new Error(`unknown archive format '${format as string}'`)
  }
}

/** Run a decompressor whose standard output is the tar stream. */
async function decompress(argv: readonly string[], sink: Writable, log?: Log): Promise<void> {
  // run() resolves when the process exits; `finished` waits until the sink has taken every byte.
  await Promise.all([run(argv, { stdout: sink, log }), finished(sink)])
}

/** A .deb is an ar archive; its file system is the data.tar[.xz|.zst|.gz] member. */
async function feedDeb(file: string, sink: Writable, log?: Log): Promise<void> {
  const member = await findDebData(file)
  const range = () => createReadStream(file, { start: member.offset, end: member.end - 1 })
  const compression = member.name.slice('data.tar'.length)
  if (compression === '') return pipeline(range(), sink)
  if (compression === '.gz') return pipeline(range(), createGunzip(), sink)
  const tool = DEB_DECOMPRESSORS[compression]
  if (!tool) throw new Error(`${member.name} is compressed in a way this tool does not read`)
  // run() takes standard input as a buffer, so hand the decompressor a copy of just this member.
  const dir = await makeTempDir('deb')
  try {
    const packed = join(dir, member.name)
    await pipeline(range(), createWriteStream(packed))
    await decompress([...tool, packed], sink, log)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const AR_MAGIC = '!<arch>\n'
const AR_HEADER = 60

/** Walk the ar headers (16-byte name, ..., 10-byte decimal size, "`\n") to the data member. */
async function findDebData(file: string): Promise<{ name: string; offset: number; end: number }> {
  const handle = await open(file, 'r')
  try {
    const { size: total } = await handle.stat()
    const magic = Buffer.alloc(AR_MAGIC.length)
    await handle.read(magic, 0, magic.length, 0)
    if (magic.toString('latin1') !== AR_MAGIC) throw new Error('not an ar archive')
    const header = Buffer.alloc(AR_HEADER)
    for (let at = AR_MAGIC.length; at + AR_HEADER <= total;) {
      await handle.read(header, 0, AR_HEADER, at)
      const name = header.toString('latin1', 0, 16).trimEnd().replace(/\/$/, '')
      const sizeText = header.toString('latin1', 48, 58).trim()
      const size = Number(sizeText)
      const offset = at + AR_HEADER
      if (header.toString('latin1', 58, 60) !== '`\n' || !/^\d+$/.test(sizeText)) {
        throw new Error(`corrupt ar header at byte ${at}`)
      }
      if (offset + size > total) throw new Error(`ar member ${name} is truncated`)
      if (/^data\.tar(\.|$)/.test(name)) {
        if (size === 0) throw new Error(`ar member ${name} is empty`)
        return { name, offset, end: offset + size }
      }
      at = offset + size + (size % 2) // members start on even offsets
    }
    throw new Error('no data.tar member: not a Debian binary package')
  } finally {
    await handle.close()
  }
}

// ---------------------------------------------------------------------------------------------
// A streaming tar reader: ustar, GNU (long names, base-256 sizes) and pax headers

interface TarEntry extends Member {
  readonly path: string
}

const BLOCK = 512
/** Extension headers carry names, not data: anything bigger is not a tar we should trust. */
const MAX_EXTENSION = 1 << 20

class TarReader {
  private readonly head = Buffer.alloc(BLOCK)
  private headLength = 0
  /** Bytes consumed so far, for error messages. */
  private offset = 0
  /** Data bytes of the current member still to come, then the padding to the next block. */
  private left = 0
  private padding = 0
  private sink: DataSink | undefined
  private extension: { type: string; chunks: Buffer[] } | undefined
  /** Path, link and size from GNU L/K and pax x headers, for the next real member. */
  private pending: { path?: string; linkname?: string; size?: number } = {}
  private ended = false

  constructor(
    private readonly file: string,
    private readonly onEntry: (entry: TarEntry) => DataSink | undefined
  ) {}

  push(chunk: Buffer): void {
    let at = 0
    while (at < chunk.length && !this.ended) {
      const room = chunk.length - at
      if (this.left > 0) {
        const n = Math.min(this.left, room)
        this.offset += n
        this.data(chunk.subarray(at, at + n))
        at += n
      } else if (this.padding > 0) {
        const n = Math.min(this.padding, room)
        this.offset += n
        this.padding -= n
        at += n
      } else {
        const n = Math.min(BLOCK - this.headLength, room)
        chunk.copy(this.head, this.headLength, at, at + n)
        this.offset += n
        this.headLength += n
        at += n
        if (this.headLength === BLOCK) {
          this.headLength = 0
          this.header()
        }
      }
    }
  }

  /** The input is complete: fail if it stopped inside a member. */
  end(): void {
    if (!this.ended && (this.left > 0 || this.padding > 0 || this.headLength > 0)) {
      throw new Error(`${this.file} is truncated: the tar stream stops inside a member`)
    }
  }

  private data(bytes: Buffer): void {
    this.left -= bytes.length
    if (this.extension) {
      this.extension.chunks.push(Buffer.from(bytes))
    } else {
      this.sink?.(bytes)
    }
    if (this.left === 0) this.memberDone()
  }

  private memberDone(): void {
    const extension = this.extension
    this.extension = undefined
    this.sink = undefined
    if (extension) this.applyExtension(extension.type, Buffer.concat(extension.chunks))
  }

  private header(): void {
    const h = this.head
    // One zero block marks the end (a second and the record padding may follow; ignore them).
    if (h.every(b => b === 0)) {
      this.ended = true
      return
    }
    this.checkChecksum()
    const flag = String.fromCharCode(h[156])
    const headerSize = parseNumber(h.subarray(124, 136))
    if (headerSize === undefined) throw this.corrupt('a bad size field')
    if (['x', 'X', 'g', 'L', 'K'].includes(flag)) {
      if (headerSize > MAX_EXTENSION) throw this.corrupt(`a ${headerSize}-byte '${flag}' header`)
      // Global pax headers ('g') hold defaults such as mtime; nothing we use.
      this.startData(headerSize, undefined, flag === 'g' ? undefined : flag)
      return
    }
    const { path: rawPath, linkname: rawLink, size } = this.pending
    this.pending = {}
    const raw = rawPath ?? this.ustarName()
    let type = entryType(flag)
    // Pre-POSIX tars mark directories only by a trailing slash.
    if (type === 'file' && raw.endsWith('/')) type = 'directory'
    const linkname = rawLink ?? cString(h.subarray(157, 257))
    const entry: TarEntry = {
      path: this.memberPath(raw),
      type,
      linkname: type === 'hardlink' ? this.memberPath(linkname) : linkname
    }
    const sink = this.onEntry(entry)
    this.startData(size ?? headerSize, type === 'file' ? sink : undefined)
  }

  private startData(size: number, sink: DataSink | undefined, extension?: string): void {
    this.left = size
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK
    this.sink = sink
    this.extension = extension ? { type: extension, chunks: [] } : undefined
    if (size === 0) this.memberDone()
  }

  private applyExtension(type: string, body: Buffer): void {
    if (type === 'L') this.pending.path = cString(body)
    else if (type === 'K') this.pending.linkname = cString(body)
    else {
      const records = paxRecords(body)
      if (records === undefined) throw this.corrupt('a malformed pax header')
      const path = records.get('path')
      const linkname = records.get('linkpath')
      const size = records.get('size')
      if (path !== undefined) this.pending.path = path
      if (linkname !== undefined) this.pending.linkname = linkname
      if (size !== undefined) {
        if (!/^\d+$/.test(size)) throw this.corrupt(`a bad pax size '${size}'`)
        this.pending.size = Number(size)
      }
    }
  }

  /** ustar splits long names into prefix (345..500) and name; GNU's "ustar  " magic does not. */
  private ustarName(): string {
    const name = cString(this.head.subarray(0, 100))
    if (this.head.toString('latin1', 257, 263) !== 'ustar\0') return name
    const prefix = cString(this.head.subarray(345, 500))
    return prefix ? `${prefix}/${name}` : name
  }

  /** Strip a leading / or ./; a `..` segment could write outside the destination, so refuse. */
  private memberPath(raw: string): string {
    const parts = raw.split('/').filter(p => p !== '' && p !== '.')
    if (parts.includes('..')) {
      throw new Error(
        `Refusing ${this.file}: member ${raw} has a '..' path segment, so it would escape the extraction folder`
      )
    }
    return parts.join('/')
  }

  private checkChecksum(): void {
    const stored = parseNumber(this.head.subarray(148, 156))
    let unsigned = 0
    let signed = 0
    for (let i = 0; i < BLOCK; i++) {
      const b = i >= 148 && i < 156 ? 0x20 : this.head[i]
      unsigned += b
      signed += b > 127 ? b - 256 : b
    }
    // Some old tars summed signed bytes.
    if (stored !== unsigned && stored !== signed) throw this.corrupt('a bad header checksum')
  }

  private corrupt(what: string): Error {
    return new Error(`${this.file} is not a valid tar stream: ${what} before byte ${this.offset}`)
  }
}

function entryType(flag: string): EntryType {
  switch (flag) {
    case '0':
    case '\0':
    case '7': // contiguous file: a plain file everywhere but a few old systems
      return 'file'
    case '1':
      return 'hardlink'
    case '2':
      return 'symlink'
    case '5':
      return 'directory'
    default: // devices, FIFOs, sparse files...: refused only if chosen as an interpreter
      return 'other'
  }
}

/** A numeric field: octal digits ended by NUL or space, or GNU base-256 when the top bit is set. */
function parseNumber(field: Buffer): number | undefined {
  if (field[0] & 0x80) {
    if (field[0] === 0xff) return undefined // negative
    let value = field[0] & 0x7f
    for (const b of field.subarray(1)) value = value * 256 + b
    return Number.isSafeInteger(value) ? value : undefined
  }
  const text = cString(field).trim()
  if (text === '') return 0
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined
}

/** pax records are "<length> <key>=<value>\n", the length counting the whole record in bytes. */
function paxRecords(body: Buffer): Map<string, string> | undefined {
  const records = new Map<string, string>()
  let at = 0
  while (at < body.length && body[at] !== 0) {
    const space = body.indexOf(0x20, at)
    const length = Number(body.toString('latin1', at, space))
    const end = at + length
    if (space < 0 || !Number.isInteger(length) || end <= space || end > body.length)
      return undefined
    const record = body.toString('utf8', space + 1, end - 1)
    const equals = record.indexOf('=')
    if (equals < 0) return undefined
    records.set(record.slice(0, equals), record.slice(equals + 1))
    at = end
  }
  return records
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0)
  return bytes.toString('utf8', 0, end < 0 ? bytes.length : end)
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A bare interpreter binary serves exactly one target. */
async function copyBare(
  file: string,
  targets: readonly string[],
  destDir: string,
  log?: Log
): Promise<Map<string, string>> {
  if (targets.length !== 1) {
    throw new Error(
      `${file} is a single interpreter, so it serves exactly one target, not ${targets.length} (${targets.join(', ')})`
    )
  }
  const [t] = targets
  await mkdir(destDir, { recursive: true })
  const dest = join(destDir, `qemu-${t}`)
  log?.debug(`${file}: ${t} is the file itself`)
  await copyFileAtomic(file, dest, { mode: 0o755 })
  return new Map([[t, dest]])
}
