// The product's semantics against the real kernel in a private binfmt_misc instance, with
// Debian's static QEMU and Debian's busybox for arm64 and armhf as the foreign programs.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable, type Entry, type Writer } from '../../src/binfmt/table.js'
import { memoryLog } from '../../src/util/log.js'
import { parseOptions, type RawOptions } from '../../src/options.js'
import { entryNames, wantedEntry } from '../../src/binfmt/register.js'
import { restore } from '../../src/binfmt/restore.js'
import { setup, SetupFailure } from '../../src/setup.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { memoryStore } from '../helpers/store.js'

let ns: PrivateNamespace
let table: BinfmtTable
/** This namespace's table is not the host's: its lock and owners record are its own too. */
let lockDir: string

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  table = await BinfmtTable.open({ root: ns.root, start: ns.starter })
  lockDir = mkdtempSync(join(tmpdir(), 'lock-'))
})
afterEach(async () => {
  await ns?.stop()
  rmSync(lockDir, { recursive: true, force: true })
})

const X64_NATIVE = new Set(['x86_64', 'i386', 'i486'])

function install(raw: RawOptions, store = memoryStore(), log = memoryLog(), writer?: Writer) {
  const options = parseOptions({ source: 'system', verify: 'none', ...raw })
  const deps = {
    log,
    store,
    root: ns.root,
    native: X64_NATIVE,
    writer,
    lockDir,
    start: ns.starter
  }
  return { store, log, result: setup(options, deps) }
}

/** Writes as root does, but deletes `file` just before registering `name`: a real ENOENT. */
function deletingWriter(name: string, file: string): Writer {
  return {
    write: async (path, data) => {
      if (path.endsWith('/register') && data.startsWith(`:${name}:`)) rmSync(file, { force: true })
      await writeFile(path, data, { flag: 'r+' })
    },
    mount: async () => {
      throw new Error('not expected to mount')
    }
  }
}

const uname = async (arch: 'arm64' | 'armhf') =>
  (await ns.exec([busybox(arch), 'uname', '-m'], { allowFailure: true })).stdout.trim()

/** A different entry for aarch64's magic: the arm interpreter cannot run arm64 programs. */
const foreign = (name: string): Entry => ({
  ...wantedEntry('aarch64', qemuStatic('arm'), 'F'),
  name
})

describe('install', () => {
  test('registers arm64 and arm, programs run, outputs list native and emulated platforms', async () => {
    const { result, store, log } = install({ platforms: 'arm64,arm' })
    const r = await result
    expect(r.emulators).toEqual(['qemu-aarch64', 'qemu-arm'])
    expect(r.emulatedPlatforms).toEqual(['linux/arm64', 'linux/arm/v7', 'linux/arm/v6'])
    expect(r.platforms).toEqual([
      'linux/amd64',
      'linux/386',
      'linux/arm64',
      'linux/arm/v7',
      'linux/arm/v6'
    ])
    expect(await uname('arm64')).toBe('aarch64')
    expect(await uname('armhf')).toBe('armv7l')
    expect((await table.get('qemu-arm'))?.flags).toBe('POCF')
    // State was saved after each registration, not only at the end.
    expect(store.saves).toBe(3)
    expect(store.state?.created.map(e => e.name)).toEqual(['qemu-aarch64', 'qemu-arm'])
    expect(log.lines).toContain(
      'aarch64: registered qemu-aarch64 -> /usr/bin/qemu-aarch64-static (flags POCF)'
    )
  })

  test('a second run is a no-op that succeeds and reuses the entries', async () => {
    await install({ platforms: 'arm64,arm' }).result
    const before = await table.list()
    const second = install({ platforms: 'linux/arm64 armhf' })
    const r = await second.result
    expect(r.registered.map(x => x.action)).toEqual(['reused', 'reused'])
    expect(second.store.state?.created).toEqual([])
    expect(await table.list()).toEqual(before)
    expect(second.log.lines.join('\n')).toMatch(
      /qemu-aarch64: an identical entry is already registered .*: reusing it/
    )
  })

  test('a different entry of our name is left untouched; ours matches first; restore brings it back in force', async () => {
    await table.register(foreign('qemu-aarch64'))
    expect(await uname('arm64')).toBe('')
    const snapshot = await table.list()
    const { result, store, log } = install({ platforms: 'arm64' })
    const r = await result
    expect(r.emulators).toEqual(['qemu-aarch64-setup-binfmt'])
    expect(await table.get('qemu-aarch64')).toEqual({
      ...foreign('qemu-aarch64'),
      extension: undefined
    })
    expect(await uname('arm64')).toBe('aarch64')
    expect(log.lines.join('\n')).toMatch(
      /qemu-aarch64 exists and differs \(enabled, interpreter \/usr\/bin\/qemu-arm-static, flags F\)/
    )

    const report = await restore(table, store.state!, memoryLog())
    expect(report.removed).toEqual(['qemu-aarch64-setup-binfmt'])
    expect(await table.list()).toEqual(snapshot)
    expect(await uname('arm64')).toBe('')
  })

  test('reset removes every qemu-* entry and restore puts them back exactly', async () => {
    await table.register(foreign('qemu-aarch64'))
    // Disabled without F: nothing the kernel holds to check (a disabled F entry stays).
    await table.register({ ...foreign('qemu-other'), enabled: false, flags: 'P' })
    // Another platform's entry: it matches none of the same programs.
    await table.register({ ...wantedEntry('s390x', qemuStatic('s390x'), 'F'), name: 'not-qemu' })
    const snapshot = await table.list()
    const { result, store } = install({ platforms: 'arm64', reset: 'true', flags: 'OCF' })
    const r = await result
    expect(r.emulators).toEqual(['qemu-aarch64'])
    expect((await table.list()).map(e => e.name)).toEqual(['not-qemu', 'qemu-aarch64'])
    // Newest first, as the kernel tries them; post puts them back oldest first.
    expect(store.state?.removed.map(e => e.name)).toEqual(['qemu-other', 'qemu-aarch64'])

    const report = await restore(table, store.state!, memoryLog())
    expect(report).toEqual({
      removed: ['qemu-aarch64'],
      restored: ['qemu-aarch64', 'qemu-other'],
      vanished: [],
      shared: [],
      differences: []
    })
    expect(await table.list()).toEqual(snapshot)
  })

  test('a main that fails half-way removes what it registered; post finds nothing left', async () => {
    // Every name arm could take is held by a different entry, so arm fails after aarch64 is in.
    for (const name of entryNames('arm')) {
      await table.register({ ...foreign(name), magic: wantedEntry('arm', '/x', '').magic })
    }
    const snapshot = await table.list()
    const { result, store, log } = install({ platforms: 'arm64,riscv64,arm,s390x' })
    await expect(result).rejects.toThrow(
      /Every entry name for arm \(qemu-arm to qemu-arm-setup-binfmt-9\) is taken/
    )
    expect(log.lines.join('\n')).toMatch(
      /warning: Registration failed half-way: removing what this run registered \(qemu-aarch64, qemu-riscv64\) and putting back what reset removed \(nothing\)/
    )
    expect(await table.list()).toEqual(snapshot)
    expect(store.state?.created).toEqual([])

    const report = await restore(table, store.state!, memoryLog())
    expect(report).toEqual({ removed: [], restored: [], vanished: [], shared: [], differences: [] })
  })

  test('an interpreter deleted before registration fails clearly; reset entries come back', async () => {
    await table.register(foreign('qemu-aarch64'))
    await table.register({ ...foreign('qemu-extra'), enabled: false, flags: 'P' })
    const snapshot = await table.list()
    const dir = mkdtempSync(join(tmpdir(), 'qemu-path-'))
    for (const t of ['aarch64', 'arm']) copyFileSync(qemuStatic(t), join(dir, `qemu-${t}`))
    const { result, log } = install(
      { platforms: 'arm64,arm', reset: 'true', 'qemu-path': dir },
      memoryStore(),
      memoryLog(),
      deletingWriter('qemu-arm', join(dir, 'qemu-arm'))
    )
    await expect(result).rejects.toThrow(
      `Cannot register 'qemu-arm': the interpreter ${dir}/qemu-arm does not exist (with the F flag the kernel opens it at registration time)`
    )
    expect(log.lines.join('\n')).toMatch(
      /removing what this run registered \(qemu-aarch64\) and putting back what reset removed \(qemu-extra, qemu-aarch64\)/
    )
    expect(await table.list()).toEqual(snapshot)
    rmSync(dir, { recursive: true, force: true })
  })

  test('a failed check undoes the run: reset entries come back, nothing is left for post', async () => {
    await table.register(foreign('qemu-aarch64'))
    const snapshot = await table.list()
    // A real QEMU that is the wrong one: qemu-arm registered for aarch64 programs cannot run them.
    const dir = mkdtempSync(join(tmpdir(), 'qemu-path-'))
    copyFileSync(qemuStatic('arm'), join(dir, 'qemu-aarch64'))
    copyFileSync(qemuStatic('riscv64'), join(dir, 'qemu-riscv64'))
    const store = memoryStore()
    const log = memoryLog()
    const run = setup(
      parseOptions({
        source: 'system',
        verify: 'exec',
        platforms: 'arm64,riscv64',
        reset: 'true',
        'qemu-path': dir
      }),
      {
        log,
        store,
        root: ns.root,
        native: X64_NATIVE,
        lockDir,
        start: ns.starter,
        exec: (argv, options) => ns.exec(argv, options)
      }
    )
    const failure = await run.then(
      () => undefined,
      (e: unknown) => e as SetupFailure
    )
    expect(failure).toBeInstanceOf(SetupFailure)
    expect(failure?.message).toMatch(
      /^Emulation does not work for \d+ check\(s\):\nlinux\/arm64 \(aarch64, exec\): /
    )
    expect(failure?.message).not.toMatch(/riscv64/)
    expect(failure?.message).toMatch(/Nothing of this run is left registered/)
    // What was tried stays visible (summary, --json); what is in force is nothing.
    expect(failure?.result.verified.filter(v => !v.ok).map(v => [v.target, v.method])).toEqual([
      ['aarch64', 'exec']
    ])
    expect(failure?.result.emulators).toEqual([])
    expect(log.lines.join('\n')).toMatch(
      /warning: Verification failed: removing what this run registered \(qemu-aarch64, qemu-riscv64\) and putting back what reset removed \(qemu-aarch64\)/
    )
    expect(await table.list()).toEqual(snapshot)
    expect(store.state?.created).toEqual([])
    expect(store.state?.removed).toEqual([])
    const report = await restore(table, store.state!, memoryLog())
    expect(report).toEqual({ removed: [], restored: [], vanished: [], shared: [], differences: [] })
    rmSync(dir, { recursive: true, force: true })
  })

  test('an entry of ours removed during the job is a warning in post, not a failure', async () => {
    const { result, store } = install({ platforms: 'arm64,arm' })
    await result
    await table.remove('qemu-arm')
    const log = memoryLog()
    const report = await restore(table, store.state!, log)
    expect(report.vanished).toEqual(['qemu-arm'])
    expect(report.removed).toEqual(['qemu-aarch64'])
    expect(log.lines.join('\n')).toMatch(
      /warning: qemu-arm was removed during the job by something else/
    )
    expect(await table.list()).toEqual([])
  })

  test('naming a native platform is a notice and registers nothing for it', async () => {
    const { result, log } = install({ platforms: 'amd64,arm64' })
    const r = await result
    expect(r.emulators).toEqual(['qemu-aarch64'])
    expect(log.lines).toContain(
      'notice: x86_64 runs natively on this host: nothing to register for it'
    )
  })

  test('flags without F warn that containers will not see the interpreter', async () => {
    const { result, log } = install({ platforms: 'arm64', flags: 'P' })
    await result
    expect((await table.get('qemu-aarch64'))?.flags).toBe('P')
    expect(log.lines.join('\n')).toMatch(
      /warning: flags 'P' lack F: containers and chroots will not find the interpreter/
    )
  })
})
