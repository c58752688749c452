// The built CLI on the host's global table, as on a runner: install arm64, arm and riscv64
// with verify docker (probe images in containers) and a smoke image, then uninstall. The
// table is put back in `finally`, also when an assertion fails.

import { expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { run } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { restore } from '../../src/binfmt/restore.js'
import { fileStore } from '../../src/binfmt/journal.js'
import { busyboxImage } from '../helpers/fixtures.js'
import { checkedLines, cliArgv, cliWithState, installChecked } from '../helpers/runner.js'

const IMAGE = 'localhost/setup-binfmt-e2e-busybox:arm64'

test('install with verify docker and a smoke image, then uninstall', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-'))
  const state = join(dir, 'state.json')
  const table = await BinfmtTable.open()
  const before = await table.list()
  await run(['docker', 'load', '-q'], { input: busyboxImage(IMAGE) })
  try {
    const cli = cliWithState(state)
    const install = await installChecked(cli, 'docker')
    for (const line of checkedLines('docker')) expect(install.stderr).toMatch(line)
    expect(install.stderr).not.toMatch(/ exec: /)
    expect(install.code).toBe(0)

    const smoke = await cli(
      'install',
      '--platforms',
      'arm64',
      '--source',
      'system',
      '--smoke-image',
      IMAGE
    )
    expect(smoke.code).toBe(0)
    expect(smoke.stderr).toMatch(/^linux\/arm64 \(aarch64\) exec: ok/m)
    expect(smoke.stderr).toMatch(/^linux\/arm64 \(aarch64\) image: ok in \d+ ms$/m)

    const uninstall = await cli('uninstall')
    expect(uninstall.code).toBe(0)
    expect(await table.list()).toEqual(before)
  } finally {
    // Whatever failed above, leave the host's table as it was.
    const left = fileStore(state).load()
    if (left) await restore(table, left, memoryLog())
    await run(['docker', 'rmi', IMAGE], { allowFailure: true })
    rmSync(dir, { recursive: true, force: true })
  }
}, 180_000)

test('in a user namespace with its own binfmt_misc: exec passes, Docker gets ENOEXEC, and the message says why', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docker-userns-'))
  const table = await BinfmtTable.open()
  const before = await table.list()
  try {
    // This process's table is a private instance (Linux 6.7+); Docker's containers use the host's.
    const install = await run(
      [
        'unshare',
        '--user',
        '--map-root-user',
        '--mount',
        'sh',
        '-c',
        'mount -t binfmt_misc none /proc/sys/fs/binfmt_misc && exec "$@"',
        'sh',
        ...cliArgv(),
        'install',
        '--platforms',
        'arm64',
        '--source',
        'system',
        '--state',
        join(dir, 'state.json')
      ],
      { allowFailure: true, env: { ...process.env, SETUP_BINFMT_LOCK_DIR: join(dir, 'lock') } }
    )
    expect(install.stderr).toMatch(/^linux\/arm64 \(aarch64\) exec: ok/m)
    expect(install.stderr).toMatch(
      /linux\/arm64 \(aarch64, docker\): .*exec format error \(ENOEXEC\); this process runs in a user namespace \(uid_map "0 0 1"\), whose binfmt_misc is its own: the entries registered here are not in the host's table, which Docker's containers use/
    )
    expect(install.stderr).not.toMatch(/with the F flag/)
    expect(install.code).toBe(1)
    expect(await table.list()).toEqual(before)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 180_000)
