// The setuid check as GitHub-hosted runners run it: a non-root user with passwordless sudo.
// The test creates that user and its sudoers file, runs the built CLI's install as the user
// against the machine's GLOBAL table (the user's processes see no other), then uninstall, and
// removes the user again. Needs root and the exclusive lock (see the rules for tests).

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { run } from '../../src/util/exec.js'
import { createUser, removeUser } from '../helpers/users.js'
import { cliArgv } from '../helpers/runner.js'

const USER = `sbdeep${process.pid}`
const asRoot = process.getuid?.() === 0
const rootTest = asRoot ? test : test.skip

let dir = ''

beforeAll(async () => {
  if (!asRoot) return
  const user = await createUser(USER, { sudo: true })
  dir = mkdtempSync(join(tmpdir(), 'deep-sudo-'))
  chownSync(dir, user.uid, user.gid)
})

afterAll(async () => {
  if (!asRoot) return
  await removeUser(USER)
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** The built CLI as the user, with the environment a runner step has. */
const cli = (...args: string[]) =>
  run(
    [
      'sudo',
      '-u',
      USER,
      '--',
      'env',
      `HOME=${dir}`,
      `TMPDIR=${dir}`,
      `SETUP_BINFMT_LOCK_DIR=${join(dir, 'lock')}`,
      ...cliArgv(),
      ...args,
      '--state',
      join(dir, 'state.json')
    ],
    { allowFailure: true }
  )

rootTest(
  'install as a non-root user with sudo: the setuid probe, made root’s by sudo, runs as root',
  async () => {
    const before = await BinfmtTable.read()
    let installed: Awaited<ReturnType<typeof cli>> | undefined
    try {
      installed = await cli(
        'install',
        '--platforms',
        'arm64,arm',
        '--source',
        'system',
        '--verify',
        'exec',
        '--json'
      )
    } finally {
      const removed = await cli('uninstall')
      expect([removed.code, removed.stderr]).toEqual([0, expect.any(String)])
      expect(await BinfmtTable.read()).toEqual(before)
    }
    expect([installed.code, installed.stderr]).toEqual([0, expect.any(String)])
    const result = JSON.parse(installed.stdout) as {
      verified: { target: string; method: string; ok: boolean; detail?: string }[]
    }
    expect(result.verified.map(v => [v.target, v.method, v.ok, v.detail])).toEqual(
      ['aarch64', 'arm']
        .flatMap(t => [
          [t, 'exec', true, undefined],
          [t, 'chroot', true, undefined]
        ])
        .concat(
          ['aarch64', 'arm'].flatMap(t => [
            [t, 'exe', true, undefined],
            [t, 'argv0', true, undefined],
            [t, 'setuid', true, undefined]
          ])
        )
    )
  },
  60000
)
