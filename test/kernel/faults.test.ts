// Faults, each for real: a full disk while extracting, binfmt_misc that cannot be mounted,
// no root and no sudo, and a main step killed with SIGKILL after registering.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { run } from '../../src/util/exec.js'
import { buildMirror, entry, writeManifest } from '../helpers/mirror.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { distEntry, inputs, readStep, runnerStep, stepEnv, CLI } from '../helpers/runner.js'
import { MirrorServer } from '../helpers/server.js'
import { asNobody } from '../helpers/users.js'

let ns: PrivateNamespace
let dir: string

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  dir = mkdtempSync(join(tmpdir(), 'faults-'))
})
afterEach(async () => {
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const names = async (root = ns.root) => (await BinfmtTable.read(root)).map(e => e.name)

describe('disk full while extracting', () => {
  let mirrorDir: string
  let server: MirrorServer
  beforeAll(async () => {
    mirrorDir = mkdtempSync(join(tmpdir(), 'mirror-'))
    const files = await buildMirror(mirrorDir)
    server = await MirrorServer.start(mirrorDir)
    // A local manifest, so its files may be plain http.
    const download_url = `${server.url}/files/${files.aarch64.filename}`
    writeManifest(mirrorDir, 'manifest.json', [
      {
        version: '7.2.0',
        stable: true,
        files: [entry(files.aarch64, ['aarch64'], { download_url })]
      }
    ])
  })
  afterAll(async () => {
    await server?.stop()
    rmSync(mirrorDir, { recursive: true, force: true })
  })

  test('a 6 MB temporary folder holds the 3 MB download but not the 15 MB interpreter', async () => {
    const temp = join(dir, 'temp')
    const cache = join(dir, 'cache')
    mkdirSync(temp)
    mkdirSync(cache)
    await ns.exec(['mount', '-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', temp])
    const result = await ns.exec(
      [
        process.execPath,
        CLI,
        'install',
        '--platforms',
        'arm64',
        '--source',
        'download',
        '--manifest',
        join(mirrorDir, 'manifest.json'),
        '--verify',
        'none',
        '--state',
        join(dir, 'state.json')
      ],
      {
        env: {
          ...process.env,
          RUNNER_TEMP: temp,
          RUNNER_TOOL_CACHE: cache,
          SETUP_BINFMT_LOCK_DIR: join(dir, 'lock')
        },
        allowFailure: true
      }
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/ENOSPC|no space left on device/i)
    expect(server.requests).toContain(`/files/qemu-aarch64-7.2.0-linux-x64.tar.gz`)
    expect(await names()).toEqual([])
    // Nothing half-written: no cache entry, and the temporary folder is empty again.
    expect(readdirSync(cache, { recursive: true })).toEqual([])
    expect((await ns.exec(['ls', '-A', temp])).stdout).toBe('')
  })
})

test('binfmt_misc not mounted and not mountable: a clear error, nothing changed', async () => {
  const bare = await PrivateNamespace.start({ mounted: false })
  try {
    // A nested user namespace owns no mount namespace: mounting is refused there.
    const result = await bare.exec(
      [
        'unshare',
        '--user',
        '--map-root-user',
        '--',
        process.execPath,
        CLI,
        'install',
        '--platforms',
        'arm64',
        '--source',
        'system',
        // auto would take a container engine here: a nested namespace cannot mount its own
        '--registrar',
        'direct',
        '--state',
        join(dir, 'state.json')
      ],
      { env: { ...process.env, SETUP_BINFMT_LOCK_DIR: join(dir, 'lock') }, allowFailure: true }
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /binfmt_misc is not mounted at \/proc\/sys\/fs\/binfmt_misc and mounting it failed \(.*\)\. Mount it with 'mount -t binfmt_misc binfmt_misc \/proc\/sys\/fs\/binfmt_misc', or load the binfmt_misc kernel module\./
    )
    expect(existsSync(join(dir, 'state.json'))).toBe(false)
  } finally {
    await bare.stop()
  }
})

/** The built CLI's install of arm64 (the system's QEMU) as nobody, who has no sudo. */
const installAsNobody = (...extra: string[]) =>
  run(
    asNobody([
      process.execPath,
      CLI,
      'install',
      '--platforms',
      'arm64',
      '--source',
      'system',
      ...extra,
      '--state',
      join(dir, 'state.json')
    ]),
    {
      env: { PATH: process.env.PATH, HOME: dir, SETUP_BINFMT_LOCK_DIR: join(dir, 'lock') },
      // Nobody's own folder: the checkout may be one nobody cannot enter (Podman chdirs).
      cwd: dir,
      allowFailure: true
    }
  )

test('not root and no sudo: a clear error before anything changes', async () => {
  chmodSync(dir, 0o777)
  const before = await BinfmtTable.read()
  const result = await installAsNobody()
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(
    /Changing binfmt_misc needs root, and this user \(uid 65534\) has no passwordless sudo \(sudo -n true: .*\)\. Run as root, or allow this user to run sudo without a password\./
  )
  expect(await BinfmtTable.read()).toEqual(before)
})

test('rootless Podman: registrar podman stops with an error that says what would work', async () => {
  chmodSync(dir, 0o777)
  const before = await BinfmtTable.read()
  // As nobody, Podman runs rootless: its privileged containers live in a user namespace.
  const result = await installAsNobody('--registrar', 'podman')
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(
    /registrar 'podman': Podman runs rootless here \(podman info: true\): its privileged containers live in a user namespace and cannot change the host's binfmt_misc\. To get emulation, register from the host instead: as root or with sudo \(registrar: direct\), once per boot with 'sudo setup-binfmt export'/
  )
  expect(await BinfmtTable.read()).toEqual(before)
})

test('main killed with SIGKILL after registering: post restores the table', async () => {
  const platforms =
    'arm64,arm,riscv64,ppc64le,s390x,mips64le,mips64,loong64,sparc64,m68k,sh4,alpha,hppa,or1k'
  const { files, env } = stepEnv(dir, 'main', inputs({ platforms, source: 'system' }))
  const main = spawn(
    'nsenter',
    ['-t', String(ns.pid), '-U', '-m', '--', process.execPath, distEntry('main')],
    { env, stdio: 'ignore' }
  )
  const exited = new Promise(r => main.once('exit', r))
  // Kill it once the kernel has an entry it registered (its state is saved before that).
  for (let i = 0; ; i++) {
    if ((await names()).length > 0) break
    if (i > 2000) throw new Error('main never registered anything')
    await new Promise(r => setTimeout(r, 1))
  }
  main.kill('SIGKILL')
  await exited
  const registered = await names()
  expect(registered.length).toBeGreaterThan(0)

  const { state } = readStep(files)
  const post = await runnerStep(ns, dir, 'post', { STATE_binfmt: state.binfmt })
  expect(post.code).toBe(0)
  expect(post.stdout).toMatch(/binfmt_misc is as it was before the run \(0 entries\)/)
  expect(await names()).toEqual([])
})
