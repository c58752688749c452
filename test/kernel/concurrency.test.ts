// Two and more runs at once on one table, as several runners on one self-hosted machine: the
// built CLI in parallel processes, in a private binfmt_misc namespace sharing one lock folder.

import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { busybox } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { cliArgv } from '../helpers/runner.js'

let ns: PrivateNamespace
let dir: string

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  dir = mkdtempSync(join(tmpdir(), 'race-'))
})
afterEach(async () => {
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** One "job": its own state file, the host's shared lock folder. */
const job = (name: string, ...args: string[]) =>
  ns.exec([...cliArgv(), ...args, '--state', join(dir, `${name}.json`)], {
    env: { ...process.env, SETUP_BINFMT_LOCK_DIR: join(dir, 'lock') },
    allowFailure: true
  })

const names = async () =>
  (await (await BinfmtTable.open({ root: ns.root })).list()).map(e => e.name)

test('two jobs racing share qemu-aarch64; the first to finish leaves it to the other', async () => {
  const install = (name: string, platforms: string) =>
    job(name, 'install', '--platforms', platforms, '--source', 'system', '--verify', 'exec')
  const [a, b] = await Promise.all([install('a', 'arm64,arm'), install('b', 'arm64,riscv64')])
  expect([a.code, b.code, a.stderr + b.stderr]).toEqual([
    0,
    0,
    expect.not.stringMatching(/File exists/)
  ])
  expect(await names()).toEqual(['qemu-aarch64', 'qemu-arm', 'qemu-riscv64'])

  const first = await job('a', 'uninstall')
  expect(first.code).toBe(0)
  // a removes its own qemu-arm but not the shared qemu-aarch64 (it says "left ... in place" when
  // it registered it, nothing when it joined b's).
  expect(first.stderr).toMatch(/removed qemu-arm\n/)
  expect(first.stderr).not.toMatch(/removed qemu-aarch64/)
  // b still relies on qemu-aarch64, whoever registered it.
  expect(await names()).toEqual(['qemu-aarch64', 'qemu-riscv64'])
  expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout).toBe('aarch64\n')

  const last = await job('b', 'uninstall')
  expect(last.code).toBe(0)
  expect(await names()).toEqual([])
})

test('four jobs at once: the lock serialises them, none fails, the last one out empties the table', async () => {
  const platforms = ['arm64,arm', 'arm64', 'arm,riscv64', 'riscv64,arm64']
  const results = await Promise.all(
    platforms.map((p, i) =>
      job(`j${i}`, 'install', '--platforms', p, '--source', 'system', '--verify', 'exec')
    )
  )
  expect(results.map(r => r.code)).toEqual([0, 0, 0, 0])
  expect(await names()).toEqual(['qemu-aarch64', 'qemu-arm', 'qemu-riscv64'])
  const undone = await Promise.all(platforms.map((_, i) => job(`j${i}`, 'uninstall')))
  expect(undone.map(r => [r.code, r.code === 0 ? '' : r.stderr])).toEqual([
    [0, ''],
    [0, ''],
    [0, ''],
    [0, '']
  ])
  expect(await names()).toEqual([])
})
