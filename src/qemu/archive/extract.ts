// `source: archive`: pull static QEMU interpreters out of a release tarball or a Debian package.
// This file opens the archive (gzip here, xz and zstd by their tools, a .deb's ar wrapper by
// hand: it is a few fixed-size headers) and hands the tar stream to tar.ts, read once, so a
// 500 MB package never lands on disk or in memory. The member rules are in members.ts.

import { createReadStream } from 'node:fs'
import { mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { run } from '../../util/exec.js'
import { copyFileAtomic } from '../../util/files.js'
import type { Log } from '../../util/log.js'
import type { Format } from '../manifest.js'
import { extractMembers, type KeptData, type Scan } from './members.js'
import { scanTar } from './tar.js'
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
function scanArchive(
  file: string,
  format: Exclude<Format, 'bin'>,
  keep: (path: string) => boolean,
  data: KeptData,
  log?: Log
): Promise<Scan> {
  return scanTar(
    file,
    sink => feed(file, format, sink, log),
    e => new Error(`Cannot read ${file} as ${format}: ${e.message}`, { cause: e }),
    keep,
    data
  )
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

/** Run a decompressor (reading `input`, else the file its argv names) that writes the tar stream. */
async function decompress(
  argv: readonly string[],
  sink: Writable,
  log?: Log,
  input?: Readable
): Promise<void> {
  // run() resolves when the process exits; `finished` waits until the sink has taken every byte.
  await Promise.all([run(argv, { input, stdout: sink, log }), finished(sink)])
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
  return decompress(tool, sink, log, range())
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
