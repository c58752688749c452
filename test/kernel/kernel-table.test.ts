// What the kernel's table really holds, against the real kernel in a private binfmt_misc
// instance: a table disabled as a whole, the interpreter an F entry keeps open, the order the
// kernel matches entries in, and entries `reset` could not register again exactly.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync
} from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable, type Entry } from '../../src/binfmt/table.js'
import { heldInterpreter } from '../../src/binfmt/held.js'
import { restore } from '../../src/binfmt/restore.js'
import type { Runner } from '../../src/util/exec.js'
import { sha256File } from '../../src/util/hash.js'
import { memoryLog } from '../../src/util/log.js'
import { parseOptions, type RawOptions } from '../../src/options.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { setup } from '../../src/setup.js'
import { verifyExec } from '../../src/verify/exec-checks.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { memoryStore } from '../helpers/store.js'

let ns: PrivateNamespace
let table: BinfmtTable
let inside: Runner
let dir: string
/** This namespace's lock and owners record: its own, as its table is. */
let lockDir: string

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  table = await BinfmtTable.open({ root: ns.root, start: ns.starter })
  inside = (argv, options) => ns.exec(argv, options)
  dir = mkdtempSync(join(tmpdir(), 'kernel-table-'))
  lockDir = mkdtempSync(join(tmpdir(), 'kernel-table-lock-'))
})
afterEach(async () => {
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
  rmSync(lockDir, { recursive: true, force: true })
})

/** install as the action runs it, against the namespace's table. */
function install(raw: RawOptions, store = memoryStore(), log = memoryLog()) {
  const options = parseOptions({ source: 'system', verify: 'none', ...raw })
  const native = new Set(['x86_64', 'i386', 'i486'])
  const deps = { log, store, root: ns.root, native, start: ns.starter, lockDir }
  return { store, log, result: setup(options, deps) }
}

const uname = async (arch: 'arm64' | 'armhf' | 'riscv64' | 's390x') =>
  (await ns.exec([busybox(arch), 'uname', '-m'], { allowFailure: true })).stdout.trim()

/** A copy of Debian's static QEMU for `target` at `path`. */
function copyOf(target: string, path: string): string {
  copyFileSync(qemuStatic(target), path)
  return path
}

/** The entry `target`'s QEMU registers, under another name and interpreter. */
const entryFor = (target: string, name: string, interpreter: string, flags = 'F'): Entry => ({
  ...wantedEntry(target, interpreter, flags),
  name
})

/** No temporary folder of the code under test is left behind. */
const leftovers = () => readdirSync(tmpdir()).filter(f => f.startsWith('setup-binfmt-held-'))

describe('binfmt_misc disabled as a whole', () => {
  test('verification names the status file and the fix, not the interpreter', async () => {
    const entry = wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF')
    await table.register(entry)
    const status = `${ns.root}/status`
    await writeFile(status, '0')
    try {
      expect(await table.enabledAsAWhole()).toBe(false)
      const [result] = await verifyExec(table, [{ target: 'aarch64', entry }], memoryLog(), inside)
      expect(result.ok).toBe(false)
      expect(result.detail).toMatch(
        `Likely cause: binfmt_misc is disabled as a whole (${status} reads 'disabled'), so the kernel runs no entry, ours included. ` +
          `Fix: enable it as root with: echo 1 > ${status}`
      )
      expect(result.detail).not.toMatch(/failed to run the program/)
    } finally {
      await writeFile(status, '1')
    }
    // The fix named works, and the table is as it was.
    expect(await table.enabledAsAWhole()).toBe(true)
    const [again] = await verifyExec(table, [{ target: 'aarch64', entry }], memoryLog(), inside)
    expect(again.ok).toBe(true)
    expect(await table.list()).toEqual([{ ...entry, extension: undefined }])
  })
})

describe('the interpreter an F entry holds', () => {
  test('is read from the kernel even when its path is gone or holds another file', async () => {
    const path = copyOf('aarch64', join(dir, 'qemu-aarch64'))
    const entry = entryFor('aarch64', 'qemu-aarch64', path)
    await table.register(entry)
    const original = await sha256File(qemuStatic('aarch64'))
    expect(await heldInterpreter(table, entry)).toEqual({ sha256: original })
    rmSync(path)
    expect(await heldInterpreter(table, entry)).toEqual({ sha256: original })
    copyOf('arm', path)
    expect(await heldInterpreter(table, entry)).toEqual({ sha256: original })
    expect(await uname('arm64')).toBe('aarch64')
    expect(leftovers()).toEqual([])
  })

  test('a replaced F interpreter is not "identical": ours is registered and runs the new file', async () => {
    const path = copyOf('aarch64', join(dir, 'qemu-aarch64'))
    const old = wantedEntry('aarch64', path, 'POCF')
    await table.register(old)
    const snapshot = await table.list()
    // The file at the path is replaced (a new build in the same place); the kernel still runs
    // the one it opened. Appended bytes keep it a working QEMU with another SHA-256.
    const next = join(dir, 'next')
    copyOf('aarch64', next)
    appendFileSync(next, 'another build')
    renameSync(next, path)
    const replaced = await sha256File(path)
    expect(await heldInterpreter(table, old)).toEqual({
      sha256: await sha256File(qemuStatic('aarch64'))
    })

    const { result, store, log } = install({ platforms: 'arm64', 'qemu-path': dir })
    const r = await result
    expect(r.registered.map(x => [x.action, x.entry.name])).toEqual([
      ['registered', 'qemu-aarch64-setup-binfmt']
    ])
    expect(log.lines.join('\n')).toMatch(/qemu-aarch64 exists and differs/)
    const ours = (await table.get('qemu-aarch64-setup-binfmt'))!
    expect(await heldInterpreter(table, ours)).toEqual({ sha256: replaced })
    expect(await uname('arm64')).toBe('aarch64')

    await restore(table, store.state!, memoryLog())
    expect(await table.list()).toEqual(snapshot)
  })

  test('an F entry whose file is unchanged is still reused', async () => {
    const entry = wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF')
    await table.register(entry)
    const r = await install({ platforms: 'arm64' }).result
    expect(r.registered.map(x => [x.action, x.entry.name])).toEqual([['reused', 'qemu-aarch64']])
  })
})

describe('the order the kernel tries entries in', () => {
  test('the table reads newest first, and the newest matching entry is the one that runs', async () => {
    // A lookup of a name before it exists leaves no trace that changes the order.
    expect(existsSync(join(ns.root, 'qemu-c'))).toBe(false)
    await table.register(entryFor('aarch64', 'qemu-a', qemuStatic('arm')))
    await table.register(entryFor('aarch64', 'qemu-c', qemuStatic('aarch64')))
    expect(await uname('arm64')).toBe('aarch64')
    await table.register(entryFor('aarch64', 'qemu-b', qemuStatic('arm')))
    expect((await table.inMatchOrder()).map(e => e.name)).toEqual(['qemu-b', 'qemu-c', 'qemu-a'])
    // qemu-b (the arm QEMU) now runs arm64 programs first, and fails them.
    expect(await uname('arm64')).toBe('')
    expect(await heldInterpreter(table, (await table.get('qemu-b'))!)).toEqual({
      sha256: await sha256File(qemuStatic('arm'))
    })
  })

  test('post after reset puts entries back in their old order, so the same one runs', async () => {
    // Registered b then a: a, newer, runs arm64 programs; name order would put b last.
    await table.register(entryFor('aarch64', 'qemu-b', qemuStatic('arm')))
    await table.register(entryFor('aarch64', 'qemu-a', qemuStatic('aarch64')))
    const before = await table.inMatchOrder()
    expect(before.map(e => e.name)).toEqual(['qemu-a', 'qemu-b'])
    expect(await uname('arm64')).toBe('aarch64')

    const { result, store } = install({ platforms: 'arm', reset: 'true' })
    await result
    expect(store.state?.removed.map(e => e.name)).toEqual(['qemu-a', 'qemu-b'])
    const log = memoryLog()
    const report = await restore(table, store.state!, log)
    expect(report.restored).toEqual(['qemu-b', 'qemu-a'])
    expect(report.differences).toEqual([])
    expect(await table.inMatchOrder()).toEqual(before)
    expect(await uname('arm64')).toBe('aarch64')
    expect(log.lines.join('\n')).toMatch(/binfmt_misc is as it was before the run/)
  })

  test('reset keeps an entry a newer one that stays is tried before; an order changed during the job is reported', async () => {
    await table.register(entryFor('aarch64', 'qemu-b', qemuStatic('aarch64')))
    await table.register(entryFor('aarch64', 'local-aarch64', qemuStatic('aarch64'), 'P'))
    const before = await table.inMatchOrder()
    const { result, store, log } = install({ platforms: 'arm', reset: 'true' })
    await result
    expect(store.state?.removed).toEqual([])
    expect(log.lines).toContain(
      'notice: reset: kept qemu-b in place: local-aarch64, registered later and matching the same programs, stays; ' +
        'registered again after the job, qemu-b would be tried before it instead of after'
    )
    // Something else registers qemu-b again during the job: now it is tried first.
    await table.remove('qemu-b')
    await table.register(before[1])
    const post = memoryLog()
    const report = await restore(table, store.state!, post)
    expect(report.differences).toEqual([
      'qemu-b is now tried before local-aarch64 (it was after it)'
    ])
    expect(post.lines.join('\n')).not.toMatch(/as it was/)
    expect(post.lines.join('\n')).toMatch(
      /warning: binfmt_misc differs from before the run: qemu-b is now tried before/
    )
  })
})

describe('reset and entries it could not put back', () => {
  test('a gone or replaced F interpreter stays; odd names and long paths come back exactly, in order', async () => {
    // What docker/setup-qemu-action leaves: an F entry whose path existed only in its container.
    const gone = copyOf('aarch64', join(dir, 'qemu-aarch64'))
    await table.register(entryFor('aarch64', 'qemu-aarch64', gone))
    rmSync(gone)
    // Entries another tool made, beyond what setup-binfmt names its own: the kernel takes them.
    await table.registerAgain(entryFor('arm', 'qemu-arm static', qemuStatic('arm')))
    const long = `qemu-riscv64-${'x'.repeat(62)}`
    expect(long).toHaveLength(75)
    await table.registerAgain(entryFor('riscv64', long, qemuStatic('riscv64')))
    const deep = join(dir, 'd'.repeat(100), 'e'.repeat(60))
    mkdirSync(deep, { recursive: true })
    const longPath = copyOf('s390x', join(deep, 'qemu-s390x'))
    expect(longPath.length).toBeGreaterThan(128)
    await table.registerAgain(entryFor('s390x', 'qemu-s390x', longPath))
    const swapped = copyOf('ppc64le', join(dir, 'qemu-ppc64le'))
    await table.register(entryFor('ppc64le', 'qemu-ppc64le', swapped))
    copyOf('arm', join(dir, 'other'))
    renameSync(join(dir, 'other'), swapped)
    const before = await table.inMatchOrder()

    const { result, store, log } = install({ platforms: 'arm64', reset: 'true' })
    const r = await result
    const lines = log.lines.join('\n')
    expect(lines).toMatch(
      `notice: reset: kept qemu-aarch64 in place: with the F flag the kernel holds its interpreter open, but ${gone} no longer exists`
    )
    expect(lines).toMatch(
      `notice: reset: kept qemu-ppc64le in place: with the F flag the kernel holds its interpreter open, and ${swapped} is no longer that file`
    )
    expect(store.state?.removed.map(e => e.name)).toEqual(['qemu-s390x', long, 'qemu-arm static'])
    expect(r.emulators).toEqual(['qemu-aarch64-setup-binfmt'])
    // The entry kept still runs programs with the file the kernel holds.
    expect(await uname('arm64')).toBe('aarch64')

    const post = memoryLog()
    const report = await restore(table, store.state!, post)
    expect(report).toMatchObject({
      removed: ['qemu-aarch64-setup-binfmt'],
      restored: ['qemu-arm static', long, 'qemu-s390x'],
      differences: []
    })
    expect(post.lines.filter(l => l.startsWith('warning:'))).toEqual([])
    // The same entries; those put back are tried in their old order. They now come before the
    // two that stayed, which match none of the same programs (differences would say so).
    const names = (list: Entry[]) => list.map(e => e.name)
    const now = await table.inMatchOrder()
    expect(names(now).sort()).toEqual(names(before).sort())
    expect(now).toEqual(expect.arrayContaining(before))
    const back = new Set(report.restored)
    expect(names(now).filter(n => back.has(n))).toEqual(names(before).filter(n => back.has(n)))
    expect(await uname('armhf')).toBe('armv7l')
    expect(await uname('s390x')).toBe('s390x')
    expect(leftovers()).toEqual([])
  })

  test('post does not register an F entry whose interpreter changed during the job', async () => {
    const path = copyOf('arm', join(dir, 'qemu-arm'))
    const entry = entryFor('arm', 'qemu-arm', path)
    await table.register(entry)
    const { result, store } = install({ platforms: 'arm64', reset: 'true' })
    await result
    expect(store.state?.removed.map(e => e.name)).toEqual(['qemu-arm'])
    copyOf('aarch64', join(dir, 'other'))
    renameSync(join(dir, 'other'), path)
    const post = memoryLog()
    const report = await restore(table, store.state!, post)
    expect(report.restored).toEqual([])
    expect(post.lines.join('\n')).toMatch(
      `warning: Could not put back qemu-arm: ${path} is no longer the interpreter the kernel held for it`
    )
    expect(report.differences).toEqual(['qemu-arm is missing'])
  })
})
