// Getting QEMU over real HTTP from a mirror served on 127.0.0.1, with real static QEMU inside,
// registered in a private binfmt_misc namespace. Every failure must leave no entry and no
// completed cache entry behind.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import * as tc from '@actions/tool-cache'
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync
} from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { acquire, qemuVersion } from '../../src/qemu/acquire.js'
import { DEFAULT_MANIFEST } from '../../src/qemu/builtin-manifest.js'
import type { AcquireRequest } from '../../src/qemu/request.js'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { memoryLog } from '../../src/util/log.js'
import type { Manifest, ManifestFile } from '../../src/qemu/manifest.js'
import { parseOptions, type RawOptions } from '../../src/options.js'
import { setup } from '../../src/setup.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { buildMirror, entry, writeManifest, type MirrorFile } from '../helpers/mirror.js'
import { localAptRepository } from '../helpers/package-apt.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { MirrorServer } from '../helpers/server.js'
import { memoryStore } from '../helpers/store.js'

let mirrorDir: string
let files: Awaited<ReturnType<typeof buildMirror>>
let server: MirrorServer
let cache: string
let ns: PrivateNamespace
let lockDir: string

beforeAll(async () => {
  mirrorDir = mkdtempSync(join(tmpdir(), 'mirror-'))
  files = await buildMirror(mirrorDir)
  // https, so the manifest's relative file URLs are https and its http mirror_urls allowed.
  server = await MirrorServer.startTls(mirrorDir)
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
  // The probes run in the namespace, whose table holds the entries; containers use the host's.
  const options = parseOptions({ source: 'download', verify: 'exec', ...raw })
  const result = await setup(options, {
    log,
    store: memoryStore(),
    root: ns.root,
    native: new Set(['x86_64', 'i386']),
    exec: (argv, o) => ns.exec(argv, o),
    start: ns.starter,
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

describe('auto, link by link: tool cache, per-target files, the .deb of the same version, the package', () => {
  // Debian's own .debs (scripts/package-qemu.mjs keeps them in .cache/debs), with the digests the
  // built-in manifest took from Debian's Packages index.
  const pinned = DEFAULT_MANIFEST.find(r => r.version === '10.0.13')!.files.find(
    f => f.format === 'deb' && f.arch === 'x64'
  )!
  const distribution = resolve('.cache/debs/qemu-user-static_7.2+dfsg-7+deb12u18+b3_amd64.deb')
  const debUrl = () => `${server.url}/files/${pinned.filename}`

  beforeAll(() => {
    for (const deb of [pinned.filename, distribution]) {
      const path = resolve('.cache/debs', deb)
      if (!existsSync(path))
        throw new Error(`${path} is missing: run node scripts/package-qemu.mjs --fetch`)
    }
    symlinkSync(resolve('.cache/debs', pinned.filename), join(mirrorDir, 'files', pinned.filename))
  })

  /** QEMU 10.0.13: per-target files for aarch64 and arm, and the whole pinned .deb. */
  function chain(
    perTarget: (f: MirrorFile) => Partial<ManifestFile>,
    deb: Partial<ManifestFile> = {}
  ) {
    return served([
      {
        version: '10.0.13',
        stable: true,
        files: [
          entry(files.aarch64, ['aarch64'], perTarget(files.aarch64)),
          entry(files.arm, ['arm'], perTarget(files.arm)),
          { ...pinned, download_url: `files/${pinned.filename}`, mirror_urls: undefined, ...deb }
        ]
      }
    ])
  }
  const gone = (f: MirrorFile) => ({ download_url: `gone/${f.filename}` })

  async function autoInstall(manifest: string) {
    return install({ platforms: 'arm64,arm', source: 'auto', manifest, verify: 'none' })
  }

  test('the tool cache: a second run makes no request at all', async () => {
    const manifest = chain(() => ({}))
    const raw = {
      platforms: 'arm64,arm',
      source: 'auto',
      manifest,
      'qemu-version': '10.0.13',
      verify: 'none'
    }
    await install(raw)
    server.requests.length = 0
    const { result } = await install(raw)
    expect(result.acquired).toMatchObject({ source: 'cache', version: '10.0.13', cacheHit: true })
    expect(server.requests).toEqual([])
  })

  test('the per-target files when they can be had: the .deb is not touched', async () => {
    const { result } = await autoInstall(chain(() => ({})))
    expect(result.acquired).toMatchObject({ source: 'download', version: '10.0.13' })
    expect(result.acquired?.files).toEqual([
      { file: `${server.url}/files/${files.aarch64.filename}`, targets: ['aarch64'] },
      { file: `${server.url}/files/${files.arm.filename}`, targets: ['arm'] }
    ])
    expect(server.count(`/files/${pinned.filename}`)).toBe(0)
  })

  test('per-target files gone (404): the .deb of the same version, once for both targets', async () => {
    const { result, log } = await autoInstall(chain(gone))
    expect(result.acquired).toMatchObject({
      source: 'download',
      version: '10.0.13',
      downloadedBytes: pinned.size
    })
    expect(result.acquired?.files).toEqual([{ file: debUrl(), targets: ['aarch64', 'arm'] }])
    expect(server.requests).toEqual([
      '/manifest.json',
      `/gone/${files.aarch64.filename}`,
      `/gone/${files.arm.filename}`,
      `/files/${pinned.filename}`
    ])
    const text = log.lines.join('\n')
    expect(text).toContain(
      `notice: QEMU 10.0.13: ${files.aarch64.filename} could not be had (Could not download ${server.url}/gone/${files.aarch64.filename}: `
    )
    expect(text).toMatch(/HTTP 404\); trying the next file of the same version for aarch64\n/)
    // The fallback is a notice, not a warning.
    expect(text).not.toMatch(/warning:/)
    expect(text).toContain(`aarch64, arm: from ${debUrl()}`)
    // The interpreters registered are the .deb's (10.0.13), not this machine's 7.2.
    for (const r of result.registered)
      expect(await qemuVersion(r.entry.interpreter)).toBe('10.0.13')
    expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout).toBe('aarch64\n')
    expect((await ns.exec([busybox('armhf'), 'uname', '-m'])).stdout).toBe('armv7l\n')
  }, 120_000)

  test('a wrong digest and a refused connection move on too; the .deb falls back to its mirror', async () => {
    const closed = await closedPort()
    const manifest = served([
      {
        version: '10.0.13',
        stable: true,
        files: [
          entry(files.aarch64, ['aarch64'], { sha256: 'ab'.repeat(32) }),
          entry(files.arm, ['arm'], { download_url: `http://127.0.0.1:${closed}/arm.tar.gz` }),
          {
            ...pinned,
            download_url: `gone/${pinned.filename}`,
            mirror_urls: [`files/${pinned.filename}`]
          }
        ]
      }
    ])
    const log = memoryLog()
    const got = await acquire(quick({ source: 'auto', manifest, targets: ['aarch64', 'arm'] }), log)
    expect(got).toMatchObject({ source: 'download', version: '10.0.13' })
    expect(got.files).toEqual([{ file: debUrl(), targets: ['aarch64', 'arm'] }])
    const text = log.lines.join('\n')
    expect(text).toMatch(/could not be had \(Could not download .*: SHA-256 mismatch for /)
    expect(text).toMatch(/could not be had \(Could not download .*ECONNREFUSED\); trying the next/)
    expect(text).toMatch(
      /gone\/qemu-user_10\.0\.13\+ds-0\+deb13u1_amd64\.deb: HTTP 404; trying the next URL/
    )
  }, 120_000)

  test('every file of the version gone: source download fails and names each file', async () => {
    const manifest = chain(gone, { download_url: `gone/${pinned.filename}` })
    const failed = acquire(quick({ manifest, targets: ['aarch64', 'arm'] }), memoryLog())
    const message = await failed.then(
      () => '',
      (e: Error) => e.message
    )
    expect(message).toMatch(/^no file of QEMU 10\.0\.13 for aarch64, arm could be had \(/)
    for (const name of [
      `gone/${files.aarch64.filename}`,
      `gone/${files.arm.filename}`,
      `gone/${pinned.filename}`
    ])
      expect(message).toContain(`${server.url}/${name}: HTTP 404`)
    await nothingLeft()
  })

  test('every file of the version gone: auto takes the distribution package, warning that it is unpinned', async () => {
    // The distribution: a local apt repository holding Debian 12's qemu-user-static .deb.
    const control = execFileSync('dpkg-deb', ['-f', distribution]).toString()
    const apt = localAptRepository(mkdtempSync(join(tmpdir(), 'apt-')), [
      { path: distribution, control }
    ])
    process.env.APT_CONFIG = apt
    try {
      const { result, log } = await autoInstall(
        chain(gone, { download_url: `gone/${pinned.filename}` })
      )
      expect(result.acquired).toMatchObject({
        source: 'package',
        version: '1:7.2+dfsg-7+deb12u18+b3'
      })
      expect(result.acquired?.files).toEqual([
        {
          file: 'qemu-user-static_1%3a7.2+dfsg-7+deb12u18+b3_amd64.deb',
          targets: ['aarch64', 'arm']
        }
      ])
      expect(log.lines.join('\n')).toMatch(
        /warning: auto: running the distribution's QEMU 1:7\.2\+dfsg-7\+deb12u18\+b3 \(qemu-user-static_1%3a7\.2\+dfsg-7\+deb12u18\+b3_amd64\.deb\), which is NOT pinned \(no version or SHA-256 from the manifest\), because no file of QEMU 10\.0\.13 for aarch64, arm could be had/
      )
      expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout).toBe('aarch64\n')
    } finally {
      delete process.env.APT_CONFIG
    }
  }, 180_000)
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
