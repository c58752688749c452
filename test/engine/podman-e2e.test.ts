// The built CLI on the host's global table with verify podman: install arm64, arm and riscv64,
// containers run by Podman with a store and configuration of their own (helpers/podman.ts), then uninstall. The table is put back in `finally`.

import { expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { run } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { restore } from '../../src/binfmt/restore.js'
import { fileStore } from '../../src/binfmt/journal.js'
import { podmanEnv } from '../helpers/podman.js'
import { checkedLines, cliArgv, cliWithState, installChecked } from '../helpers/runner.js'

/**
 * Whatever happened: the table put back from the state the test's CLI left in `dir`, Podman's
 * images and `dir` removed, and the blob info cache podman load keeps for root, outside any
 * store, when the test made it.
 */
async function cleanUp(
  table: BinfmtTable,
  dir: string,
  env: NodeJS.ProcessEnv,
  cacheExisted: boolean
): Promise<void> {
  const left = fileStore(join(dir, 'state.json')).load()
  if (left) await restore(table, left, memoryLog())
  await run(['podman', 'rmi', '--all', '--force'], { allowFailure: true, env })
  rmSync(dir, { recursive: true, force: true })
  if (!cacheExisted) rmSync('/var/lib/containers', { recursive: true, force: true })
}

test('install with verify podman, then uninstall', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'podman-e2e-'))
  const state = join(dir, 'state.json')
  const env = { ...process.env, ...podmanEnv(dir) }
  const cacheExisted = existsSync('/var/lib/containers')
  const table = await BinfmtTable.open()
  const before = await table.list()
  try {
    const cli = cliWithState(state, env)
    const install = await installChecked(cli, 'podman')
    for (const line of checkedLines('podman')) expect(install.stderr).toMatch(line)
    expect(install.stderr).not.toMatch(/ exec: /)
    expect(install.code).toBe(0)
    // verify auto: Docker first; with no Docker daemon answering, Podman.
    const auto = await run(
      [...cliArgv(), 'install', '--platforms', 'arm64', '--source', 'system', '--state', state],
      { allowFailure: true, env: { ...env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } }
    )
    expect(auto.stderr).toMatch(/^containers: checking with podman$/m)
    expect(auto.stderr).toMatch(/^linux\/arm64 \(aarch64\) exec: ok/m)
    expect(auto.stderr).toMatch(/^linux\/arm64 \(aarch64\) podman: ok in \d+ ms$/m)
    expect(auto.code).toBe(0)
    expect((await cli('uninstall')).code).toBe(0)
    expect(await table.list()).toEqual(before)
  } finally {
    await cleanUp(table, dir, env, cacheExisted)
  }
}, 180_000)

test('a Podman that cannot start containers: verify auto warns and succeeds, verify podman fails and leaves the table as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'podman-broken-'))
  const state = join(dir, 'state.json')
  // A real Podman that cannot start any container: it raises the container's open files to
  // 1048576, and this process, like a runner's container, lacks CAP_SYS_RESOURCE (setpriv
  // drops it, so the case is the same on every machine). Docker is hidden.
  const env = {
    ...process.env,
    ...podmanEnv(dir, { ulimits: false }),
    DOCKER_HOST: 'unix:///nonexistent/docker.sock'
  }
  const cacheExisted = existsSync('/var/lib/containers')
  const table = await BinfmtTable.open()
  const before = await table.list()
  const cli = (...args: string[]) =>
    run(
      [
        'setpriv',
        '--inh-caps=-sys_resource',
        '--bounding-set=-sys_resource',
        ...cliArgv(),
        ...args,
        '--state',
        state
      ],
      { allowFailure: true, env }
    )
  try {
    const auto = await cli('install', '--platforms', 'arm64', '--source', 'system')
    expect(auto.stderr).toMatch(/^linux\/arm64 \(aarch64\) exec: ok/m)
    expect(auto.stderr).toMatch(
      /warning: Podman cannot start containers here: a container of this host's own platform \(linux\/amd64\) fails \(podman run .*: exit \d+; .*rlimit.*\)\. Fix podman so that it runs containers\. Container check skipped \(verify: auto\): exec and chroot checks ran/
    )
    expect(auto.code).toBe(0)
    expect((await cli('uninstall')).code).toBe(0)
    expect(await table.list()).toEqual(before)

    const named = await cli(
      'install',
      '--platforms',
      'arm64',
      '--source',
      'system',
      '--verify',
      'podman'
    )
    expect(named.stderr).toMatch(
      /setup-binfmt: verify 'podman': Podman cannot start containers here: .*Fix podman so that it runs containers, or use verify: exec/
    )
    expect(named.stderr).toMatch(
      /Verification failed: removing what this run registered \(qemu-aarch64\)/
    )
    expect(named.code).toBe(1)
    expect(await table.list()).toEqual(before)
  } finally {
    await cleanUp(table, dir, env, cacheExisted)
  }
}, 180_000)
