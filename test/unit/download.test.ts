// Downloads and URLs against a real HTTP(S) server on 127.0.0.1 that misbehaves on purpose:
// endless and gzip-bombed bodies, drips and stalls, and URLs or redirects that lead to local
// files or downgrade https. Each must fail fast with an error naming the URL, leave no file,
// and read no more than the manifest declares.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { acquire } from '../../src/qemu/acquire.js'
import { downloadVerified, type PinnedFile } from '../../src/qemu/download.js'
import { checkUrl, fileUrls, type ManifestFile } from '../../src/qemu/manifest.js'
import { sha256 } from '../../src/util/hash.js'
import { memoryLog } from '../../src/util/log.js'
import { buildMirror, entry, writeManifest, type MirrorFile } from '../helpers/mirror.js'
import { MirrorServer } from '../helpers/server.js'

let dir: string
let mirrorDir: string
let file: MirrorFile
let server: MirrorServer
let tls: MirrorServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'download-'))
  mirrorDir = mkdtempSync(join(tmpdir(), 'mirror-'))
  file = (await buildMirror(mirrorDir)).aarch64
  server = await MirrorServer.start(mirrorDir)
  tls = await MirrorServer.startTls(mirrorDir)
})
afterAll(async () => {
  await server?.stop()
  await tls?.stop()
  rmSync(dir, { recursive: true, force: true })
  rmSync(mirrorDir, { recursive: true, force: true })
})

const path = () => `/files/${file.filename}`
const pinned = (change: Partial<PinnedFile> = {}): PinnedFile => ({
  urls: [`${server.url}${path()}`],
  sha256: file.sha256,
  size: file.size,
  trust: 'local',
  ...change
})
const quick = { attempts: 1, idleTimeoutMs: 500, deadlineMs: 1500 }

describe('bounded downloads', () => {
  test('an endless body stops at the declared size', async () => {
    server.fail(path(), { endless: true })
    const dest = join(dir, 'endless')
    await expect(downloadVerified(pinned(), dest, quick)).rejects.toThrow(
      `${server.url}${path()}: sent more than the ${file.size} bytes the manifest declares for it; the rest was not read`
    )
    expect(existsSync(dest)).toBe(false)
  })

  test('a gzip bomb is not inflated: the stored bytes are what came, within the size', async () => {
    const bomb = gzipSync(Buffer.alloc(64 << 20)) // 64 MiB of zeros in 64 KB
    server.fail(path(), { gzip: true, body: bomb })
    const dest = join(dir, 'bomb')
    const pin = pinned({ size: bomb.length, sha256: sha256(Buffer.alloc(64 << 20)) })
    await expect(downloadVerified(pin, dest, quick)).rejects.toThrow(
      `SHA-256 mismatch for ${server.url}${path()}: expected ${pin.sha256}, got ${sha256(bomb)} (file deleted)`
    )
    expect(server.headers.at(-1)?.['accept-encoding']).toBe('identity')
    expect(existsSync(dest)).toBe(false)
  })

  test('a bomb larger than the declared size is refused before reading', async () => {
    const bomb = gzipSync(Buffer.alloc(64 << 20))
    server.fail(path(), { gzip: true, body: bomb })
    await expect(
      downloadVerified(pinned({ size: 4096 }), join(dir, 'bomb2'), quick)
    ).rejects.toThrow(
      `the server announces ${bomb.length} bytes, more than the 4096 bytes the manifest declares`
    )
  })

  test('a file sent with Content-Encoding: gzip by a misconfigured server is kept as stored', async () => {
    server.fail(path(), { gzip: true, body: readFileSync(join(mirrorDir, 'files', file.filename)) })
    const dest = join(dir, 'as-stored')
    await expect(downloadVerified(pinned(), dest, quick)).resolves.toEqual({
      url: `${server.url}${path()}`,
      bytes: file.size
    })
    expect(statSync(dest).size).toBe(file.size)
  })

  test('a drip of one byte every 100 ms meets the deadline', async () => {
    server.fail(path(), { drip: 100 })
    const started = Date.now()
    await expect(downloadVerified(pinned(), join(dir, 'drip'), quick)).rejects.toThrow(
      `${server.url}${path()}: not complete after the 1.5 s deadline`
    )
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('a stalled connection meets the idle timeout, which is retried', async () => {
    server.fail(path(), { stall: 1000 }, { stall: 1000 })
    const log = memoryLog()
    await expect(
      downloadVerified(pinned(), join(dir, 'stall'), { ...quick, attempts: 2, backoffMs: 1, log })
    ).rejects.toThrow(`${server.url}${path()}: no data for 0.5 s (idle timeout)`)
    expect(log.lines.join('\n')).toMatch(/idle timeout\); retrying in 1 ms \(attempt 2 of 2\)/)
    expect(server.count(path())).toBeGreaterThanOrEqual(2)
  })

  test('a local file that is a device is not read', async () => {
    await expect(
      downloadVerified(
        pinned({ urls: ['file:///dev/zero'], trust: 'local' }),
        join(dir, 'z'),
        quick
      )
    ).rejects.toThrow('Cannot read /dev/zero: it is not a regular file')
  })
})

describe('one URL rule', () => {
  const remoteFile = (download_url: string): ManifestFile =>
    entry(file, ['aarch64'], { download_url })
  const LOCAL_ONLY = /uses file, but only a local manifest may name local files/
  const HTTPS_ONLY = /uses http, but the manifest came over plain http/

  test.each([
    ['file:///dev/zero', 'https', LOCAL_ONLY],
    ['FILE:///etc/shadow', 'http', LOCAL_ONLY],
    ['FILE:///etc/shadow', 'https', LOCAL_ONLY],
    ['http://mirror.example/x', 'http', HTTPS_ONLY],
    ['HTTP://mirror.example/x', 'http', HTTPS_ONLY],
    ['ftp://mirror.example/x', 'local', /uses ftp, but only https, http and file URLs are read/],
    ['data:,hello', 'https', /uses data, but only https, http and file URLs/]
  ] as const)('%s from a %s manifest is refused', (url, trust, message) => {
    expect(() => fileUrls(remoteFile(url), 'https://m.example/manifest.json', trust)).toThrow(
      message
    )
  })

  test.each([
    ['HTTPS://Mirror.Example/x', 'http', 'https://mirror.example/x'],
    ['http://mirror.example/x', 'https', 'http://mirror.example/x'],
    ['HTTP://Mirror.Example/x', 'https', 'http://mirror.example/x'],
    ['http://mirror.example/x', 'local', 'http://mirror.example/x'],
    ['FILE:///srv/m/x', 'local', 'file:///srv/m/x']
  ] as const)('%s from a %s manifest is allowed, whatever the scheme case', (url, trust, href) => {
    expect(fileUrls(remoteFile(url), 'https://m.example/manifest.json', trust)).toEqual([href])
  })

  test('a manifest URL is https or http, whatever the case, and never a local file', () => {
    expect(checkUrl('HTTP://M.Example/m.json', { of: 'manifest' }, 'x')).toBe(
      'http://m.example/m.json'
    )
    expect(() => checkUrl('FILE:///srv/m.json', { of: 'manifest' }, 'manifest')).toThrow(
      `manifest 'FILE:///srv/m.json' uses file, but a manifest URL is fetched over the network: give a local manifest as a path`
    )
  })

  const download = (manifest: string, cache: string) => {
    process.env.RUNNER_TOOL_CACHE = join(dir, cache)
    process.env.RUNNER_TEMP = dir
    const log = memoryLog()
    const request = { source: 'download' as const, targets: ['aarch64'], manifest, download: quick }
    return { log, got: acquire(request, log) }
  }

  test('a plain-http manifest naming an http file is refused before any download', async () => {
    writeManifest(mirrorDir, 'plain.json', [
      { version: '7.2.0', stable: true, files: [entry(file, ['aarch64'])] }
    ])
    const before = server.count(path())
    const { got, log } = download(`${server.url}/plain.json`, 'cache-plain')
    await expect(got).rejects.toThrow(
      `The URL of ${file.filename} '${server.url}${path()}' uses http, but the manifest came over ` +
        `plain http, so anyone on the path could have rewritten its SHA-256 pins and only https ` +
        `vouches for the file: use an https URL, or serve the manifest over https or as a local file`
    )
    expect(log.lines).toContain(
      `warning: manifest over plain http (${server.url}/plain.json): anyone on the path can ` +
        `change its SHA-256 pins, so its files must be https; serve it over https`
    )
    expect(server.count(path())).toBe(before)
  })

  test('a plain-http manifest naming an https file downloads it', async () => {
    writeManifest(mirrorDir, 'plain-https.json', [
      { version: '7.2.0', stable: true, files: [remoteFile(`${tls.url}${path()}`)] }
    ])
    const { got } = download(`${server.url}/plain-https.json`, 'cache-plain-https')
    await expect(got).resolves.toMatchObject({ downloadedBytes: file.size })
  })

  test('an https manifest naming an http file downloads it, digest checked', async () => {
    writeManifest(mirrorDir, 'http-file.json', [
      { version: '7.2.0', stable: true, files: [remoteFile(`${server.url}${path()}`)] }
    ])
    const { got } = download(`${tls.url}/http-file.json`, 'cache-http-file')
    await expect(got).resolves.toMatchObject({
      files: [{ file: `${server.url}${path()}`, targets: ['aarch64'] }],
      downloadedBytes: file.size
    })
    const wrong = '0'.repeat(64)
    writeManifest(mirrorDir, 'http-file-bad.json', [
      {
        version: '7.2.0',
        stable: true,
        files: [remoteFile(`${server.url}${path()}`)].map(f => ({ ...f, sha256: wrong }))
      }
    ])
    await expect(download(`${tls.url}/http-file-bad.json`, 'cache-http-bad').got).rejects.toThrow(
      `SHA-256 mismatch for ${server.url}${path()}: expected ${wrong}, got ${file.sha256} (file deleted)`
    )
  })

  test.each(['file:///dev/zero', 'FILE:///dev/zero'])(
    'an https manifest naming %s is refused before any read',
    async url => {
      writeManifest(mirrorDir, 'zero.json', [
        { version: '7.2.0', stable: true, files: [remoteFile(url)] }
      ])
      await expect(download(`${tls.url}/zero.json`, 'cache-zero').got).rejects.toThrow(
        `The URL of ${file.filename} '${url.toLowerCase()}' uses file, but only a local manifest ` +
          `may name local files (a remote one could read any file here): use an https URL, or a local manifest`
      )
    }
  )

  test.each([
    ['an https', () => tls],
    ['a plain-http', () => server]
  ])('%s manifest fetch redirected to http is refused', async (_, from) => {
    writeManifest(mirrorDir, 'moved.json', [
      { version: '7.2.0', stable: true, files: [entry(file, ['aarch64'])] }
    ])
    from().fail('/moved.json', { redirect: `${server.url}/moved.json` })
    await expect(download(`${from().url}/moved.json`, 'cache-moved').got).rejects.toThrow(
      `Cannot fetch the manifest ${from().url}/moved.json: the redirect to '${server.url}/moved.json' ` +
        `uses http, but a manifest is not pinned, so a redirect to plain http would let anyone on ` +
        `the path rewrite its SHA-256 pins: redirect to https, or name the http URL itself as manifest (warned)`
    )
  })

  test('a plain-http manifest redirected to https is still plain http: its files must be https', async () => {
    writeManifest(mirrorDir, 'up.json', [
      { version: '7.2.0', stable: true, files: [remoteFile(`${server.url}${path()}`)] }
    ])
    server.fail('/up.json', { redirect: `${tls.url}/up.json` })
    await expect(download(`${server.url}/up.json`, 'cache-up').got).rejects.toThrow(HTTPS_ONLY)
  })

  test('a file redirect goes by the trust of its manifest, and never to a local file', async () => {
    const urls = [`${tls.url}${path()}`]
    // https manifest: a redirect to http is as good as its pin.
    tls.fail(path(), { redirect: `${server.url}${path()}` })
    await expect(
      downloadVerified(pinned({ urls, trust: 'https' }), join(dir, 'r0'), quick)
    ).resolves.toEqual({ url: urls[0], bytes: file.size })
    // Plain-http manifest: https only.
    tls.fail(path(), { redirect: `${server.url.toUpperCase()}${path()}` })
    await expect(
      downloadVerified(pinned({ urls, trust: 'http' }), join(dir, 'r1'), quick)
    ).rejects.toThrow(
      `${tls.url}${path()}: the redirect to '${server.url}${path()}' uses http, but the manifest came over plain http`
    )
    // Even a local manifest's file is never redirected to a local file.
    server.fail(path(), { redirect: 'FILE:///etc/passwd' })
    await expect(downloadVerified(pinned(), join(dir, 'r2'), quick)).rejects.toThrow(
      `${server.url}${path()}: the redirect to 'file:///etc/passwd' uses file, but a redirect never leads to a local file: redirect to an https URL`
    )
    expect(existsSync(join(dir, 'r2'))).toBe(false)
  })
})
