// The built bundles, run exactly as the runner runs them: node dist/main/index.js with INPUT_*
// and the GITHUB_* files, then dist/post/index.js with STATE_* read from GITHUB_STATE. Inside a
// private binfmt_misc namespace, so the host's table is never touched.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable, type Entry } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { inputs, runnerStep } from '../helpers/runner.js'

let ns: PrivateNamespace
let dir: string

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  dir = mkdtempSync(join(tmpdir(), 'runner-'))
})
afterEach(async () => {
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const step = (entry: 'main' | 'post', env: Record<string, string>) =>
  runnerStep(ns, dir, entry, env)

describe('the action as the runner runs it', () => {
  test('main registers arm64 and arm, sets outputs and summary; post restores the table', async () => {
    const table = await BinfmtTable.open({ root: ns.root })
    const theirs: Entry = {
      ...wantedEntry('riscv64', qemuStatic('riscv64'), 'OCF'),
      name: 'qemu-riscv64'
    }
    await table.register(theirs)
    const before = await table.list()

    const main = await step(
      'main',
      inputs({ platforms: 'arm64,arm', source: 'system', flags: 'POCF' })
    )
    expect(main.code).toBe(0)
    expect(main.stdout).toMatch(/::group::Register/)
    expect(main.outputs).toEqual({
      platforms: 'linux/amd64,linux/386,linux/arm64,linux/arm/v7,linux/arm/v6',
      'emulated-platforms': 'linux/arm64,linux/arm/v7,linux/arm/v6',
      emulators: 'qemu-aarch64,qemu-arm',
      'qemu-version': expect.stringMatching(/^\d+\.\d+\.\d+$/),
      // source: system: the interpreters on this machine are the files.
      'qemu-files': `${qemuStatic('aarch64')},${qemuStatic('arm')}`,
      'cache-hit': 'true'
    })
    expect(main.stdout).toMatch(/^linux\/arm64 \(aarch64\) exec: ok in \d+ ms$/m)
    expect(main.summary).toMatch(/<td>linux\/arm64<\/td><td>aarch64<\/td><td>qemu-aarch64<\/td>/)
    expect((await table.list()).map(e => e.name)).toEqual([
      'qemu-aarch64',
      'qemu-arm',
      'qemu-riscv64'
    ])
    expect((await ns.exec([busybox('armhf'), 'uname', '-m'])).stdout.trim()).toBe('armv7l')

    const post = await step('post', { STATE_binfmt: main.state.binfmt })
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/removed qemu-arm\n.*removed qemu-aarch64/s)
    expect(post.stdout).toMatch(/binfmt_misc is as it was before the run \(1 entries\)/)
    expect(post.summary).toMatch(/The table equals its state before the job/)
    expect(await table.list()).toEqual(before)
  })

  test('main mounts binfmt_misc when it is not mounted', async () => {
    const bare = await PrivateNamespace.start({ mounted: false })
    const saved = ns
    ns = bare
    try {
      // direct: auto would take the engine here (a user namespace's own binfmt_misc is not
      // the one containers use), and the engine changes the host's table.
      const main = await step(
        'main',
        inputs({ platforms: 'arm64', source: 'system', registrar: 'direct' })
      )
      expect(main.code).toBe(0)
      expect(main.stdout).toMatch(/registrar: direct\n/)
      expect(main.stdout).toMatch(
        /binfmt_misc is not mounted at \/proc\/sys\/fs\/binfmt_misc: mounting it/
      )
      const mounts = await bare.exec(['cat', '/proc/self/mounts'])
      expect(mounts.stdout).toMatch(/^binfmt_misc \/proc\/sys\/fs\/binfmt_misc binfmt_misc/m)
      const post = await step('post', { STATE_binfmt: main.state.binfmt })
      expect(post.code).toBe(0)
      // Still mounted after post: unmounting would destroy every entry.
      expect((await bare.exec(['cat', '/proc/self/mounts'])).stdout).toMatch(/^binfmt_misc /m)
    } finally {
      ns = saved
      await bare.stop()
    }
  })

  test('bad input fails main with a message that names the value; post has nothing to do', async () => {
    const main = await step('main', inputs({ platforms: 'arm64,armv9', source: 'system' }))
    expect(main.code).toBe(1)
    expect(main.stdout).toMatch(/::error::Unknown platform 'armv9'\. Valid names: all, /)
    expect(main.state.binfmt).toBeUndefined()
    const post = await step('post', {})
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/Nothing to restore/)
  })

  test('cleanup false leaves the entries in place', async () => {
    const main = await step(
      'main',
      inputs({ platforms: 'arm64', source: 'system', cleanup: 'false' })
    )
    expect(main.code).toBe(0)
    const post = await step('post', { STATE_binfmt: main.state.binfmt })
    expect(post.stdout).toMatch(/cleanup is false: leaving qemu-aarch64 as it is/)
    const table = await BinfmtTable.open({ root: ns.root })
    expect((await table.list()).map(e => e.name)).toEqual(['qemu-aarch64'])
  })
})
