// Just enough RPM to take static QEMU interpreters out of a Fedora package without rpm itself
// (which a Fedora runner has, but this code must not install anything): skip the lead and the two
// header structures, decompress the payload, and read its cpio ("newc") stream once, keeping only
// the bytes of members named like an interpreter. As in archive.ts, a member with a `..` segment is
// refused, links are followed inside the archive's own tree only, and nothing is written until the
// whole payload has been read.
//
// Layout: lead (96 bytes, magic ed ab ee db), signature header, padding to 8 bytes, main header,
// payload. A header structure is magic 8e ad e8 01, 4 reserved bytes, the number of index entries
// and the size of the data store (32-bit big-endian each), then 16-byte index entries (tag, type,
// offset into the store, count) and the store. The payload is cpio compressed with the tool the
// PAYLOADCOMPRESSOR tag names (zstd on current Fedora, xz or gzip on older releases).

import { createReadStream, createWriteStream } from 'node:fs'
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { run } from '../../util/exec.js'
import { makeTempDir } from '../../util/temp.js'
import type { Log } from '../../util/log.js'
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

export interface RpmPackage {
  readonly name: string
  readonly version: string
  readonly release: string
  readonly epoch?: number
  /** [epoch:]version-release, as rpm -q prints it. */
  readonly evr: string
  /** PAYLOADCOMPRESSOR: gzip (rpm's default when the tag is absent), xz, lzma, zstd, bzip2. */
  readonly compressor: string
  /** Where the compressed payload starts in the file. */
  readonly payloadOffset: number
}

const LEAD_SIZE = 96
const LEAD_MAGIC = 0xedabeedb
const HEADER_MAGIC = 0x8eade801
/** Real headers are kilobytes to a few megabytes (file lists); refuse absurd sizes up front. */
const MAX_HEADER = 256 << 20

const TAG_NAME = 1000
const TAG_VERSION = 1001
const TAG_RELEASE = 1002
const TAG_EPOCH = 1003
const TAG_PAYLOADFORMAT = 1124
const TAG_PAYLOADCOMPRESSOR = 1125

const TYPE_INT32 = 4
const TYPE_STRING = 6

interface IndexEntry {
  readonly type: number
  readonly offset: number
  readonly count: number
}

/** Read the lead and both headers: the package's name, version and payload compression. */
export async function readRpm(file: string): Promise<RpmPackage> {
  const handle = await open(file, 'r')
  try {
    const { size: total } = await handle.stat()
    const read = async (at: number, length: number, what: string): Promise<Buffer> => {
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, at)
      if (bytesRead < length) throw new Error(`${file} is truncated: it stops inside the ${what}`)
      return buffer
    }
    const lead = await read(0, LEAD_SIZE, 'lead')
    if (lead.readUInt32BE(0) !== LEAD_MAGIC) throw new Error(`${file} is not an RPM package`)

    /** One header structure at `at`: its index, its data store and where it ends. */
    const header = async (at: number, what: string) => {
      const intro = await read(at, 16, what)
      if (intro.readUInt32BE(0) !== HEADER_MAGIC) {
        throw new Error(`${file} is not a valid RPM package: no ${what} at byte ${at}`)
      }
      const count = intro.readUInt32BE(8)
      const storeSize = intro.readUInt32BE(12)
      const size = 16 + count * 16 + storeSize
      if (size > MAX_HEADER || at + size > total) {
        throw new Error(`${file} is not a valid RPM package: the ${what} claims ${size} bytes`)
      }
      const body = await read(at + 16, count * 16 + storeSize, what)
      const index = new Map<number, IndexEntry>()
      for (let i = 0; i < count; i++) {
        const e = i * 16
        index.set(body.readUInt32BE(e), {
          type: body.readUInt32BE(e + 4),
          offset: body.readInt32BE(e + 8),
          count: body.readUInt32BE(e + 12)
        })
      }
      return { index, store: body.subarray(count * 16), end: at + size }
    }

    const signature = await header(LEAD_SIZE, 'signature header')
    const mainAt = signature.end + ((8 - ((signature.end - LEAD_SIZE) % 8)) % 8)
    const main = await header(mainAt, 'main header')
    const text = (tag: number): string | undefined => {
      const entry = main.index.get(tag)
      if (!entry) return undefined
      if (entry.type !== TYPE_STRING || entry.offset < 0 || entry.offset >= main.store.length) {
        throw new Error(`${file} is not a valid RPM package: bad tag ${tag} in the main header`)
      }
      const end = main.store.indexOf(0, entry.offset)
      return main.store.toString('utf8', entry.offset, end < 0 ? main.store.length : end)
    }
    const epochEntry = main.index.get(TAG_EPOCH)
    let epoch: number | undefined
    if (epochEntry) {
      if (epochEntry.type !== TYPE_INT32 || epochEntry.offset + 4 > main.store.length) {
        throw new Error(`${file} is not a valid RPM package: bad epoch in the main header`)
      }
      epoch = main.store.readUInt32BE(epochEntry.offset)
    }
    const format = text(TAG_PAYLOADFORMAT) ?? 'cpio'
    if (format !== 'cpio') {
      throw new Error(`${file} has a ${format} payload; only cpio payloads can be read`)
    }
    const name = text(TAG_NAME) ?? ''
    const version = text(TAG_VERSION) ?? ''
    const release = text(TAG_RELEASE) ?? ''
    return {
      name,
      version,
      release,
      epoch,
      evr: `${epoch === undefined ? '' : `${epoch}:`}${version}-${release}`,
      compressor: text(TAG_PAYLOADCOMPRESSOR) ?? 'gzip',
      payloadOffset: main.end
    }
  } finally {
    await handle.close()
  }
}

/**
 * Extract the interpreters for `targets` (QEMU target names) from the .rpm `file` into `destDir`,
 * as destDir/qemu-<target> (mode 0755), like extractInterpreters in archive.ts. Fedora's packages
 * hold /usr/bin/qemu-<target>-static. Returns target -> written path.
 */
export async function extractRpmInterpreters(
  file: string,
  targets: readonly string[],
  destDir: string,
  log?: Log
): Promise<Map<string, string>> {
  const rpm = await readRpm(file)
  const names = new Map([...new Set(targets)].map(t => [t, candidateNames(t)]))
  return extractMembers(
    file,
    names,
    destDir,
    (keep, data) => scanPayload(file, rpm, keep, data, log),
    log
  )
}

// ---------------------------------------------------------------------------------------------
// Reading the payload

/** Decompress the payload once, indexing every member and keeping the files `keep` wants. */
async function scanPayload(
  file: string,
  rpm: RpmPackage,
  keep: (path: string) => boolean,
  data: KeptData,
  log?: Log
): Promise<Scan> {
  const scan: Scan = { members: new Map(), data }
  /** Hard-link sets by inode: newc stores the data once, with the last link of the set. */
  const inodes = new Map<string, { paths: string[]; holder?: string }>()
  const reader = new CpioReader(file, entry => {
    scan.members.delete(entry.path)
    scan.members.set(entry.path, entry)
    data.delete(entry.path)
    if (entry.type === 'file' && entry.nlink > 1) {
      const set = inodes.get(entry.inode) ?? { paths: [] }
      set.paths.push(entry.path)
      if (entry.size > 0) set.holder = entry.path
      inodes.set(entry.inode, set)
    }
    if (entry.type !== 'file' || !keep(entry.path)) return undefined
    return data.start(entry.path)
  })
  const { sink, failure } = readerSink(reader)
  try {
    await feedPayload(file, rpm, sink, log)
  } catch (e) {
    throw new Error(
      `Cannot read the ${rpm.compressor} payload of ${file}: ${(e as Error).message}`,
      {
        cause: e
      }
    )
  }
  if (failure() !== undefined) throw failure()
  reader.end()
  // The empty members of a hard-link set are links to the one that holds the data.
  for (const { paths, holder } of inodes.values()) {
    if (holder === undefined) continue
    for (const path of paths) {
      if (path === holder || scan.members.get(path)?.type !== 'file') continue
      scan.members.set(path, { type: 'hardlink', linkname: holder })
      data.delete(path)
    }
  }
  return scan
}

const DECOMPRESSORS: Record<string, readonly string[] | undefined> = {
  zstd: ['zstd', '-dc'],
  xz: ['xz', '-dc'],
  lzma: ['xz', '-dc'], // xz's default --format=auto reads .lzma too
  bzip2: ['bzip2', '-dc']
}

/** Write the decompressed cpio stream into `sink`. */
async function feedPayload(
  file: string,
  rpm: RpmPackage,
  sink: Writable,
  log?: Log
): Promise<void> {
  const payload = () => createReadStream(file, { start: rpm.payloadOffset })
  if (rpm.compressor === 'gzip') return pipeline(payload(), createGunzip(), sink)
  const tool = DECOMPRESSORS[rpm.compressor]
  if (!tool)
    throw new Error(`the payload compressor '${rpm.compressor}' is not one this tool reads`)
  // run() takes standard input as a buffer, so hand the decompressor a copy of just the payload.
  const dir = await makeTempDir('rpm')
  try {
    const packed = join(dir, 'payload')
    await pipeline(payload(), createWriteStream(packed))
    // run() resolves when the process exits; `finished` waits until the sink has taken every byte.
    await Promise.all([run([...tool, packed], { stdout: sink, log }), finished(sink)])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// A streaming cpio reader: the "newc" format (magic 070701, or 070702 with checksums)

interface CpioEntry extends Member {
  readonly path: string
  readonly size: number
  readonly nlink: number
  /** dev major:minor:inode, to group hard links. */
  readonly inode: string
}

const CPIO_HEADER = 110
const TRAILER = 'TRAILER!!!'
/** Linux paths are at most 4096 bytes, links too; anything longer is not a payload to trust. */
const MAX_NAME = 4096
const MAX_LINK = 4096

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFLNK = 0o120000
const S_IFDIR = 0o040000

class CpioReader {
  private readonly head = Buffer.alloc(CPIO_HEADER)
  private headLength = 0
  /** The name and its padding, once the header has said how long they are. */
  private name: { buffer: Buffer; length: number; size: number } | undefined
  private fields: number[] = []
  private left = 0
  private padding = 0
  private sink: DataSink | undefined
  private link: { entry: Omit<CpioEntry, 'linkname'>; chunks: Buffer[] } | undefined
  private offset = 0
  private ended = false

  constructor(
    private readonly file: string,
    private readonly onEntry: (entry: CpioEntry) => DataSink | undefined
  ) {}

  push(chunk: Buffer): void {
    let at = 0
    while (at < chunk.length && !this.ended) {
      const room = chunk.length - at
      let n: number
      if (this.left > 0) {
        n = Math.min(this.left, room)
        this.data(chunk.subarray(at, at + n))
      } else if (this.padding > 0) {
        n = Math.min(this.padding, room)
        this.padding -= n
      } else if (this.name) {
        const name = this.name
        n = Math.min(name.buffer.length - name.length, room)
        chunk.copy(name.buffer, name.length, at, at + n)
        name.length += n
        if (name.length === name.buffer.length) {
          this.name = undefined
          this.entry(name.buffer.subarray(0, name.size))
        }
      } else {
        n = Math.min(CPIO_HEADER - this.headLength, room)
        chunk.copy(this.head, this.headLength, at, at + n)
        this.headLength += n
        if (this.headLength === CPIO_HEADER) {
          this.headLength = 0
          this.header()
        }
      }
      at += n
      this.offset += n
    }
  }

  /** The input is complete: fail unless the trailer was reached. */
  end(): void {
    if (!this.ended) {
      throw new Error(`${this.file} is truncated: its cpio payload stops before the trailer`)
    }
  }

  private header(): void {
    const magic = this.head.toString('latin1', 0, 6)
    if (magic === '07070X') {
      throw this.corrupt("rpm's stripped cpio format (files over 4 GiB), which is not supported")
    }
    if (magic !== '070701' && magic !== '070702') throw this.corrupt(`the magic '${magic}'`)
    const fields: number[] = []
    for (let i = 0; i < 13; i++) {
      const text = this.head.toString('latin1', 6 + i * 8, 14 + i * 8)
      if (!/^[0-9a-fA-F]{8}$/.test(text)) throw this.corrupt(`a bad header field '${text}'`)
      fields.push(parseInt(text, 16))
    }
    this.fields = fields
    const nameSize = fields[11]
    if (nameSize < 1 || nameSize > MAX_NAME + 1) throw this.corrupt(`a ${nameSize}-byte name`)
    // Header and name together are padded to a multiple of 4.
    const padded = nameSize + ((4 - ((CPIO_HEADER + nameSize) % 4)) % 4)
    this.name = { buffer: Buffer.alloc(padded), length: 0, size: nameSize }
  }

  private entry(rawName: Buffer): void {
    const [ino, mode, , , nlink, , size, devMajor, devMinor] = this.fields
    const end = rawName.indexOf(0)
    const raw = rawName.toString('utf8', 0, end < 0 ? rawName.length : end)
    if (raw === TRAILER) {
      this.ended = true
      return
    }
    const type = entryType(mode)
    const entry = {
      path: this.memberPath(raw),
      type,
      size,
      nlink,
      inode: `${devMajor}:${devMinor}:${ino}`
    }
    this.left = size
    this.padding = (4 - (size % 4)) % 4
    if (type === 'symlink') {
      // The link target is the member's data; the entry is announced once it has been read.
      if (size > MAX_LINK) throw this.corrupt(`a ${size}-byte symbolic link`)
      this.link = { entry, chunks: [] }
      if (size === 0) this.memberDone()
      return
    }
    const sink = this.onEntry({ ...entry, linkname: '' })
    this.sink = type === 'file' ? sink : undefined
  }

  private data(bytes: Buffer): void {
    this.left -= bytes.length
    if (this.link) this.link.chunks.push(Buffer.from(bytes))
    else this.sink?.(bytes)
    if (this.left === 0) this.memberDone()
  }

  private memberDone(): void {
    const link = this.link
    this.link = undefined
    this.sink = undefined
    if (link) this.onEntry({ ...link.entry, linkname: Buffer.concat(link.chunks).toString('utf8') })
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

  private corrupt(what: string): Error {
    return new Error(`${this.file} has no valid cpio payload: ${what} near byte ${this.offset}`)
  }
}

function entryType(mode: number): EntryType {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return 'file'
    case S_IFLNK:
      return 'symlink'
    case S_IFDIR:
      return 'directory'
    default:
      return 'other'
  }
}
