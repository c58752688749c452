// The container smoke test with Podman instead of Docker: the same probe images, built in
// memory, loaded with `podman load`, run with `podman run --platform`. Podman as root needs no
// daemon; this file gives it a store of its own in a temporary folder (--root, --runroot,
// --tmpdir). Only the blob info cache that every `podman load` keeps in
// /var/lib/containers/cache is outside it; it is removed again when this file created it.
// Like test/engine/docker.test.ts, this file changes the host's GLOBAL binfmt_misc table, which
// containers use: it adds qemu entries for three targets and removes exactly those again,
// whatever happens (global-teardown.mjs checks).
//
// Needs: apt-get install -y --no-install-recommends podman (Debian 12: podman 4.3).

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  availableEngine,
  containerEngine,
  dockerAvailable,
  dockerSmoke,
  dockerUname,
  PROBE_REPOSITORY,
  type Engine
} from '../../src/verify/containers.js'
import { run } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { probeMarker } from '../../src/platform/probes.js'
import { PODMAN_RUNTIME, PODMAN_ULIMITS } from '../helpers/podman.js'
import { GlobalEntries, unclaimedTarget } from '../helpers/global-table.js'
import { busyboxImage } from '../helpers/fixtures.js'

const TARGETS = ['aarch64', 'arm', 'riscv64']
/** Under localhost/, so a pull that should not happen goes nowhere but this machine. */
const BUSYBOX_IMAGE = 'localhost/setup-binfmt-test-busybox:arm64'
const SLOW = 120_000

/** Limits within ours (helpers/podman.ts says why). */
const ULIMITS = PODMAN_ULIMITS.flatMap(u => ['--ulimit', u])

/** True when the kernel would hand `program` to this entry. */
/** Where root's podman keeps its blob info cache, whatever the store (containers/image). */
const SYSTEM_CACHE = '/var/lib/containers'

/** Mount points under `dir` (a store's overlay mounts, if any were left). */
async function mountsUnder(dir: string): Promise<string[]> {
  const lines = (await readFile('/proc/self/mountinfo', 'utf8')).split('\n')
  return lines.map(l => l.split(' ')[4] ?? '').filter(m => m === dir || m.startsWith(`${dir}/`))
}

describe('podman: emulated containers through the global binfmt_misc table', () => {
  let store = ''
  let engine: Engine
  const systemCacheExisted = existsSync(SYSTEM_CACHE)
  let global: GlobalEntries | undefined

  const podman = (...args: string[]) => run([...engine.command, ...args], { allowFailure: true })

  beforeAll(async () => {
    if (!existsSync('/usr/bin/podman')) {
      throw new Error(
        'podman is missing, and these tests need it: apt-get install -y --no-install-recommends podman ' +
          '(.ci/run installs it)'
      )
    }
    store = await mkdtemp(join(tmpdir(), 'podman-store-'))
    engine = containerEngine('podman', {
      global: [
        '--root',
        join(store, 'root'),
        '--runroot',
        join(store, 'runroot'),
        '--tmpdir',
        join(store, 'tmp'),
        '--runtime',
        PODMAN_RUNTIME
      ],
      run: ULIMITS
    })
    if (!(await dockerAvailable(memoryLog(), engine))) {
      const info = await podman('info')
      throw new Error(`podman info fails with a store in ${store}: ${info.stderr.trim()}`)
    }

    global = await GlobalEntries.register(TARGETS)
  }, SLOW)

  afterAll(async () => {
    const problems = (await global?.remove()) ?? []
    if (store) {
      await podman('rmi', '--all', '--force')
      for (const mount of (await mountsUnder(store)).reverse()) {
        await run(['umount', '--lazy', mount], { allowFailure: true })
      }
      await rm(store, { recursive: true, force: true })
    }
    // The blob info cache podman load created: removed when it is all there is.
    if (!systemCacheExisted && existsSync(SYSTEM_CACHE)) {
      const files = await readdir(SYSTEM_CACHE, { recursive: true })
      if (files.every(f => f === 'cache' || /^cache\/blob-info-cache-v\d+\.\w+$/.test(f))) {
        await rm(SYSTEM_CACHE, { recursive: true, force: true })
      }
    }
    if (problems.length > 0) throw new Error(problems.join('\n'))
    if (global) expect(await global.table.list()).toEqual(global.before)
  }, SLOW)

  test('availableEngine: Docker first, Podman when no Docker daemon answers', async () => {
    const noDocker = containerEngine('docker', {
      global: ['--host', 'unix:///nonexistent/setup-binfmt-test.sock']
    })
    const log = memoryLog()
    expect(await availableEngine(log, [noDocker, engine])).toBe(engine)
    expect(log.lines.join('\n')).toMatch(/docker: no daemon answers/)
    expect(log.lines.join('\n')).toMatch(/podman: \d+\.\d+\.\d+ answers/)
    const missing: Engine = { name: 'podman', command: ['/nonexistent/podman'] }
    expect(await availableEngine(memoryLog(), [noDocker, missing])).toBeUndefined()
  })

  test(
    'dockerSmoke with podman runs the aarch64, arm and riscv64 probes, all at once, and removes the images',
    async () => {
      const start = performance.now()
      const results = await dockerSmoke(TARGETS, memoryLog(), { engine })
      const ms = Math.round(performance.now() - start)
      console.log(
        `dockerSmoke(${TARGETS.join(', ')}) with podman: ${ms} ms in all; podman run: ` +
          results.map(r => `${r.target} ${r.ms} ms`).join(', ')
      )
      expect(results.map(r => ({ target: r.target, ok: r.ok, output: r.output }))).toEqual(
        TARGETS.map(target => ({ target, ok: true, output: probeMarker(target) }))
      )
      expect(results.map(r => r.platform)).toEqual(['linux/arm64', 'linux/arm/v7', 'linux/riscv64'])
      for (const r of results) {
        expect(r.code).toBe(0)
        expect(r.command.slice(0, engine.command.length + 1)).toEqual([...engine.command, 'run'])
        expect(r.command).toEqual(
          expect.arrayContaining(['--network', 'none', '--pull', 'never', ...ULIMITS])
        )
      }
      const left = await podman('images', '-q', PROBE_REPOSITORY)
      expect(left.code).toBe(0)
      expect(left.stdout.trim()).toBe('')
    },
    SLOW
  )

  test(
    "a target without a binfmt_misc entry fails with podman's error and a hint",
    async () => {
      const target = unclaimedTarget((await global?.table.list()) ?? [])
      const [result] = await dockerSmoke([target], memoryLog(), { engine })
      expect(result).toMatchObject({ target, ok: false })
      expect(result.code).not.toBe(0)
      expect(result.output).toMatch(/exec format error/)
      expect(result.output).toMatch(new RegExp(`no binfmt_misc entry for ${target}`))
    },
    SLOW
  )

  test(
    'dockerUname with podman: busybox for arm64 in an image built here says aarch64',
    async () => {
      await run([...engine.command, 'load', '-q'], {
        input: busyboxImage(BUSYBOX_IMAGE, { shell: true })
      })

      const [result] = await dockerUname(BUSYBOX_IMAGE, ['aarch64'], memoryLog(), { engine })
      expect(result).toMatchObject({ target: 'aarch64', platform: 'linux/arm64', ok: true })
      expect(result.output).toBe('aarch64')
      expect(result.command).toEqual(
        expect.arrayContaining(['--platform', 'linux/arm64', BUSYBOX_IMAGE, 'uname', '-m'])
      )

      // The image has no riscv64 variant: podman tries to pull one (from localhost) and fails.
      const [other] = await dockerUname(BUSYBOX_IMAGE, ['riscv64'], memoryLog(), {
        engine,
        timeoutMs: 60_000
      })
      expect(other).toMatchObject({ target: 'riscv64', ok: false })
      expect(other.output).toMatch(/^exit \d+; .*Error: /)
    },
    SLOW
  )
})
