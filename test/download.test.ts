// Downloads and URLs against a real HTTP(S) server on 127.0.0.1 that misbehaves on purpose:
// endless and gzip-bombed bodies, drips and stalls, and URLs or redirects that lead to local
// files or downgrade https. Each must fail fast with an error naming the URL, leave no file,
// and read no more than the manifest declares.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { globalAgent } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { acquire } from '../src/qemu/acquire.js'
import { downloadVerified, type PinnedFile } from '../src/qemu/download.js'
import { checkUrl, fileUrls, type ManifestFile } from '../src/qemu/manifest.js'
import { run } from '../src/util/exec.js'
import { sha256 } from '../src/util/hash.js'
import { memoryLog } from '../src/util/log.js'
import { buildMirror, entry, writeManifest, type MirrorFile } from './helpers/mirror.js'
import { MirrorServer } from './helpers/server.js'

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
  // A certificate for 127.0.0.1 that this process alone trusts.
  await run([
    'openssl',
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem')
  ])
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8')
  globalAgent.options.ca = cert
  tls = await MirrorServer.start(mirrorDir, {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert
  })
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
  trust: 'http',
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

  test.each([
    [
      'file:///dev/zero',
      'https',
      /uses file, but a manifest fetched over https may only point at https URLs/
    ],
    [
      'FILE:///etc/shadow',
      'http',
      /uses file, but only https and http are fetched for a remote manifest/
    ],
    [
      'http://mirror.example/x',
      'https',
      /uses http, but a manifest fetched over https may only point/
    ],
    ['HTTP://mirror.example/x', 'https', /uses http, but a manifest fetched over https/],
    ['ftp://mirror.example/x', 'local', /uses ftp, but only https, http and local files are read/],
    ['data:,hello', 'http', /uses data, but only https and http/]
  ] as const)('%s from a %s manifest is refused', (url, trust, message) => {
    expect(() => fileUrls(remoteFile(url), 'https://m.example/manifest.json', trust)).toThrow(
      message
    )
  })

  test('scheme case does not change the verdict', () => {
    expect(checkUrl('HTTPS://Mirror.Example/x', 'https', 'x')).toBe('https://mirror.example/x')
    expect(checkUrl('file:///srv/m/x', 'local', 'x')).toBe('file:///srv/m/x')
  })

  test('a remote manifest pointing at file:///dev/zero is refused before any read', async () => {
    writeManifest(mirrorDir, 'zero.json', [
      { version: '7.2.0', stable: true, files: [remoteFile('file:///dev/zero')] }
    ])
    const request = {
      source: 'download' as const,
      targets: ['aarch64'],
      manifest: `${server.url}/zero.json`,
      download: quick
    }
    process.env.RUNNER_TOOL_CACHE = join(dir, 'cache-zero')
    await expect(acquire(request, memoryLog())).rejects.toThrow(
      `The URL of ${file.filename} 'file:///dev/zero' uses file, but only https and http are fetched`
    )
  })

  test('an https manifest may not point at plain http', async () => {
    writeManifest(mirrorDir, 'downgrade.json', [
      { version: '7.2.0', stable: true, files: [remoteFile(`${server.url}${path()}`)] }
    ])
    process.env.RUNNER_TOOL_CACHE = join(dir, 'cache-https')
    await expect(
      acquire(
        { source: 'download', targets: ['aarch64'], manifest: `${tls.url}/downgrade.json` },
        memoryLog()
      )
    ).rejects.toThrow(/uses http, but a manifest fetched over https may only point at https URLs/)
  })

  test('an https manifest redirected to http is warned about like a plain-http one', async () => {
    writeManifest(mirrorDir, 'moved.json', [
      { version: '7.2.0', stable: true, files: [entry(file, ['aarch64'])] }
    ])
    tls.fail('/moved.json', { redirect: `${server.url}/moved.json` })
    process.env.RUNNER_TOOL_CACHE = join(dir, 'cache-moved')
    process.env.RUNNER_TEMP = dir
    const log = memoryLog()
    const got = await acquire(
      { source: 'download', targets: ['aarch64'], manifest: `${tls.url}/moved.json` },
      log
    )
    expect(log.lines).toContain(
      `warning: manifest over plain http (${tls.url}/moved.json redirects to ${server.url}/moved.json): ` +
        `anyone on the path can change its SHA-256 pins; serve it over https`
    )
    // Relative URLs resolve against where the manifest was found.
    expect(server.requests).toContain(path())
    expect(got.downloadedBytes).toBe(file.size)
  })

  test('a file of an https manifest redirected to http, or to a local file, is refused', async () => {
    const urls = [`${tls.url}${path()}`]
    tls.fail(path(), { redirect: `${server.url}${path()}` })
    await expect(
      downloadVerified(pinned({ urls, trust: 'https' }), join(dir, 'r1'), quick)
    ).rejects.toThrow(
      `The redirect from ${tls.url}${path()} to '${server.url}${path()}' uses http, but a manifest fetched over https may only point at https URLs`
    )
    server.fail(path(), { redirect: 'file:///etc/passwd' })
    await expect(downloadVerified(pinned(), join(dir, 'r2'), quick)).rejects.toThrow(
      /to 'file:\/\/\/etc\/passwd' uses file, but only https and http are fetched/
    )
    expect(existsSync(join(dir, 'r2'))).toBe(false)
  })
})
