// The node mode: `setup-binfmt daemon` in a private binfmt_misc namespace keeps its entries,
// heals a wiped one within its interval, leaves foreign entries alone, reports its health,
// and removes what it registered on SIGTERM.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { health, HEALTH, writeStatus, type DaemonStatus } from '../../src/daemon/status.js'
import { qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { until as waitUntil } from '../helpers/poll.js'
import { CLI, cliArgv } from '../helpers/runner.js'

let ns: PrivateNamespace
let dir: string
let daemon: ChildProcess | undefined
let output = ''

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  dir = mkdtempSync(join(tmpdir(), 'daemon-'))
  output = ''
})
afterEach(async () => {
  if (daemon && daemon.exitCode === null) daemon.kill('SIGKILL')
  daemon = undefined
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const statusFile = () => join(dir, 'status.json')

function startDaemon(...args: string[]): ChildProcess {
  const child = spawn(
    'nsenter',
    [
      '-t',
      String(ns.pid),
      '-U',
      '-m',
      '--',
      ...cliArgv(),
      'daemon',
      '--source',
      'system',
      '--verify',
      'exec',
      '--state',
      join(dir, 'state.json'),
      '--status-file',
      statusFile(),
      ...args
    ],
    {
      // This namespace's table is not the host's: keep its lock and owners apart too.
      env: { ...process.env, SETUP_BINFMT_LOCK_DIR: join(dir, 'lock') },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  child.stdout!.on('data', d => (output += String(d)))
  child.stderr!.on('data', d => (output += String(d)))
  daemon = child
  return child
}

/** Wait for the daemon to do something, with what it printed should it not. */
const until = (what: string, check: () => Promise<boolean> | boolean) =>
  waitUntil(what, check, { said: () => output })

const exited = (child: ChildProcess) =>
  new Promise<number | null>(resolve =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', code => resolve(code))
  )

const names = async () => (await BinfmtTable.read(ns.root)).map(e => e.name).sort()

describe('setup-binfmt daemon', () => {
  test('heals a wiped entry, leaves a foreign one alone, and removes its own on SIGTERM', async () => {
    const table = await BinfmtTable.open({ root: ns.root })
    // Someone else's entry, there before the daemon: never touched, not even when wiped.
    const foreign = { ...wantedEntry('s390x', qemuStatic('s390x'), 'F'), name: 'foreign-s390x' }
    await table.register(foreign)

    const child = startDaemon('--platforms', 'arm64,arm', '--interval', '100')
    await until('the first status', () => existsSync(statusFile()))
    expect(await names()).toEqual(['foreign-s390x', 'qemu-aarch64', 'qemu-arm'])
    expect((await health(statusFile())).code).toBe(HEALTH.healthy)

    // Wipe one of ours, as a systemd-binfmt restart or another tool's reset would.
    await table.remove('qemu-aarch64')
    const wiped = performance.now()
    await until('qemu-aarch64 back', async () => (await table.get('qemu-aarch64')) !== undefined)
    const healMs = performance.now() - wiped
    console.log(`daemon (interval 100 ms) put a wiped entry back in ${Math.round(healMs)} ms`)
    const back = await table.get('qemu-aarch64')
    expect(back).toMatchObject({ interpreter: qemuStatic('aarch64'), flags: 'POCF', enabled: true })
    await until('a heal in the status', async () => {
      const answer = await health(statusFile())
      return answer.code === HEALTH.healthy && /1 heal\(s\)/.test(answer.message)
    })

    // A wiped foreign entry stays wiped.
    await table.remove('foreign-s390x')
    await new Promise(r => setTimeout(r, 400))
    expect(await names()).toEqual(['qemu-aarch64', 'qemu-arm'])

    child.kill('SIGTERM')
    expect(await exited(child)).toBe(1) // the table differs from the start: foreign-s390x is gone
    expect(output).toContain('foreign-s390x is missing')
    expect(await names()).toEqual([])
  })

  test('an entry of ours disabled by someone is left to them, and ours goes in under the next name', async () => {
    const child = startDaemon('--platforms', 'riscv64', '--interval', '100')
    await until('the first status', () => existsSync(statusFile()))
    const table = await BinfmtTable.open({ root: ns.root })
    await table.setEnabled('qemu-riscv64', false)
    // The disabled one is no longer ours: left as it is, ours goes in under the next name.
    await until('a working riscv64 entry', async () => {
      const e = await table.get('qemu-riscv64-setup-binfmt')
      return e?.enabled === true
    })
    expect((await table.get('qemu-riscv64'))?.enabled).toBe(false)
    child.kill('SIGTERM')
    expect(await exited(child)).toBe(1) // qemu-riscv64 changed (disabled) under the daemon
    expect(await names()).toEqual(['qemu-riscv64'])
  })

  test('a helper-container registrar is refused, naming what works, and nothing is registered', async () => {
    const child = startDaemon('--platforms', 'arm64', '--registrar', 'docker')
    expect(await exited(child)).not.toBe(0)
    expect(output).toContain(
      'daemon --registrar docker: the daemon reads binfmt_misc every interval, which it does only directly. ' +
        "Run it as root where binfmt_misc is reachable (as the DaemonSet's privileged pod does), with --registrar direct or auto"
    )
    expect(await names()).toEqual([])
  })

  test('SIGTERM right after start on an untouched table: exit 0, table empty again', async () => {
    const child = startDaemon('--platforms', 'arm64', '--interval', '100')
    await until('the first status', () => existsSync(statusFile()))
    expect(await names()).toEqual(['qemu-aarch64'])
    child.kill('SIGTERM')
    expect(await exited(child)).toBe(0)
    expect(output).toContain('binfmt_misc is as it was before the run')
    expect(await names()).toEqual([])
  })
})

describe('setup-binfmt health', () => {
  const status = (over: Partial<DaemonStatus>): DaemonStatus => ({
    pid: 1,
    startedAt: new Date(0).toISOString(),
    checkedAt: new Date().toISOString(),
    intervalMs: 500,
    root: '/proc/sys/fs/binfmt_misc',
    healthy: true,
    entries: [{ name: 'qemu-aarch64', present: true }],
    heals: 0,
    ...over
  })

  test('healthy, unhealthy, stale and absent are told apart by exit code', async () => {
    const file = join(dir, 'h.json')
    expect(await health(file)).toMatchObject({ code: HEALTH.unknown })
    await writeStatus(file, status({}))
    expect(await health(file)).toMatchObject({ code: HEALTH.healthy })
    await writeStatus(
      file,
      status({ healthy: false, entries: [{ name: 'qemu-aarch64', present: false }] })
    )
    expect(await health(file)).toEqual({
      code: HEALTH.unhealthy,
      message: 'unhealthy: qemu-aarch64 missing'
    })
    await writeStatus(file, status({ checkedAt: new Date(Date.now() - 60_000).toISOString() }))
    expect((await health(file)).message).toMatch(/last checked the table 60 s ago .*stuck or gone/)
    writeFileSync(file, 'not json')
    expect((await health(file)).code).toBe(HEALTH.unknown)
  })

  test('the CLI answers with those codes', async () => {
    const file = join(dir, 'h.json')
    await writeStatus(file, status({ healthy: false, lastError: 'binfmt_misc is read-only' }))
    const cli = spawn(process.execPath, [CLI, 'health', '--status-file', file])
    let out = ''
    cli.stdout.on('data', d => (out += String(d)))
    expect(await exited(cli)).toBe(HEALTH.unhealthy)
    expect(out).toBe('unhealthy: binfmt_misc is read-only\n')
  })
})
