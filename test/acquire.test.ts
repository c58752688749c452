// Getting QEMU over real HTTP from a mirror served on 127.0.0.1, with real static QEMU inside,
// registered in a private binfmt_misc namespace. Every failure must leave no entry and no
// completed cache entry behind.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import * as tc from '@actions/tool-cache'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { acquire } from '../src/qemu/acquire.js'
import type { AcquireRequest } from '../src/qemu/request.js'
import { BinfmtTable } from '../src/binfmt/table.js'
import { memoryLog } from '../src/util/log.js'
import type { Manifest } from '../src/qemu/manifest.js'
import { parseOptions, type RawOptions } from '../src/options.js'
import { setup } from '../src/setup.js'
import { busybox, qemuStatic } from './helpers/fixtures.js'
import { buildMirror, entry, writeManifest, type MirrorFile } from './helpers/mirror.js'
import { PrivateNamespace } from './helpers/namespace.js'
import { MirrorServer } from './helpers/server.js'
import { memoryStore } from './helpers/store.js'

let mirrorDir: string
let files: Awaited<ReturnType<typeof buildMirror>>
let server: MirrorServer
let cache: string
let ns: PrivateNamespace
let lockDir: string

beforeAll(async () => {
  mirrorDir = mkdtempSync(join(tmpdir(), 'mirror-'))
  files = await buildMirror(mirrorDir)
  server = await MirrorServer.start(mirrorDir)
})
afterAll(async () => {
  await server?.stop()
  rmSync(mirrorDir, { recursive: true, force: true })
})
beforeEach(async () => {
  cache = mkdtempSync(join(tmpdir(), 'toolcache-'))
  process.env.RUNNER_TOOL_CACHE = cache
  process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'runner-temp-'))
  server.requests.length = 0
  ns = await PrivateNamespace.start()
  lockDir = mkdtempSync(join(tmpdir(), 'lock-'))
})
afterEach(async () => {
  await ns?.stop()
  rmSync(cache, { recursive: true, force: true })
  rmSync(process.env.RUNNER_TEMP!, { recursive: true, force: true })
  rmSync(lockDir, { recursive: true, force: true })
})

const standard = (): Manifest => [
  {
    version: '7.1.0',
    stable: true,
    files: [entry(files.aarch64, ['aarch64']), entry(files.arm, ['arm'])]
  },
  {
    version: '7.2.0',
    stable: true,
    files: [entry(files.aarch64, ['aarch64']), entry(files.arm, ['arm'])]
  },
  { version: '8.0.0', stable: false, files: [entry(files.aarch64, ['aarch64'])] }
]

function served(manifest: Manifest, name = 'manifest.json'): string {
  writeManifest(mirrorDir, name, manifest)
  return `${server.url}/${name}`
}

async function install(raw: RawOptions) {
  const log = memoryLog()
  const options = parseOptions({ source: 'download', ...raw })
  const result = await setup(options, {
    log,
    store: memoryStore(),
    root: ns.root,
    native: new Set(['x86_64', 'i386']),
    // This namespace's table is not the host's: its lock and owners record are its own too.
    lockDir
  })
  return { result, log }
}

const quick = (request: Partial<AcquireRequest>): AcquireRequest => ({
  source: 'download',
  targets: ['aarch64'],
  download: { backoffMs: 10 },
  ...request
})

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise(resolve => probe.close(resolve))
  return port
}

/** Nothing completed in the tool cache, and nothing registered. */
async function nothingLeft(): Promise<void> {
  const completed = readdirSync(cache, { recursive: true }).filter(f =>
    String(f).endsWith('.complete')
  )
  expect(completed).toEqual([])
  expect(await (await BinfmtTable.open({ root: ns.root })).list()).toEqual([])
}

describe('download', () => {
  test('cold install: newest stable version, per-target files, registered and running', async () => {
    const manifest = served(standard())
    const { result, log } = await install({ platforms: 'arm64,arm', manifest })
    expect(result.acquired).toMatchObject({ source: 'download', version: '7.2.0', cacheHit: false })
    expect(result.acquired?.downloadedBytes).toBe(files.aarch64.size + files.arm.size)
    expect(server.requests).toEqual([
      '/manifest.json',
      `/files/${files.aarch64.filename}`,
      `/files/${files.arm.filename}`
    ])
    expect(result.emulators).toEqual(['qemu-aarch64', 'qemu-arm'])
    expect(result.registered[0].entry.interpreter).toBe(
      join(cache, 'qemu-aarch64', '7.2.0', 'x64', 'qemu-aarch64')
    )
    expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout).toBe('aarch64\n')
    expect((await ns.exec([busybox('armhf'), 'uname', '-m'])).stdout).toBe('armv7l\n')
    expect(
      readFileSync(result.registered[1].entry.interpreter).equals(readFileSync(qemuStatic('arm')))
    ).toBe(true)
    expect(log.lines.join('\n')).toMatch(/QEMU 7\.2\.0 from download/)
  })

  test('without qemu-version, a custom manifest is read, then the cache serves its version', async () => {
    const manifest = served(standard())
    await install({ platforms: 'arm64,arm', manifest })
    server.requests.length = 0
    const { result, log } = await install({ platforms: 'arm64,arm', manifest })
    expect(server.requests).toEqual(['/manifest.json'])
    expect(result.acquired).toMatchObject({ source: 'cache', version: '7.2.0', cacheHit: true })
    expect(log.lines.join('\n')).toMatch(
      /tool cache: QEMU 7\.2\.0 for aarch64, arm \(no file downloaded\)/
    )
  })

  test('a cache hit makes zero requests, and @actions/tool-cache finds the same entries', async () => {
    const manifest = served(standard())
    await install({ platforms: 'arm64,arm', manifest, 'qemu-version': '7.2.0' })
    server.requests.length = 0
    const { result } = await install({ platforms: 'arm64,arm', manifest, 'qemu-version': '7.x' })
    expect(server.requests).toEqual([])
    expect(result.acquired).toMatchObject({
      source: 'cache',
      version: '7.2.0',
      cacheHit: true,
      downloadedBytes: 0
    })
    expect(tc.find('qemu-arm', '7.2.0', 'x64')).toBe(join(cache, 'qemu-arm', '7.2.0', 'x64'))
  })

  test.each([
    ['7.1.0', '7.1.0'],
    ['7.x', '7.2.0'],
    ['>=7.1 <7.2', '7.1.0'],
    ['8.x', '8.0.0']
  ])('qemu-version %s picks %s', async (spec, version) => {
    const got = await acquire(
      quick({ manifest: served(standard()), qemuVersion: spec }),
      memoryLog()
    )
    expect(got.version).toBe(version)
  })

  test('a version the manifest lacks names the versions it has', async () => {
    await expect(
      acquire(quick({ manifest: served(standard()), qemuVersion: '9.x' }), memoryLog())
    ).rejects.toThrow(
      "qemu-version '9.x' matches no version in the manifest (it has 7.1.0, 7.2.0, 8.0.0)"
    )
  })

  test('a local manifest path with relative URLs reads files from its folder', async () => {
    const path = writeManifest(mirrorDir, 'local.json', standard())
    const got = await acquire(quick({ manifest: path }), memoryLog())
    expect(got).toMatchObject({
      source: 'download',
      version: '7.2.0',
      downloadedBytes: files.aarch64.size
    })
    expect(server.requests).toEqual([])
  })

  test('404 moves to the mirror at once', async () => {
    const manifest = served([
      {
        version: '7.2.0',
        stable: true,
        files: [
          entry(files.aarch64, ['aarch64'], {
            download_url: 'missing/x.tar.gz',
            mirror_urls: [`files/${files.aarch64.filename}`]
          })
        ]
      }
    ])
    const log = memoryLog()
    await acquire(quick({ manifest }), log)
    expect(server.count('/missing/x.tar.gz')).toBe(1)
    expect(server.count(`/files/${files.aarch64.filename}`)).toBe(1)
    expect(log.lines.join('\n')).toMatch(/missing\/x\.tar\.gz: HTTP 404; trying the next URL/)
  })

  test('HTTP 500 is retried with backoff, then succeeds', async () => {
    const manifest = served(standard())
    server.fail(`/files/${files.aarch64.filename}`, { status: 500 }, { status: 503 })
    const log = memoryLog()
    const got = await acquire(quick({ manifest }), log)
    expect(got.cacheHit).toBe(false)
    expect(server.count(`/files/${files.aarch64.filename}`)).toBe(3)
    expect(log.lines.join('\n')).toMatch(
      /HTTP 500; retrying in 10 ms \(attempt 2 of 3\)[\s\S]*HTTP 503; retrying in 20 ms/
    )
  })

  test('a truncated download is retried; three in a row fail with a clear error and leave nothing', async () => {
    const manifest = served(standard())
    const path = `/files/${files.aarch64.filename}`
    server.fail(path, { truncate: 1000 })
    expect((await acquire(quick({ manifest }), memoryLog())).version).toBe('7.2.0')
    expect(server.count(path)).toBe(2)

    rmSync(cache, { recursive: true, force: true })
    mkdirSync(cache)
    server.fail(path, { truncate: 1000 }, { truncate: 5000 }, { truncate: 100 })
    await expect(acquire(quick({ manifest }), memoryLog())).rejects.toThrow(
      /Could not download .*: .*(got \d+ of \d+ bytes|connection lost after \d+ bytes)/
    )
    await nothingLeft()
  })

  test('a wrong digest fails naming the URL and both digests; the file is deleted, nothing cached or registered', async () => {
    const wrong = 'ab'.repeat(32)
    const manifest = served([
      {
        version: '7.2.0',
        stable: true,
        files: [entry(files.aarch64, ['aarch64'], { sha256: wrong })]
      }
    ])
    await expect(install({ platforms: 'arm64', manifest })).rejects.toThrow(
      `SHA-256 mismatch for ${server.url}/files/${files.aarch64.filename}: expected ${wrong}, got ${files.aarch64.sha256} (file deleted)`
    )
    expect(readdirSync(process.env.RUNNER_TEMP!)).toEqual([])
    await nothingLeft()
  })

  test('an archive member escaping the folder is refused', async () => {
    const manifest = served([
      { version: '7.2.0', stable: true, files: [entry(files.evil, ['aarch64'])] }
    ])
    await expect(install({ platforms: 'arm64', manifest })).rejects.toThrow(/\.\.\/qemu-aarch64/)
    expect(existsSync(join(tmpdir(), 'qemu-aarch64'))).toBe(false)
    await nothingLeft()
  })

  test('a dynamic interpreter is refused before anything is cached or registered', async () => {
    const manifest = served([
      { version: '7.2.0', stable: true, files: [entry(files.dynamic, ['aarch64'])] }
    ])
    await expect(install({ platforms: 'arm64', manifest })).rejects.toThrow(
      /is dynamically linked \(it has a PT_INTERP header\)/
    )
    await nothingLeft()
  })

  test('a host arch missing from the manifest is a clear error', async () => {
    const manifest = served(standard())
    await expect(acquire(quick({ manifest, arch: 'arm64' }), memoryLog())).rejects.toThrow(
      'QEMU 7.2.0 in the manifest has no files for arm64 hosts (only x64): use another qemu-version, source: package, or a manifest with arm64 builds'
    )
  })

  test('every URL failing says so', async () => {
    const closed = await closedPort()
    const manifest = served([
      {
        version: '7.2.0',
        stable: true,
        files: [
          entry(files.aarch64, ['aarch64'], {
            download_url: 'a/404',
            mirror_urls: [`http://127.0.0.1:${closed}/refused`]
          })
        ]
      }
    ])
    await expect(acquire(quick({ manifest }), memoryLog())).rejects.toThrow(
      /Could not download from any of 2 URLs: .*a\/404: HTTP 404; http:\/\/127\.0\.0\.1:\d+\/refused: ECONNREFUSED/
    )
  })
})

describe('package', () => {
  test('source package on this machine: apt-get download, extract, register, run', async () => {
    const { result } = await install({ platforms: 'arm64', source: 'package' })
    expect(result.acquired?.source).toBe('package')
    expect(result.acquired?.version).toMatch(/^1:7\.2\+dfsg/)
    expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout).toBe('aarch64\n')
  }, 180_000)
})

export type { MirrorFile }
