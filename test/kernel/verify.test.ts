// Verification against the real kernel in a private binfmt_misc namespace: probes run through
// binfmt_misc and from a chroot, and each broken setup is caught with the right explanation.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable, type Entry } from '../../src/binfmt/table.js'
import type { Runner } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { claimedBy, nativeTargets } from '../../src/platform/native.js'
import { PROBE_TARGETS, probeProgram } from '../../src/platform/probes.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { verifyExec } from '../../src/verify/exec-checks.js'
import { qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'

let ns: PrivateNamespace
let table: BinfmtTable
let inside: Runner
let dir: string

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  table = await BinfmtTable.open({ root: ns.root })
  inside = (argv, options) => ns.exec(argv, options)
  dir = mkdtempSync(join(tmpdir(), 'verify-'))
})
afterEach(async () => {
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function check(entry: Entry, target = 'aarch64') {
  return verifyExec(table, [{ target, entry }], memoryLog(), inside)
}

describe('verifyExec', () => {
  test('arm64, arm and riscv64 pass through binfmt_misc and from a chroot', async () => {
    const entries = ['aarch64', 'arm', 'riscv64'].map(t => wantedEntry(t, qemuStatic(t), 'POCF'))
    for (const e of entries) await table.register(e)
    const results = await verifyExec(
      table,
      entries.map((entry, i) => ({ target: ['aarch64', 'arm', 'riscv64'][i], entry })),
      memoryLog(),
      inside
    )
    expect(results.map(r => [r.platform, r.method, r.ok])).toEqual([
      ['linux/arm64', 'exec', true],
      ['linux/arm64', 'chroot', true],
      ['linux/arm/v7', 'exec', true],
      ['linux/arm/v7', 'chroot', true],
      ['linux/riscv64', 'exec', true],
      ['linux/riscv64', 'chroot', true]
    ])
    for (const r of results) expect(r.ms).toBeGreaterThanOrEqual(0)
  })

  test('every probe runs through binfmt_misc and from a chroot under its real QEMU', async () => {
    const targets = PROBE_TARGETS.filter(t => !['x86_64', 'i386', 'i486'].includes(t))
    expect(targets.length).toBeGreaterThanOrEqual(30)
    const checks = targets.map(target => ({
      target,
      entry: wantedEntry(target, qemuStatic(target === 'i486' ? 'i386' : target), 'POCF')
    }))
    for (const { entry } of checks) await table.register(entry)
    const results = await verifyExec(table, checks, memoryLog(), inside)
    expect(results.filter(r => !r.ok)).toEqual([])
    expect(results).toHaveLength(targets.length * 2)
  })

  test('without F the chroot check is skipped, not failed', async () => {
    const entry = wantedEntry('aarch64', qemuStatic('aarch64'), 'P')
    await table.register(entry)
    expect((await check(entry)).map(r => [r.method, r.ok])).toEqual([['exec', true]])
  })

  test('an entry without F whose interpreter is gone', async () => {
    const copy = join(dir, 'qemu-aarch64')
    copyFileSync(qemuStatic('aarch64'), copy)
    const entry = wantedEntry('aarch64', copy, 'P')
    await table.register(entry)
    rmSync(copy)
    const [result] = await check(entry)
    expect(result.ok).toBe(false)
    expect(result.detail).toMatch(
      new RegExp(
        `probe-aarch64 exited with -?\\d+: .*Likely cause: the interpreter ${copy} is gone and qemu-aarch64 lacks the F flag.*Fix: register with flags including F`
      )
    )
  })

  test('with F the interpreter file may go: the kernel keeps it open', async () => {
    const copy = join(dir, 'qemu-aarch64')
    copyFileSync(qemuStatic('aarch64'), copy)
    const entry = wantedEntry('aarch64', copy, 'F')
    await table.register(entry)
    rmSync(copy)
    expect((await check(entry)).every(r => r.ok)).toBe(true)
  })

  test('a disabled entry', async () => {
    const entry = wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF')
    await table.register({ ...entry, enabled: false })
    const [result] = await check(entry)
    expect(result.ok).toBe(false)
    expect(result.detail).toMatch(
      /Likely cause: binfmt_misc entry qemu-aarch64 is disabled\. Fix: echo 1 > .*qemu-aarch64\./
    )
  })

  test('a missing entry', async () => {
    const [result] = await check(wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF'))
    expect(result.detail).toMatch(/Likely cause: binfmt_misc entry qemu-aarch64 is missing/)
  })

  test('an interpreter that exits non-zero', async () => {
    // The arm interpreter cannot load an arm64 program: it exits with an error.
    const entry = wantedEntry('aarch64', qemuStatic('arm'), 'POCF')
    await table.register(entry)
    const [result] = await check(entry)
    expect(result.ok).toBe(false)
    expect(result.detail).toMatch(
      /exited with [1-9]\d*: .*Likely cause: the interpreter \/usr\/bin\/qemu-arm-static failed to run the program/
    )
  })

  test('an entry for the wrong magic', async () => {
    const entry = { ...wantedEntry('arm', qemuStatic('aarch64'), 'POCF'), name: 'qemu-aarch64' }
    await table.register(entry)
    const [result] = await check(entry)
    expect(result.ok).toBe(false)
    expect(result.detail).toMatch(
      /Likely cause: no enabled entry matches this platform's ELF header \(wrong magic or mask in qemu-aarch64\)/
    )
  })

  test('an earlier entry that takes precedence is named', async () => {
    const ours = wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF')
    await table.register(ours)
    await table.register({ ...wantedEntry('aarch64', qemuStatic('arm'), 'F'), name: 'zz-broken' })
    const [result] = await check(ours)
    expect(result.detail).toMatch(
      /Likely cause: entry zz-broken takes precedence over qemu-aarch64/
    )
  })
})

describe('native detection', () => {
  test('an amd64 host runs x86_64 and i386 probes natively, nothing else', async () => {
    const native = await nativeTargets([], memoryLog(), inside, 'x64')
    expect([...native].sort()).toEqual(['i386', 'i486', 'x86_64'])
  })

  test('a platform an entry would run is not counted as native', async () => {
    const entry = wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF')
    await table.register(entry)
    expect(claimedBy(probeProgram('aarch64'), [entry])?.name).toBe('qemu-aarch64')
    const native = await nativeTargets(await table.inMatchOrder(), memoryLog(), inside, 'x64')
    expect(native.has('aarch64')).toBe(false)
  })
})
