// Fetch one pinned file: try each URL in order, retry transient failures with backoff, and
// verify SHA-256 before anyone uses the bytes. A mismatch deletes the file.

import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import type { Log } from '../util/log.js'
import { sha256File } from '../util/hash.js'

export interface DownloadOptions {
  /** Attempts per URL for transient failures (connection errors, 5xx, 429). */
  readonly attempts?: number
  /** First backoff; it doubles after each failed attempt. */
  readonly backoffMs?: number
  /** Log progress for downloads larger than this. */
  readonly progressBytes?: number
  readonly log?: Log
}

export interface Downloaded {
  readonly url: string
  readonly bytes: number
}

/** A failure worth retrying at the same URL. */
class Transient extends Error {}

export async function downloadVerified(
  urls: readonly string[],
  sha256: string,
  dest: string,
  options: DownloadOptions = {}
): Promise<Downloaded> {
  const { attempts = 3, backoffMs = 1000, log } = options
  const failures: string[] = []
  for (const url of urls) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const bytes = await fetchTo(url, dest, options)
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

async function fetchTo(url: string, dest: string, options: DownloadOptions): Promise<number> {
  if (url.startsWith('file:')) {
    const path = fileURLToPath(url)
    let bytes = 0
    await pipeline(
      createReadStream(path),
      count(n => (bytes += n)),
      createWriteStream(dest)
    ).catch((e: Error) => {
      throw new Error(`Cannot read ${path}: ${e.message}`)
    })
    return bytes
  }
  if (!/^https?:/.test(url))
    throw new Error(`Unsupported URL ${url}: use https, http or a local path`)
  let response: Response
  try {
    response = await fetch(url, { redirect: 'follow' })
  } catch (e) {
    throw new Transient(`${url}: ${causeOf(e)}`)
  }
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    throw new Transient(`${url}: HTTP ${response.status}`)
  }
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`)
  const total = Number(response.headers.get('content-length') ?? 0)
  let bytes = 0
  const progress = progressLogger(url, total, options)
  try {
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      count(n => progress((bytes += n))),
      createWriteStream(dest)
    )
  } catch (e) {
    throw new Transient(`${url}: connection lost after ${bytes} bytes (${causeOf(e)})`)
  }
  if (total > 0 && bytes !== total) throw new Transient(`${url}: got ${bytes} of ${total} bytes`)
  return bytes
}

function causeOf(e: unknown): string {
  const err = e as Error & { cause?: Error & { code?: string } }
  return err.cause?.code ?? err.cause?.message ?? err.message
}

function count(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length)
      done(null, chunk)
    }
  })
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
