// Container images built in memory, as the archive `docker load` reads: the `docker save`
// layout (manifest.json, one config JSON named by its sha256, one layer tar per image). Every
// docker since 1.10 loads it; an OCI layout (index.json) only loads in docker 25 and later.
//
// Deterministic: the same files give the same bytes, so the same layer digest and image id.
// Tar entries have mtime 0, uid and gid 0, no user names; the config's dates are the epoch.

import { sha256 } from '../util/hash.js'
import { posix } from 'node:path'

// ---------------------------------------------------------------------------------------
// Tar (POSIX ustar)

export interface TarEntry {
  /** Path in the archive, relative, '/'-separated; a directory's may end with '/'. */
  readonly path: string
  readonly type: 'file' | 'directory' | 'symlink'
  /** Permission bits (0o7777 at most). */
  readonly mode: number
  readonly content?: Buffer
  /** A symlink's target. */
  readonly target?: string
}

const BLOCK = 512

/** An octal number field: `width - 1` digits and a NUL. */
function octal(value: number, width: number): string {
  const digits = value.toString(8)
  if (digits.length > width - 1) throw new Error(`${value} does not fit a ${width}-byte tar field`)
  return `${digits.padStart(width - 1, '0')}\0`
}

/** Split a path into ustar's name (100 bytes) and prefix (155 bytes), or throw. */
function splitName(path: string): [name: string, prefix: string] {
  if (Buffer.byteLength(path) <= 100) return [path, '']
  // The prefix ends before a '/', which is not stored: search from the end for a split that fits.
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const name = path.slice(i + 1)
    const prefix = path.slice(0, i)
    if (Buffer.byteLength(name) > 100) break
    if (name && Buffer.byteLength(prefix) <= 155) return [name, prefix]
  }
  throw new Error(`Path '${path}' is too long for a ustar header`)
}

function header(entry: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(BLOCK)
  const [name, prefix] = splitName(entry.path)
  const put = (text: string, at: number, width: number) => {
    if (Buffer.byteLength(text) > width) throw new Error(`'${text}' does not fit a tar header`)
    h.write(text, at, width, 'utf8')
  }
  put(name, 0, 100)
  put(octal(entry.mode & 0o7777, 8), 100, 8)
  put(octal(0, 8), 108, 8) // uid
  put(octal(0, 8), 116, 8) // gid
  put(octal(size, 12), 124, 12)
  put(octal(0, 12), 136, 12) // mtime
  put({ file: '0', symlink: '2', directory: '5' }[entry.type], 156, 1)
  if (entry.type === 'symlink') put(entry.target ?? '', 157, 100)
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  put(octal(0, 8), 329, 8) // devmajor
  put(octal(0, 8), 337, 8) // devminor
  put(prefix, 345, 155)
  // The checksum is the byte sum of the header with the checksum field read as spaces.
  h.fill(' ', 148, 156)
  const sum = h.reduce((a, b) => a + b, 0)
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8)
  return h
}

/** A tar archive of `entries`, in the order given, ending with two zero blocks. */
export function tar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = []
  for (const entry of entries) {
    const content = entry.type === 'file' ? (entry.content ?? Buffer.alloc(0)) : Buffer.alloc(0)
    parts.push(header(entry, content.length), content)
    const pad = (BLOCK - (content.length % BLOCK)) % BLOCK
    if (pad) parts.push(Buffer.alloc(pad))
  }
  parts.push(Buffer.alloc(2 * BLOCK))
  return Buffer.concat(parts)
}

// ---------------------------------------------------------------------------------------
// Images

/** One file of an image: a regular file (content), a symlink (symlink) or a directory. */
export interface ImageFile {
  /** Absolute path in the image, like '/probe' or '/bin/busybox'. */
  readonly path: string
  /** Permission bits; default 0o755 for directories, 0o644 for files. */
  readonly mode?: number
  readonly content?: Buffer | string
  /** Make this path a symlink to the given target instead of a file. */
  readonly symlink?: string
  readonly directory?: boolean
}

export interface ImageSpec {
  /** The RepoTags entry, like 'setup-binfmt-probe:aarch64'. */
  readonly tag: string
  /** OCI platform, like 'linux/arm64', 'linux/arm/v7' or 'linux/riscv64'. */
  readonly platform: string
  readonly files: readonly ImageFile[]
  readonly entrypoint?: readonly string[]
  readonly cmd?: readonly string[]
  /** Environment, 'NAME=value' strings; default a standard PATH. */
  readonly env?: readonly string[]
}

export interface ImagePlatform {
  readonly os: string
  readonly architecture: string
  readonly variant?: string
}

/** What docker's loader stores for one image. */
export interface BuiltImage {
  readonly tag: string
  readonly platform: ImagePlatform
  /** The image id: 'sha256:' and the config's digest, as `docker images --no-trunc` shows. */
  readonly id: string
  readonly config: Buffer
  readonly layer: Buffer
  /** 'sha256:' and the layer tar's digest. */
  readonly diffId: string
}

const EPOCH = '1970-01-01T00:00:00Z'
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/**
 * An OCI platform string as image configs spell it. Variants are filled in as docker and
 * buildx write them: arm64 is v8, arm without a variant is v7.
 */
export function imagePlatform(platform: string): ImagePlatform {
  const parts = platform.split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some(p => !/^[a-z0-9_.-]+$/i.test(p))) {
    throw new Error(`'${platform}' is not an OCI platform like linux/arm64 or linux/arm/v7`)
  }
  const [os, architecture, given] = parts
  const variant = given ?? (architecture === 'arm64' ? 'v8' : architecture === 'arm' ? 'v7' : '')
  return variant ? { os, architecture, variant } : { os, architecture }
}

/** The image's files as a layer tar: parents made as directories, sorted by path. */
export function layerTar(files: readonly ImageFile[]): Buffer {
  const entries = new Map<string, TarEntry>()
  const addDirectory = (path: string, mode = 0o755) => {
    if (!entries.has(path)) entries.set(path, { path: `${path}/`, type: 'directory', mode })
  }
  for (const file of files) {
    const path = relativePath(file.path)
    if (entries.has(path) && entries.get(path)?.type !== 'directory') {
      throw new Error(`'${file.path}' is given twice`)
    }
    const dirs = path.split('/').slice(0, -1)
    dirs.forEach((_, i) => addDirectory(dirs.slice(0, i + 1).join('/')))
    if (file.directory) {
      entries.set(path, { path: `${path}/`, type: 'directory', mode: file.mode ?? 0o755 })
    } else if (file.symlink !== undefined) {
      entries.set(path, { path, type: 'symlink', mode: 0o777, target: file.symlink })
    } else {
      const content =
        typeof file.content === 'string'
          ? Buffer.from(file.content)
          : (file.content ?? Buffer.alloc(0))
      entries.set(path, { path, type: 'file', mode: file.mode ?? 0o644, content })
    }
  }
  // Sorted, so the input order does not change the bytes; a parent sorts before its children.
  const sorted = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return tar(sorted.map(k => entries.get(k)!))
}

function relativePath(path: string): string {
  const normal = posix.normalize(`/${path}`).replace(/^\/+/, '').replace(/\/+$/, '')
  if (!normal || normal === '.' || normal.split('/').includes('..') || path.includes('\0')) {
    throw new Error(`'${path}' is not a usable path for a file in an image`)
  }
  return normal
}

/** Build one image: its layer, its config, and the id docker will give it. */
export function buildImage(spec: ImageSpec): BuiltImage {
  const platform = imagePlatform(spec.platform)
  const layer = layerTar(spec.files)
  const diffId = `sha256:${sha256(layer)}`
  const config = Buffer.from(
    JSON.stringify({
      architecture: platform.architecture,
      ...(platform.variant ? { variant: platform.variant } : {}),
      os: platform.os,
      created: EPOCH,
      config: {
        Env: [...(spec.env ?? [DEFAULT_PATH])],
        Entrypoint: spec.entrypoint ? [...spec.entrypoint] : null,
        Cmd: spec.cmd ? [...spec.cmd] : null,
        WorkingDir: '/'
      },
      rootfs: { type: 'layers', diff_ids: [diffId] },
      history: [{ created: EPOCH, created_by: 'setup-binfmt (src/oci.ts)' }]
    })
  )
  return { tag: spec.tag, platform, id: `sha256:${sha256(config)}`, config, layer, diffId }
}

export interface ImageArchive {
  /** The tar to give `docker load` (as -i file or on standard input). */
  readonly archive: Buffer
  readonly images: readonly BuiltImage[]
}

/**
 * A `docker save`-style archive holding every image in `specs`: one `docker load` loads all
 * of them. Layers with the same digest are stored once.
 */
export function imageArchive(specs: readonly ImageSpec[]): ImageArchive {
  const images = specs.map(buildImage)
  const entries: TarEntry[] = []
  const seen = new Set<string>()
  for (const image of images) {
    const hex = image.diffId.slice('sha256:'.length)
    if (seen.has(hex)) continue
    seen.add(hex)
    entries.push(
      { path: `${hex}/`, type: 'directory', mode: 0o755 },
      { path: `${hex}/layer.tar`, type: 'file', mode: 0o644, content: image.layer }
    )
  }
  for (const image of images) {
    const name = `${image.id.slice('sha256:'.length)}.json`
    if (seen.has(name)) continue
    seen.add(name)
    entries.push({ path: name, type: 'file', mode: 0o644, content: image.config })
  }
  const manifest = images.map(image => ({
    Config: `${image.id.slice('sha256:'.length)}.json`,
    RepoTags: [image.tag],
    Layers: [`${image.diffId.slice('sha256:'.length)}/layer.tar`]
  }))
  entries.push({
    path: 'manifest.json',
    type: 'file',
    mode: 0o644,
    content: Buffer.from(JSON.stringify(manifest))
  })
  return { archive: tar(entries), images }
}
