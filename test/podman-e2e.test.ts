// The built CLI on the host's global table with verify podman: install arm64, arm and riscv64,
// containers run by Podman with a store and configuration of their own (helpers/podman.ts), then uninstall. The table is put back in `finally`.

import { expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { BinfmtTable } from '../src/binfmt/table.js'
import { run } from '../src/util/exec.js'
import { memoryLog } from '../src/util/log.js'
import { restore } from '../src/binfmt/restore.js'
import { fileStore } from '../src/binfmt/journal.js'
import { podmanEnv } from './helpers/podman.js'

test('install with verify podman, then uninstall', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'podman-e2e-'))
  const state = join(dir, 'state.json')
  const env = { ...process.env, ...podmanEnv(dir) }
  const cacheExisted = existsSync('/var/lib/containers')
  const table = await BinfmtTable.open()
  const before = await table.list()
  try {
    const cli = (...args: string[]) =>
      run([process.execPath, resolve('dist/cli/index.js'), ...args, '--state', state], {
        allowFailure: true,
        env
      })
    const install = await cli(
      'install',
      '--platforms',
      'arm64,arm,riscv64',
      '--source',
      'system',
      '--verify',
      'podman'
    )
    expect(install.stderr).toMatch(/^linux\/arm64 \(aarch64\) podman: ok in \d+ ms$/m)
    expect(install.stderr).toMatch(/^linux\/arm\/v7 \(arm\) podman: ok in \d+ ms$/m)
    expect(install.stderr).toMatch(/^linux\/riscv64 \(riscv64\) podman: ok in \d+ ms$/m)
    expect(install.stderr).not.toMatch(/ exec: /)
    expect(install.code).toBe(0)
    // verify auto: Docker first; with no Docker daemon answering, Podman.
    const auto = await run(
      [
        process.execPath,
        resolve('dist/cli/index.js'),
        'install',
        '--platforms',
        'arm64',
        '--source',
        'system',
        '--state',
        state
      ],
      { allowFailure: true, env: { ...env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } }
    )
    expect(auto.stderr).toMatch(/^containers: checking with podman$/m)
    expect(auto.stderr).toMatch(/^linux\/arm64 \(aarch64\) exec: ok/m)
    expect(auto.stderr).toMatch(/^linux\/arm64 \(aarch64\) podman: ok in \d+ ms$/m)
    expect(auto.code).toBe(0)
    expect((await cli('uninstall')).code).toBe(0)
    expect(await table.list()).toEqual(before)
  } finally {
    const left = fileStore(state).load()
    if (left) await restore(table, left, memoryLog())
    await run(['podman', 'rmi', '--all', '--force'], { allowFailure: true, env })
    rmSync(dir, { recursive: true, force: true })
    // The blob info cache podman load keeps for root, outside any store: ours when new.
    if (!cacheExisted) rmSync('/var/lib/containers', { recursive: true, force: true })
  }
}, 180_000)
