// The built command line inside a private binfmt_misc namespace: install, status, uninstall.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { cliArgv } from '../helpers/runner.js'

let ns: PrivateNamespace
let dir: string
let statePath: string

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  dir = mkdtempSync(join(tmpdir(), 'cli-'))
  statePath = join(dir, 'state.json')
})
afterEach(async () => {
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Containers use the host's table, not this namespace's: check by exec only. */
const verifyExec = (args: string[]) => (args[0] === 'install' ? ['--verify', 'exec'] : [])

const cli = (...args: string[]) =>
  ns.exec([...cliArgv(), ...args, '--state', statePath, ...verifyExec(args)], {
    // This namespace's table is not the host's: keep its lock and owners apart too.
    env: { ...process.env, SETUP_BINFMT_LOCK_DIR: join(dir, 'lock') },
    allowFailure: true
  })

/** What Debian's qemu-user-static says of itself: `qemu-aarch64 version 7.2.22 (Debian ...)`. */
const qemuVersion = /version (\S+)/.exec(
  execFileSync(qemuStatic('aarch64'), ['--version']).toString()
)![1]

describe('setup-binfmt CLI', () => {
  test('install, status, a foreign program, uninstall', async () => {
    const table = await BinfmtTable.open({ root: ns.root })
    await table.register({ ...wantedEntry('s390x', qemuStatic('s390x'), 'F'), name: 'qemu-s390x' })

    const install = await cli('install', '--platforms', 'arm64,arm', '--source', 'system')
    expect(install.code).toBe(0)
    expect(install.stdout).toBe(
      'platforms=linux/amd64,linux/386,linux/arm64,linux/arm/v7,linux/arm/v6\n' +
        'emulated-platforms=linux/arm64,linux/arm/v7,linux/arm/v6\n' +
        'emulators=qemu-aarch64,qemu-arm\n' +
        `qemu-version=${qemuVersion}\n` +
        `qemu-files=${qemuStatic('aarch64')},${qemuStatic('arm')}\n` +
        'cache-hit=true\n'
    )
    expect(install.stderr).toMatch(/^== Register$/m)
    expect(install.stderr).toMatch(/^linux\/arm\/v7 \(arm\) chroot: ok in \d+ ms$/m)
    expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout).toBe('aarch64\n')

    const status = await cli('status')
    expect(status.stdout).toMatch(
      /^qemu-aarch64 +enabled +POCF +\/usr\/bin\/qemu-aarch64-static +setup-binfmt$/m
    )
    expect(status.stdout).toMatch(/^qemu-s390x +enabled +F +\/usr\/bin\/qemu-s390x-static$/m)

    const json = JSON.parse((await cli('status', '--json')).stdout) as {
      mounted: boolean
      entries: Array<{ name: string; managed: boolean }>
    }
    expect(json.mounted).toBe(true)
    expect(json.entries.map(e => [e.name, e.managed])).toEqual([
      ['qemu-aarch64', true],
      ['qemu-arm', true],
      ['qemu-s390x', false]
    ])

    const uninstall = await cli('uninstall')
    expect(uninstall.code).toBe(0)
    expect(uninstall.stderr).toMatch(/binfmt_misc is as it was before the run \(1 entries\)/)
    expect((await table.list()).map(e => e.name)).toEqual(['qemu-s390x'])
    expect((await cli('uninstall')).stderr).toMatch(/Nothing to uninstall/)
    expect((await cli('uninstall', '--forget-owners')).stderr).toMatch(
      /Nothing to uninstall: .* \(no owners forgotten\)/
    )
  })

  test('installs accumulate; one uninstall undoes them all', async () => {
    expect((await cli('install', '--platforms', 'arm64', '--source', 'system')).code).toBe(0)
    expect(
      (await cli('install', '--platforms', 'riscv64', '--flags', 'F', '--source', 'system')).code
    ).toBe(0)
    expect(
      (await cli('install', '--platforms', 'arm64', '--flags', 'OCF', '--source', 'system')).stdout
    ).toMatch(/emulators=qemu-aarch64-setup-binfmt/)
    expect((await cli('uninstall')).code).toBe(0)
    expect(await (await BinfmtTable.open({ root: ns.root })).list()).toEqual([])
  })

  test.each([
    [
      ['install', '--platforms', 'arm64', '--flags', 'POCX'],
      /flags 'POCX' has "X": only the letters P, O, C and F/
    ],
    [['install', '--platforms', 'sparc128'], /Unknown platform 'sparc128'/],
    [['install', '--source', 'ftp'], /source 'ftp' is not one of auto, download, package, system/],
    [
      ['install', '--platforms', 'arm64', '--source', 'system', '--qemu-path', '/nonexistent'],
      /qemu-path '\/nonexistent' is not a folder/
    ],
    [['install', '--bogus'], /Unknown option '--bogus'/],
    [
      ['install', '--platforms', 'arm64', '--forget-owners'],
      /--forget-owners is an option of uninstall without --exported .*, not of install$/m
    ],
    [
      ['uninstall', '--exported', '--forget-owners'],
      /--forget-owners is an option of uninstall without --exported .*, not of uninstall --exported$/m
    ],
    [['uninstall', '--forget-owners=yes'], /Option '--forget-owners' does not take an argument/],
    [['frobnicate'], /Unknown command 'frobnicate'/]
  ])('%j fails with a clear message and changes nothing', async (args, message) => {
    const result = await cli(...args)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(message)
    expect(await (await BinfmtTable.open({ root: ns.root })).list()).toEqual([])
  })

  test('--help prints usage', async () => {
    const result = await cli('--help')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: setup-binfmt <command>/)
  })
})
