// The one archive reader: tar-stream parses the tar stream of a tarball, a .deb's data.tar or
// an RPM payload (rpm2archive turns it into tar), and this file applies the member rules as
// members go by: paths normalised, a `..` segment refused, and only the members `keep` wants
// streamed to KeptData, which bounds them.

import { Writable } from 'node:stream'
import { extract as tarExtract, type Extract, type Header } from 'tar-stream'
import type { EntryType, KeptData, Member, Scan } from './members.js'

/** Writes an archive's uncompressed tar stream into `sink`. */
export type Feed = (sink: Writable) => Promise<void>

/**
 * Read the tar stream `feed` writes, once: index every member and keep the files `keep` wants.
 * A failing feed is wrapped in `feedError`; a refused member's error is thrown as it is.
 */
export async function scanTar(
  file: string,
  feed: Feed,
  feedError: (e: Error) => Error,
  keep: (path: string) => boolean,
  data: KeptData
): Promise<Scan> {
  const scan: Scan = { members: new Map(), data }
  // Pre-POSIX tars have no ustar magic: read their headers all the same (an option of
  // tar-stream's that its types leave out).
  const extract = tarExtract({ allowUnknownFormat: true } as Parameters<typeof tarExtract>[0])
  let refusal: unknown
  const refuse = (e: unknown) => {
    refusal ??= e
    extract.destroy(e as Error)
  }
  extract.on('entry', (header, stream, next) => {
    stream.on('error', () => {}) // destroying `extract` fails its entry too; `extract` reports it
    try {
      const { path, ...entry } = member(file, header)
      scan.members.delete(path) // a replaced member moves to its new place in archive order
      scan.members.set(path, entry)
      data.delete(path)
      const sink = entry.type === 'file' && keep(path) ? data.start(path) : undefined
      stream.on('data', chunk => {
        try {
          sink?.(chunk as Buffer)
        } catch (e) {
          refuse(e)
        }
      })
      stream.on('end', () => next())
      stream.resume()
    } catch (e) {
      refuse(e)
    }
  })
  const read = new Promise<void>((resolve, reject) => {
    extract.on('error', reject)
    extract.on('close', resolve)
  })
  const fed = feed(feedSink(extract)).then(
    () => {
      if (!extract.destroying) extract.end(null)
    },
    (e: unknown) => {
      extract.destroy()
      throw e
    }
  )
  const [feeding, reading] = await Promise.allSettled([fed, read])
  if (feeding.status === 'rejected') throw feedError(feeding.reason as Error)
  if (refusal !== undefined) throw refusal
  if (reading.status === 'rejected') {
    const { message } = reading.reason as Error
    if (message === 'Unexpected end of data') {
      throw new Error(`${file} is truncated: the tar stream stops inside a member`)
    }
    throw new Error(`${file} is not a valid tar stream: ${message}`, { cause: reading.reason })
  }
  return scan
}

/**
 * The sink a feed writes into, passing chunks on to `extract` as it takes them. Once `extract`
 * has stopped (a refusal, a corrupt header) it swallows the rest, since a decompressor blocked
 * on a full pipe would never exit.
 */
function feedSink(extract: Extract): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (extract.destroying || extract.write(chunk)) return done()
      const go = () => {
        extract.off('drain', go)
        extract.off('close', go)
        done()
      }
      extract.on('drain', go)
      extract.on('close', go)
    }
  })
}

const TYPES: Partial<Record<string, EntryType>> = {
  file: 'file',
  'contiguous-file': 'file', // a plain file everywhere but a few old systems
  link: 'hardlink',
  symlink: 'symlink',
  directory: 'directory'
}

/** A header as a member: devices, FIFOs and unknown types are refused only if chosen. */
function member(file: string, header: Header): Member & { path: string } {
  let type = TYPES[header.type ?? ''] ?? 'other'
  // Pre-POSIX tars mark directories only by a trailing slash.
  if (type === 'file' && header.name.endsWith('/')) type = 'directory'
  const linkname = header.linkname ?? ''
  return {
    path: memberPath(file, header.name),
    type,
    linkname: type === 'hardlink' ? memberPath(file, linkname) : linkname
  }
}

/** Strip a leading / or ./; a `..` segment could write outside the destination, so refuse. */
function memberPath(file: string, raw: string): string {
  const parts = raw.split('/').filter(p => p !== '' && p !== '.')
  if (parts.includes('..')) {
    throw new Error(
      `Refusing ${file}: member ${raw} has a '..' path segment, so it would escape the extraction folder`
    )
  }
  return parts.join('/')
}
