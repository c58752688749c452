// The files setup-binfmt keeps: their modes whatever the umask, and the action's step state,
// which must stay small however large the table.

import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { BinfmtTable, type Entry } from '../../src/binfmt/table.js'
import { storeCached } from '../../src/qemu/cache.js'
import { qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { inputs, runnerStep, CLI } from '../helpers/runner.js'

const ARM64 = ['--platforms', 'arm64', '--source', 'system', '--verify', 'none']

let ns: PrivateNamespace
let dir: string

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  dir = mkdtempSync(join(tmpdir(), 'state-files-'))
})
afterEach(async () => {
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const mode = (path: string) => (statSync(path).mode & 0o7777).toString(8)

test('under umask 000, the state, lock and tool-cache folders and files get modes of their own', async () => {
  const state = join(dir, 'state', 'state.json')
  const lock = join(dir, 'lock', 'binfmt')
  const env = { ...process.env, SETUP_BINFMT_LOCK_DIR: lock }
  const underUmask0 = (...args: string[]) =>
    ns.exec(['sh', '-c', 'umask 000 && exec "$@"', 'sh', process.execPath, CLI, ...args], {
      env,
      allowFailure: true
    })
  expect((await underUmask0('install', ...ARM64, '--state', state)).code).toBe(0)
  expect({
    state: mode(dirname(state)),
    stateFile: mode(state),
    lockParent: mode(dirname(lock)),
    lock: mode(lock),
    owners: mode(join(lock, 'owners.json'))
  }).toEqual({ state: '700', stateFile: '600', lockParent: '700', lock: '700', owners: '600' })
  expect((await underUmask0('uninstall', '--state', state)).code).toBe(0)
  expect(await BinfmtTable.read(ns.root)).toEqual([])

  const cache = join(dir, 'cache')
  const saved = { cache: process.env.RUNNER_TOOL_CACHE, umask: process.umask(0) }
  try {
    process.env.RUNNER_TOOL_CACHE = cache
    await storeCached('qemu-aarch64', '7.2.0', 'x64', qemuStatic('aarch64'))
  } finally {
    process.umask(saved.umask)
    if (saved.cache === undefined) delete process.env.RUNNER_TOOL_CACHE
    else process.env.RUNNER_TOOL_CACHE = saved.cache
  }
  const modes = Object.fromEntries(
    ['', ...readdirSync(cache, { recursive: true, encoding: 'utf8' })].map(f => [
      f,
      mode(join(cache, f))
    ])
  )
  expect(modes).toEqual({
    '': '755',
    'qemu-aarch64': '755',
    'qemu-aarch64/7.2.0': '755',
    'qemu-aarch64/7.2.0/x64': '755',
    'qemu-aarch64/7.2.0/x64/qemu-aarch64': '755',
    'qemu-aarch64/7.2.0/x64/qemu-aarch64.sha256': '644',
    'qemu-aarch64/7.2.0/x64.complete': '644'
  })
})

/** An entry of another tool's, with a long interpreter path, as a busy host may hold 700 of. */
function theirs(i: number): Entry {
  const magic = Buffer.alloc(16)
  magic.writeUInt32BE(0x53420000 + i)
  return {
    name: `vendor-format-${String(i).padStart(4, '0')}`,
    enabled: true,
    interpreter: `/opt/vendor/emulation/toolchains/release-2026.11/bin/interpreter-${i}`,
    flags: '',
    offset: 0,
    magic: magic.toString('hex'),
    mask: 'ff'.repeat(16)
  }
}

test('a table of 700 entries: the step state is a short path saved once, and post restores the table', async () => {
  const table = await BinfmtTable.open({ root: ns.root })
  for (let i = 0; i < 700; i++) await table.register(theirs(i))
  const before = await table.list()

  const main = await runnerStep(
    ns,
    dir,
    'main',
    inputs({ platforms: 'arm64,arm', source: 'system' })
  )
  expect(main.code).toBe(0)
  // GITHUB_STATE holds one short value, whatever the number of changes.
  const stateFile = readFileSync(join(dir, 'main-state'), 'utf8')
  expect(stateFile.match(/^binfmt<</gm)).toHaveLength(1)
  expect(stateFile.length).toBeLessThan(300)
  // What it points to is larger than the kernel passes in one environment variable (128 KB):
  // as the step state itself, post could not even be started.
  const file = main.state.binfmt
  expect(readFileSync(file, 'utf8').length).toBeGreaterThan(128 * 1024)
  expect(mode(dirname(file))).toBe('700')
  expect(mode(file)).toBe('600')

  const post = await runnerStep(ns, dir, 'post', { STATE_binfmt: file })
  expect(post.code).toBe(0)
  expect(post.stdout).toMatch(/binfmt_misc is as it was before the run \(700 entries\)/)
  expect(await table.list()).toEqual(before)
  expect(existsSync(dirname(file))).toBe(false)
}, 60_000)
