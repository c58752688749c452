// Image archives built in memory, and emulation as Docker containers see it. The Docker tests
// need a running daemon (bash scripts/dockerd.sh start) and change the host's GLOBAL
// binfmt_misc table, which containers use: they add qemu entries for three targets and remove
// exactly those again, whatever happens (global-teardown.mjs checks the table is unchanged).

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  dockerAvailable,
  dockerError,
  dockerSmoke,
  dockerUname,
  probeImageTag,
  PROBE_REPOSITORY,
  type SmokeResult
} from '../../src/verify/containers.js'
import { run } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import {
  buildImage,
  imageArchive,
  imagePlatform,
  layerTar,
  tar,
  type ImageSpec
} from '../../src/verify/images.js'
import { probeMarker, probeProgram } from '../../src/platform/probes.js'
import { GlobalEntries, unclaimedTarget } from '../helpers/global-table.js'
import { busyboxImage } from '../helpers/fixtures.js'

/** `tar -tv` of an archive, through GNU tar. */
async function listTar(archive: Buffer, verbose = true): Promise<string[]> {
  const r = await run(['tar', verbose ? '-tvf' : '-tf', '-', '--numeric-owner'], {
    input: archive
  })
  return r.stdout.trim().split('\n')
}

describe('image archives (oci.ts)', () => {
  const spec = (files: ImageSpec['files'], extra: Partial<ImageSpec> = {}): ImageSpec => ({
    tag: 'example:arm64',
    platform: 'linux/arm64',
    files,
    entrypoint: ['/probe'],
    ...extra
  })
  const probe = { path: '/probe', mode: 0o755, content: probeProgram('aarch64') }

  test('the same input gives the same bytes and image id', () => {
    const a = imageArchive([
      spec([probe]),
      spec([probe], { tag: 'other:x', platform: 'linux/s390x' })
    ])
    const b = imageArchive([
      spec([probe]),
      spec([probe], { tag: 'other:x', platform: 'linux/s390x' })
    ])
    expect(a.archive.equals(b.archive)).toBe(true)
    expect(a.images.map(i => i.id)).toEqual(b.images.map(i => i.id))
    expect(a.images[0].id).not.toBe(a.images[1].id) // the platform is in the config
    expect(a.images[0].diffId).toBe(a.images[1].diffId) // the layer is not
  })

  test('the order files are given in does not matter; their content does', () => {
    const files = [
      { path: '/bin/busybox', mode: 0o755, content: 'x' },
      { path: '/bin/sh', symlink: 'busybox' }
    ]
    expect(layerTar(files).equals(layerTar([...files].reverse()))).toBe(true)
    expect(layerTar(files).equals(layerTar([{ ...files[0], content: 'y' }, files[1]]))).toBe(false)
  })

  test('GNU tar reads the layer: parents, modes, symlinks, owner 0, mtime 0, long paths', async () => {
    const long = `/${'d'.repeat(90)}/${'e'.repeat(60)}/file`
    const layer = layerTar([
      { path: '/bin/busybox', mode: 0o755, content: 'hello' },
      { path: '/bin/uname', symlink: 'busybox' },
      { path: '/etc/empty', directory: true, mode: 0o700 },
      { path: long, content: Buffer.alloc(513, 1) }
    ])
    expect(layer.length % 512).toBe(0)
    const lines = (await listTar(layer)).map(l => l.replace(/\s+/g, ' '))
    const d = 'd'.repeat(90)
    const e = 'e'.repeat(60)
    expect(lines).toEqual([
      'drwxr-xr-x 0/0 0 1970-01-01 00:00 bin/',
      '-rwxr-xr-x 0/0 5 1970-01-01 00:00 bin/busybox',
      'lrwxrwxrwx 0/0 0 1970-01-01 00:00 bin/uname -> busybox',
      `drwxr-xr-x 0/0 0 1970-01-01 00:00 ${d}/`,
      `drwxr-xr-x 0/0 0 1970-01-01 00:00 ${d}/${e}/`,
      `-rw-r--r-- 0/0 513 1970-01-01 00:00 ${d}/${e}/file`,
      'drwxr-xr-x 0/0 0 1970-01-01 00:00 etc/',
      'drwx------ 0/0 0 1970-01-01 00:00 etc/empty/'
    ])
  })

  test('the archive has what docker load reads: layers, configs named by digest, manifest', async () => {
    const { archive, images } = imageArchive([spec([probe])])
    const [image] = images
    const hex = (d: string) => d.replace('sha256:', '')
    expect(await listTar(archive, false)).toEqual([
      `${hex(image.diffId)}/`,
      `${hex(image.diffId)}/layer.tar`,
      `${hex(image.id)}.json`,
      'manifest.json'
    ])
    const config = JSON.parse(image.config.toString())
    expect(config).toMatchObject({
      architecture: 'arm64',
      variant: 'v8',
      os: 'linux',
      config: { Entrypoint: ['/probe'], Cmd: null },
      rootfs: { type: 'layers', diff_ids: [image.diffId] }
    })
  })

  test.each([
    ['linux/arm64', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
    ['linux/arm/v6', { os: 'linux', architecture: 'arm', variant: 'v6' }],
    ['linux/riscv64', { os: 'linux', architecture: 'riscv64' }],
    ['linux/ppc64le', { os: 'linux', architecture: 'ppc64le' }],
    ['linux/386', { os: 'linux', architecture: '386' }],
    ['linux/mips64le', { os: 'linux', architecture: 'mips64le' }],
    ['linux/loong64', { os: 'linux', architecture: 'loong64' }]
  ])('imagePlatform(%j)', (platform, expected) => {
    expect(imagePlatform(platform)).toEqual(expected)
    expect(JSON.parse(buildImage(spec([], { platform })).config.toString())).toMatchObject({
      ...expected,
      os: 'linux'
    })
  })

  test('bad paths and platforms are refused', () => {
    // '..' cannot climb out of the image: /../etc/passwd is /etc/passwd.
    expect(layerTar([{ path: '/../etc/passwd', content: '' }])).toEqual(
      layerTar([{ path: '/etc/passwd', content: '' }])
    )
    expect(() => layerTar([{ path: '/', content: '' }])).toThrow(/not a usable path/)
    expect(() =>
      layerTar([
        { path: '/a', content: '' },
        { path: 'a', content: '' }
      ])
    ).toThrow(/given twice/)
    expect(() => tar([{ path: 'x'.repeat(101), type: 'file', mode: 0o644 }])).toThrow(/too long/)
    expect(() => imagePlatform('arm64')).toThrow(/not an OCI platform/)
  })
})

describe('dockerAvailable', () => {
  test('is false when no daemon answers', async () => {
    const saved = process.env.DOCKER_HOST
    process.env.DOCKER_HOST = 'unix:///nonexistent/setup-binfmt-test.sock'
    try {
      const log = memoryLog()
      expect(await dockerAvailable(log)).toBe(false)
      // The docker CLI runs (exit 1), and only the daemon is missing: not a CLI that cannot start.
      expect(log.lines.join('\n')).toMatch(/docker: no daemon answers \(exit 1: /)
      expect(log.lines.join('\n')).not.toMatch(/Cannot run docker/)
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST
      else process.env.DOCKER_HOST = saved
    }
  })

  test('dockerError skips the help hint docker prints last', () => {
    expect(
      dockerError(
        "docker: Error response from daemon: no such image.\n\nRun 'docker run --help' for more information\n"
      )
    ).toBe('docker: Error response from daemon: no such image.')
    expect(dockerError('exec /probe: exec format error\n')).toBe('exec /probe: exec format error')
    expect(dockerError('')).toBe('')
  })
})

/** True when the kernel would hand `program` to this entry. */
const TARGETS = ['aarch64', 'arm', 'riscv64']
/** Under localhost/, so a pull that should not happen goes nowhere but this machine. */
const BUSYBOX_IMAGE = 'localhost/setup-binfmt-test-busybox:arm64'
const SLOW = 120_000

describe('docker: emulated containers through the global binfmt_misc table', () => {
  let global: GlobalEntries | undefined
  const images: string[] = []

  beforeAll(async () => {
    if (!(await dockerAvailable())) {
      throw new Error(
        'No Docker daemon answers `docker version`, and these tests need one. Start it with ' +
          '`bash scripts/dockerd.sh start` (install it first: apt-get install -y ' +
          '--no-install-recommends docker.io); .ci/run starts it in CI.'
      )
    }
    global = await GlobalEntries.register(TARGETS)
  }, SLOW)

  afterAll(async () => {
    const problems = (await global?.remove()) ?? []
    if (images.length > 0) await run(['docker', 'rmi', ...images], { allowFailure: true })
    if (problems.length > 0) throw new Error(problems.join('\n'))
    if (global) expect(await global.table.list()).toEqual(global.before)
  }, SLOW)

  const ok = (r: SmokeResult) => ({ target: r.target, ok: r.ok, output: r.output })

  test(
    'dockerSmoke runs the aarch64, arm and riscv64 probes, all at once, and removes the images',
    async () => {
      const start = performance.now()
      const results = await dockerSmoke(TARGETS, memoryLog())
      const ms = Math.round(performance.now() - start)
      console.log(
        `dockerSmoke(${TARGETS.join(', ')}): ${ms} ms in all; docker run: ` +
          results.map(r => `${r.target} ${r.ms} ms`).join(', ')
      )
      expect(results.map(ok)).toEqual(
        TARGETS.map(target => ({ target, ok: true, output: probeMarker(target) }))
      )
      expect(results.map(r => r.platform)).toEqual(['linux/arm64', 'linux/arm/v7', 'linux/riscv64'])
      for (const r of results) {
        expect(r.code).toBe(0)
        expect(r.command).toEqual(
          expect.arrayContaining(['--network', 'none', probeImageTag(r.target)])
        )
      }
      const left = await run(['docker', 'images', '-q', PROBE_REPOSITORY])
      expect(left.stdout.trim()).toBe('')
    },
    SLOW
  )

  test(
    "a target without a binfmt_misc entry fails with docker's error and a hint",
    async () => {
      const target = unclaimedTarget((await global?.table.list()) ?? [])
      const [result] = await dockerSmoke([target], memoryLog())
      expect(result).toMatchObject({ target, ok: false })
      expect(result.code).not.toBe(0)
      expect(result.output).toMatch(/exec format error/)
      expect(result.output).toMatch(new RegExp(`no binfmt_misc entry for ${target}`))
    },
    SLOW
  )

  test(
    'a docker run that times out fails with the reason',
    async () => {
      const [result] = await dockerSmoke(['aarch64'], memoryLog(), { timeoutMs: 1 })
      expect(result).toMatchObject({ target: 'aarch64', ok: false })
      expect(result.output).toMatch(/docker run was killed by SIG\w+ \(its timeout is 0.001 s\)/)
    },
    SLOW
  )

  test(
    'dockerUname: busybox for arm64 in an image built here says aarch64',
    async () => {
      await run(['docker', 'load', '-q'], { input: busyboxImage(BUSYBOX_IMAGE, { shell: true }) })
      images.push(BUSYBOX_IMAGE)

      const [result] = await dockerUname(BUSYBOX_IMAGE, ['aarch64'], memoryLog())
      expect(result).toMatchObject({ target: 'aarch64', platform: 'linux/arm64', ok: true })
      expect(result.output).toBe('aarch64')
      expect(result.command).toEqual(
        expect.arrayContaining(['--platform', 'linux/arm64', BUSYBOX_IMAGE, 'uname', '-m'])
      )

      // The image has no riscv64 variant: docker tries to pull one (from localhost) and fails.
      const [other] = await dockerUname(BUSYBOX_IMAGE, ['riscv64'], memoryLog())
      expect(other).toMatchObject({ target: 'riscv64', ok: false })
      expect(other.output).toMatch(/^exit \d+; .*Error response from daemon/)
    },
    SLOW
  )
})
