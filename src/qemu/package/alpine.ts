// Alpine: `apk fetch` of the qemu-<target> packages, and the interpreters from each .apk's data
// segment (apkDataSegment reads the APK v2 layout, which a plain tar reader does not).

import { createReadStream, createWriteStream } from 'node:fs'
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createInflateRaw } from 'node:zlib'
import { extractInterpreters } from '../archive/extract.js'
import { target } from '../../platform/targets.js'
import {
  isPackageFile,
  unpackByTarget,
  unpackFile,
  type Context,
  type Unpacked
} from './package-files.js'

/** Alpine's per-target package installs /usr/bin/qemu-<target>. */
export function alpinePackage(targetName: string): string {
  return `qemu-${target(targetName).interpreter}`
}

/**
 * Alpine's qemu-<target> interpreters may be linked dynamically against musl, depending on how
 * the release built them. checkInterpreter then refuses them with its own clear message, which
 * is right: a dynamic interpreter fails in any container or chroot without Alpine's musl loader.
 */
export async function fromAlpine(context: Context): Promise<Unpacked[]> {
  return unpackByTarget(context, {
    folder: 'apks',
    packageOf: alpinePackage,
    command: (dir, names) => ({ argv: ['apk', 'fetch', '--output', dir, ...names] }),
    failure: (message, names) =>
      `apk fetch ${names.join(' ')} failed (${message}); run apk update first, with the ` +
      `community repository (which holds the qemu-<target> packages) enabled`,
    unpack: async (name, wanted, dir, files) => {
      // qemu-aarch64-9.1.2-r0.apk: version 9.1.2-r0 (not qemu-aarch64_be-...)
      const apk = files.find(f => isPackageFile(f, name, '.apk'))
      if (!apk) throw new Error(`apk fetch ${name} left no ${name}-<version>.apk file`)
      const full = apk.slice(name.length + 1, -'.apk'.length)
      return unpackFile(context, dir, apk, full, async out => {
        const data = join(dir, `${name}.data.tar.gz`)
        await apkDataSegment(join(dir, apk), data)
        const extracted = await extractInterpreters(data, 'tar.gz', wanted, out, context.log)
        await rm(data, { force: true })
        return extracted
      })
    }
  })
}

/**
 * An .apk (v2) is gzip streams one after the other: the signature tar, the control tar
 * (.PKGINFO) and the data tar, which comes last. Alpine cuts the end-of-archive blocks from the
 * first two so the whole reads as one tar, but a package written with plain tar keeps them, and
 * many tar readers stop at the first. Only the data is wanted, and the signature and control
 * members must not be taken for it: copy just the last gzip stream to `dest`.
 */
export async function apkDataSegment(file: string, dest: string): Promise<void> {
  const handle = await open(file, 'r')
  let last: { start: number; end: number } | undefined
  try {
    const { size } = await handle.stat()
    for (let at = 0; at < size;) {
      const head = Buffer.alloc(Math.min(size - at, 64 * 1024))
      await handle.read(head, 0, head.length, at)
      if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
        if (last) break // padding after the last stream
        throw new Error(
          `${file} is not an Alpine package this tool reads (APK v2: gzip streams of tar); ` +
            `APK v3 packages are not supported: use source: download or system`
        )
      }
      const body = at + gzipHeaderLength(file, head)
      // Inflate the deflate data just to learn where it ends; the 8-byte CRC and size follow.
      const inflate = createInflateRaw()
      const discard = new Writable({ write: (_chunk, _encoding, done) => done() })
      await pipeline(createReadStream(file, { start: body }), inflate, discard).catch(
        (e: Error) => {
          throw new Error(`${file} has a corrupt gzip stream at byte ${at}: ${e.message}`)
        }
      )
      const end = body + inflate.bytesWritten + 8
      if (end > size) throw new Error(`${file} is truncated: its last gzip stream stops early`)
      last = { start: at, end }
      at = end
    }
  } finally {
    await handle.close()
  }
  if (!last) throw new Error(`${file} is empty`)
  await pipeline(
    createReadStream(file, { start: last.start, end: last.end - 1 }),
    createWriteStream(dest)
  )
}

/** RFC 1952: 10 fixed bytes, then the optional extra field, name, comment and header CRC. */
function gzipHeaderLength(file: string, head: Buffer): number {
  const bad = () => new Error(`${file} has a gzip header this tool does not read`)
  if (head.length < 10 || head[2] !== 8) throw bad()
  const flags = head[3]
  let at = 10
  if (flags & 0x04) {
    if (at + 2 > head.length) throw bad()
    at += 2 + head.readUInt16LE(at)
  }
  for (const flag of [0x08, 0x10]) {
    if (!(flags & flag)) continue
    const zero = head.indexOf(0, at)
    if (zero < 0) throw bad()
    at = zero + 1
  }
  if (flags & 0x02) at += 2
  if (at > head.length) throw bad()
  return at
}
