// A tool cache that lives for months on a shared runner is checked on every hit: a tampered
// file (a shell script, another QEMU), a symbolic link out of the cache, a file others may
// write are refused with a warning and downloaded again, over real HTTP on 127.0.0.1.
// Versions differing only in build metadata keep separate entries.

import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import * as tc from '@actions/tool-cache'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { acquire } from '../../src/qemu/acquire.js'
import { cachedVersions, cacheKey, findCached, storeCached } from '../../src/qemu/cache.js'
import { sha256File } from '../../src/util/hash.js'
import { memoryLog } from '../../src/util/log.js'
import { qemuStatic } from '../helpers/fixtures.js'
import { buildMirror, entry, writeManifest, type MirrorFile } from '../helpers/mirror.js'
import { MirrorServer } from '../helpers/server.js'

let mirrorDir: string
let file: MirrorFile
let server: MirrorServer
let cache: string
let manifest: string

beforeAll(async () => {
  mirrorDir = mkdtempSync(join(tmpdir(), 'mirror-'))
  file = (await buildMirror(mirrorDir)).aarch64
  server = await MirrorServer.start(mirrorDir)
  // A local manifest, so its files may be plain http.
  const served = entry(file, ['aarch64'], { download_url: `${server.url}/files/${file.filename}` })
  manifest = writeManifest(mirrorDir, 'manifest.json', [
    { version: '7.2.0', stable: true, files: [served] },
    { version: '7.2.0+patched', stable: false, files: [served] }
  ])
})
afterAll(async () => {
  await server?.stop()
  rmSync(mirrorDir, { recursive: true, force: true })
})
beforeEach(() => {
  if (cache) rmSync(cache, { recursive: true, force: true })
  cache = mkdtempSync(join(tmpdir(), 'toolcache-'))
  process.env.RUNNER_TOOL_CACHE = cache
  process.env.RUNNER_TEMP = cache
  server.requests.length = 0
})
afterAll(() => rmSync(cache, { recursive: true, force: true }))

const get = (qemuVersion = '7.2.0', log = memoryLog()) =>
  acquire({ source: 'download', targets: ['aarch64'], manifest, qemuVersion }, log)
const cached = (version = '7.2.0') => join(cache, 'qemu-aarch64', version, 'x64', 'qemu-aarch64')
const downloads = () => server.count(`/files/${file.filename}`)

describe('a cache hit is checked', () => {
  test('an untouched entry is a hit, and tool-cache finds it', async () => {
    expect((await get()).cacheHit).toBe(false)
    const again = await get()
    expect(again).toMatchObject({ source: 'cache', cacheHit: true, version: '7.2.0' })
    expect(downloads()).toBe(1)
    expect(tc.find('qemu-aarch64', '7.2.0', 'x64')).toBe(
      join(cache, 'qemu-aarch64', '7.2.0', 'x64')
    )
    expect(readFileSync(`${cached()}.sha256`, 'utf8')).toBe(`${await sha256File(cached())}\n`)
  })

  test.each([
    [
      'a shell script in its place',
      (path: string) => writeFileSync(path, '#!/bin/sh\necho owned\n'),
      /its SHA-256 [0-9a-f]{64} is not the [0-9a-f]{64} recorded when it was stored/
    ],
    [
      'another QEMU in its place',
      (path: string) => copyFileSync(qemuStatic('arm'), path),
      /its SHA-256 [0-9a-f]{64} is not the [0-9a-f]{64} recorded/
    ],
    [
      'a symbolic link out of the cache',
      (path: string) => {
        unlinkSync(path)
        symlinkSync(qemuStatic('aarch64'), path)
      },
      /it is a symbolic link/
    ],
    [
      'a file other users may write',
      (path: string) => chmodSync(path, 0o777),
      /it is writable by other users/
    ],
    [
      'its recorded digest gone',
      (path: string) => unlinkSync(`${path}.sha256`),
      /\S+qemu-aarch64\.sha256 is missing/
    ]
  ])('%s: refused, downloaded again, reported as no hit', async (_name, tamper, reason) => {
    await get()
    const original = await sha256File(cached())
    tamper(cached())
    const log = memoryLog()
    const got = await get('7.2.0', log)
    expect(log.lines.join('\n')).toMatch(
      new RegExp(`warning: tool cache: cached ${cached()} is not used: ${reason.source}`)
    )
    expect(got).toMatchObject({ source: 'download', cacheHit: false })
    expect(downloads()).toBe(2)
    expect(await sha256File(cached())).toBe(original)
  })

  test('a tampered entry with a forged digest still fails the ELF check', async () => {
    await get()
    writeFileSync(cached(), 'touch /tmp/never\n')
    writeFileSync(`${cached()}.sha256`, `${await sha256File(cached())}\n`)
    await expect(findCached('qemu-aarch64', '7.2.0', 'x64')).rejects.toThrow(
      /is not used: Interpreter .* is not an ELF executable/
    )
  })
})

describe('build metadata is part of the key', () => {
  test('10.0.13+patched and 10.0.13 are two entries', () => {
    expect(cacheKey('10.0.13+patched')).toBe('10.0.13+patched')
    expect(cacheKey('v10.0.13')).toBe('10.0.13')
  })

  test('a cached 7.2.0+patched does not serve 7.2.0, nor the other way round', async () => {
    const patched = await get('7.2.0+patched')
    expect(patched).toMatchObject({ version: '7.2.0+patched', cacheHit: false })
    expect(existsSync(cached('7.2.0+patched'))).toBe(true)
    const plain = await get('7.2.0')
    expect(plain).toMatchObject({ version: '7.2.0', source: 'download', cacheHit: false })
    expect(cachedVersions('qemu-aarch64', 'x64').sort()).toEqual(['7.2.0', '7.2.0+patched'])
    expect(await get('7.2.0+patched')).toMatchObject({ version: '7.2.0+patched', cacheHit: true })
    expect(downloads()).toBe(2)
  })

  test('stored modes ignore the umask', async () => {
    const old = process.umask(0)
    try {
      const path = await storeCached('qemu-aarch64', '7.2.0', 'x64', qemuStatic('aarch64'))
      await expect(findCached('qemu-aarch64', '7.2.0', 'x64')).resolves.toBe(path)
    } finally {
      process.umask(old)
    }
  })
})
