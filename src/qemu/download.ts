// Fetch one pinned file: try each URL in order, retry transient failures with backoff, and
// verify SHA-256 before anyone uses the bytes. A mismatch deletes the file.
//
// Bounded in every way a server could abuse: never more bytes than the manifest declares (and
// no content decoding, so a gzip-encoded body cannot inflate past them), an idle timeout and a
// deadline per attempt, and redirects checked by the same URL rule as the manifest (checkUrl).
// node:http rather than fetch(): fetch always decodes Content-Encoding, whatever was asked.

import { createReadStream, createWriteStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { get as httpGet, type IncomingMessage } from 'node:http'
import { get as httpsGet } from 'node:https'
import { Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import type { Log } from '../util/log.js'
import { sha256File } from '../util/hash.js'
import { checkUrl, trustOf, type ManifestTrust, type UrlUse } from './manifest.js'

export interface DownloadOptions {
  /** Attempts per URL for transient failures (connection errors, 5xx, 429, idle timeouts). */
  readonly attempts?: number
  /** First backoff; it doubles after each failed attempt. */
  readonly backoffMs?: number
  /** Log progress for downloads larger than this. */
  readonly progressBytes?: number
  /** Give up on a connection that sends nothing for this long (default 30 s). */
  readonly idleTimeoutMs?: number
  /** Give up on one attempt that has not finished after this long (default 10 min). */
  readonly deadlineMs?: number
  readonly log?: Log
}

/** A file as the manifest pins it. */
export interface PinnedFile {
  readonly urls: readonly string[]
  readonly sha256: string
  /** The declared size in bytes: never read more. */
  readonly size?: number
  /** The trust of the manifest that lists it, which decides where redirects may lead. */
  readonly trust: ManifestTrust
}

export interface Downloaded {
  readonly url: string
  readonly bytes: number
}

/** Without a declared size, the most a pinned file may be (the largest QEMU package is 71 MB). */
export const MAX_UNDECLARED_BYTES = 1 << 30
/** A manifest is a few kilobytes; the built-in one with every target is under 100 KB. */
export const MAX_MANIFEST_BYTES = 16 << 20
const MAX_REDIRECTS = 10

/** A failure worth retrying at the same URL. */
class Transient extends Error {}

export async function downloadVerified(
  file: PinnedFile,
  dest: string,
  options: DownloadOptions = {}
): Promise<Downloaded> {
  const { attempts = 3, backoffMs = 1000, log } = options
  const { urls, sha256 } = file
  const limit = file.size ?? MAX_UNDECLARED_BYTES
  const failures: string[] = []
  for (const url of urls) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const bytes = await fetchTo(url, dest, limit, file, options)
        const actual = await sha256File(dest)
        if (actual !== sha256.toLowerCase()) {
          await rm(dest, { force: true })
          throw new Error(
            `SHA-256 mismatch for ${url}: expected ${sha256.toLowerCase()}, got ${actual} (file deleted)`
          )
        }
        log?.debug(`${url}: ${bytes} bytes, SHA-256 ${actual} as pinned`)
        return { url, bytes }
      } catch (e) {
        await rm(dest, { force: true })
        const message = (e as Error).message
        if (e instanceof Transient && attempt < attempts) {
          const wait = backoffMs * 2 ** (attempt - 1)
          log?.info(`${message}; retrying in ${wait} ms (attempt ${attempt + 1} of ${attempts})`)
          await new Promise(resolve => setTimeout(resolve, wait))
          continue
        }
        log?.info(`${message}${urls.length > 1 ? '; trying the next URL' : ''}`)
        failures.push(message)
        break
      }
    }
  }
  throw new Error(
    `Could not download ${urls.length === 1 ? urls[0] : `from any of ${urls.length} URLs`}: ${failures.join('; ')}`
  )
}

async function fetchTo(
  url: string,
  dest: string,
  limit: number,
  file: PinnedFile,
  options: DownloadOptions
): Promise<number> {
  let bytes = 0
  if (new URL(url).protocol === 'file:') {
    const path = fileURLToPath(url)
    // A device such as /dev/zero never ends: read regular files only.
    const info = await stat(path).catch((e: Error) => {
      throw new Error(`Cannot read ${path}: ${e.message}`)
    })
    if (!info.isFile()) throw new Error(`Cannot read ${path}: it is not a regular file`)
    await pipeline(
      createReadStream(path),
      bounded(url, limit, n => (bytes += n), limitWhat(file)),
      createWriteStream(dest)
    ).catch((e: Error) => {
      throw new Error(`Cannot read ${path}: ${e.message}`)
    })
    return bytes
  }
  const redirects: UrlUse = { of: 'file', trust: file.trust, redirect: true }
  const { response, finalUrl, deadline } = await request(url, redirects, options)
  try {
    const total = Number(response.headers['content-length'] ?? 0)
    if (total > limit) {
      throw new Error(
        `${finalUrl}: the server announces ${total} bytes, more than the ${limit} ${limitWhat(file)}`
      )
    }
    const progress = progressLogger(url, total, options)
    await pipeline(
      response,
      bounded(finalUrl, limit, n => progress((bytes += n)), limitWhat(file)),
      createWriteStream(dest)
    ).catch((e: Error) => {
      if (e instanceof Oversize) throw e
      throw (
        deadline.error() ??
        new Transient(`${finalUrl}: connection lost after ${bytes} bytes (${causeOf(e)})`)
      )
    })
    if (total > 0 && bytes !== total) {
      throw new Transient(`${finalUrl}: got ${bytes} of ${total} bytes`)
    }
    return bytes
  } finally {
    deadline.clear()
    response.destroy()
  }
}

const limitWhat = (file: PinnedFile) =>
  file.size === undefined
    ? 'bytes a file without a declared size may have (add size to the manifest)'
    : 'bytes the manifest declares for it'

/**
 * The manifest at an http(s) URL, as text, with its trust. Every redirect must be https, so a
 * manifest is plain http, and warned about, only when its own URL is.
 */
export async function fetchManifest(
  location: string,
  options: DownloadOptions = {}
): Promise<{ text: string; url: string; trust: ManifestTrust }> {
  const url = checkUrl(location, { of: 'manifest' }, 'The manifest URL')
  const redirects: UrlUse = { of: 'manifest', redirect: true }
  const { response, finalUrl, deadline } = await request(url, redirects, options).catch(
    (e: Error) => {
      // The message starts with the URL that failed (the manifest's, or a redirect's).
      throw new Error(`Cannot fetch the manifest ${e.message}`, { cause: e })
    }
  )
  const chunks: Buffer[] = []
  try {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done()
      }
    })
    await pipeline(
      response,
      bounded(finalUrl, MAX_MANIFEST_BYTES, () => {}, 'bytes a manifest may have'),
      sink
    ).catch((e: Error) => {
      const err = e instanceof Oversize ? e : (deadline.error() ?? e)
      throw new Error(`Cannot fetch the manifest ${location}: ${err.message}`, { cause: err })
    })
  } finally {
    deadline.clear()
    response.destroy()
  }
  const trust = trustOf(url)
  if (trust === 'http') {
    options.log?.warning(
      `manifest over plain http (${location}): anyone on the path can change its SHA-256 pins, ` +
        `so its files must be https; serve it over https`
    )
  }
  return { text: Buffer.concat(chunks).toString('utf8'), url: finalUrl, trust }
}

interface Watch {
  /** The idle timeout's or the deadline's error once one has struck, else undefined. */
  error(): Error | undefined
  clear(): void
}

/**
 * GET `url` without content decoding, following redirects that `checkUrl(next, redirects)`
 * accepts. Fails on HTTP errors (5xx, 408 and 429 as transient), and arms an idle timeout
 * (socket inactivity) and a deadline that keep watching while the caller reads the body.
 */
async function request(
  url: string,
  redirects: UrlUse,
  options: DownloadOptions
): Promise<{ response: IncomingMessage; finalUrl: string; deadline: Watch }> {
  const idle = options.idleTimeoutMs ?? 30_000
  const limit = options.deadlineMs ?? 600_000
  const hops = [url]
  let struck: Error | undefined
  let active: { destroy(error?: Error): void } | undefined
  const strike = (error: Error) => {
    struck ??= error
    active?.destroy(struck)
  }
  const timer = setTimeout(
    () =>
      strike(
        new Error(`${hops[hops.length - 1]}: not complete after the ${limit / 1000} s deadline`)
      ),
    limit
  )
  const deadline: Watch = { error: () => struck, clear: () => clearTimeout(timer) }
  try {
    for (;;) {
      const at = hops[hops.length - 1]
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const get = new URL(at).protocol === 'https:' ? httpsGet : httpGet
        const headers = { 'accept-encoding': 'identity', 'user-agent': 'setup-binfmt' }
        const req = get(at, { headers, timeout: idle }, resolve)
        active = req
        req.on('timeout', () =>
          strike(new Transient(`${at}: no data for ${idle / 1000} s (idle timeout)`))
        )
        req.on('error', e => reject(struck ?? new Transient(`${at}: ${causeOf(e)}`)))
      })
      if (struck) throw struck
      active = response
      const status = response.statusCode ?? 0
      const location = response.headers.location
      if (status >= 300 && status < 400 && location) {
        response.resume()
        if (hops.length > MAX_REDIRECTS)
          throw new Error(`${url}: more than ${MAX_REDIRECTS} redirects`)
        hops.push(checkUrl(new URL(location, at).href, redirects, `${at}: the redirect to`))
        continue
      }
      if (status >= 500 || status === 429 || status === 408) {
        response.resume()
        throw new Transient(`${at}: HTTP ${status}`)
      }
      if (status < 200 || status >= 300) {
        response.resume()
        throw new Error(`${at}: HTTP ${status}`)
      }
      return { response, finalUrl: at, deadline }
    }
  } catch (e) {
    deadline.clear()
    active?.destroy()
    throw e
  }
}

/** The body went past its limit. */
class Oversize extends Error {}

/** Pass bytes through, failing as soon as more than `limit` have come. */
function bounded(
  url: string,
  limit: number,
  onBytes: (n: number) => void,
  what = 'bytes allowed'
): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      if (seen > limit) {
        done(new Oversize(`${url}: sent more than the ${limit} ${what}; the rest was not read`))
        return
      }
      onBytes(chunk.length)
      done(null, chunk)
    }
  })
}

function causeOf(e: unknown): string {
  const err = e as Error & { code?: string; cause?: Error & { code?: string } }
  return err.cause?.code ?? err.code ?? err.cause?.message ?? err.message
}

/** Log about every 10% of a large download. */
function progressLogger(
  url: string,
  total: number,
  options: DownloadOptions
): (bytes: number) => void {
  const threshold = options.progressBytes ?? 4 * 1024 * 1024
  if (!options.log || total < threshold) return () => {}
  let next = 0.1
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  return bytes => {
    if (bytes / total < next) return
    options.log?.info(
      `${url}: ${mb(bytes)} of ${mb(total)} MB (${Math.floor((bytes / total) * 100)}%)`
    )
    next = Math.floor((bytes / total) * 10) / 10 + 0.1
  }
}
