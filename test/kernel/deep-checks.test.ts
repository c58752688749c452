// Deep checks against the real kernel, in a private binfmt_misc namespace that maps uids
// 0-65535, so a setuid-root probe can run as nobody in there: /proc/self/exe, argv[0] under P
// and setuid under C, for each QEMU line the project ships (Debian 12's 7.2 from the system,
// 10.0.13 and 11.1.3 from the Debian packages in .cache/debs when present).

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { extractInterpreters } from '../../src/qemu/archive/extract.js'
import type { Runner } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { parseOptions, type RawOptions } from '../../src/options.js'
import { setup } from '../../src/setup.js'
import { mountOf, NOBODY, setuidBlocker, verifyDeep } from '../../src/verify/deep-checks.js'
import { qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { memoryStore } from '../helpers/store.js'

// x86_64 has a deep probe too, but registered on this x86_64 host it would take every program.
const TARGETS = [
  'aarch64',
  'arm',
  'riscv64',
  'ppc64le',
  's390x',
  'mips64el',
  'mips64',
  'loongarch64'
]

/** A QEMU line: where its interpreters come from. */
const LINES: { line: string; deb?: string }[] = [
  { line: '7.2 (system)' },
  { line: '10.0.13', deb: '.cache/debs/qemu-user_10.0.13+ds-0+deb13u1_amd64.deb' },
  { line: '11.1.3', deb: '.cache/debs/qemu-user_11.1.3+ds-2~bpo13+1_amd64.deb' }
]

let ns: PrivateNamespace
let table: BinfmtTable
let inside: Runner

beforeEach(async () => {
  ns = await PrivateNamespace.start({ users: true })
  table = await BinfmtTable.open({ root: ns.root })
  inside = (argv, options) => ns.exec(argv, options)
})
afterEach(async () => {
  await ns?.stop()
})

async function registered(flags: string, qemu: (t: string) => string, targets = TARGETS) {
  const checks = targets.map(target => ({
    target,
    entry: wantedEntry(target, qemu(target), flags)
  }))
  for (const { entry } of checks) await table.register(entry)
  return checks
}

const onX64 = process.arch === 'x64'
describe.each(LINES)('QEMU $line', ({ deb }) => {
  // Debian's amd64 packages, on an x86_64 host; skipped, visibly, when the .deb is absent.
  const usable = deb ? onX64 && existsSync(resolve(deb)) : true
  const withLine = usable ? test : test.skip
  let dir = ''
  let interpreters = new Map<string, string>()

  beforeAll(async () => {
    if (!deb || !usable) return
    dir = mkdtempSync(join(tmpdir(), 'deep-qemu-'))
    interpreters = await extractInterpreters(resolve(deb), 'deb', TARGETS, dir)
  }, 120000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  const qemu = (t: string) => (deb ? interpreters.get(t)! : qemuStatic(t))

  withLine(
    'POCF: exe, argv0 and setuid pass for arm64, arm, riscv64, ppc64le, s390x, mips64le, mips64, loong64',
    async () => {
      const checks = await registered('POCF', qemu)
      const results = await verifyDeep(checks, memoryLog(), inside)
      const rows = results.map(r => [r.target, r.method, r.ok, r.detail])
      expect(rows).toEqual(
        TARGETS.flatMap(t => [
          [t, 'exe', true, undefined],
          [t, 'argv0', true, undefined],
          [t, 'setuid', true, undefined]
        ])
      )
    },
    60000
  )

  withLine(
    'without P and C: the kernel hands over the path and the interpreter’s uid',
    async () => {
      // The kernel has F only, but the check is told P and C were registered: both must fail.
      const checks = await registered('F', qemu, ['aarch64'])
      const claimed = checks.map(c => ({ ...c, entry: { ...c.entry, flags: 'POCF' } }))
      const results = await verifyDeep(claimed, memoryLog(), inside)
      expect(results.map(r => [r.method, r.ok])).toEqual([
        ['exe', true],
        ['argv0', false],
        ['setuid', false]
      ])
      expect(results[1].detail).toMatch(/argv\[0\] arrived as the full path.*Fix: /)
      expect(results[2].detail).toMatch(
        new RegExp(`effective uid ${NOBODY}: the kernel took the credentials from the interpreter`)
      )
    }
  )
})

describe('verifyDeep', () => {
  test('a flag not registered is not checked', async () => {
    const checks = await registered('F', qemuStatic, ['arm'])
    const results = await verifyDeep(checks, memoryLog(), inside)
    expect(results.map(r => [r.method, r.ok])).toEqual([['exe', true]])
  })

  test('O alone (no C): no setuid check; P alone: argv0 checked', async () => {
    const checks = await registered('PO', qemuStatic, ['riscv64'])
    const results = await verifyDeep(checks, memoryLog(), inside)
    expect(results.map(r => [r.method, r.ok])).toEqual([
      ['exe', true],
      ['argv0', true]
    ])
  })

  test('in a namespace that maps root alone, setuid is skipped with a warning', async () => {
    const narrow = await PrivateNamespace.start()
    try {
      const t = await BinfmtTable.open({ root: narrow.root })
      const entry = wantedEntry('s390x', qemuStatic('s390x'), 'POCF')
      await t.register(entry)
      const log = memoryLog()
      const results = await verifyDeep([{ target: 's390x', entry }], log, (argv, options) =>
        narrow.exec(argv, options)
      )
      expect(results.map(r => [r.method, r.ok])).toEqual([
        ['exe', true],
        ['argv0', true]
      ])
      expect(log.lines).toContainEqual(
        expect.stringMatching(
          /^warning: setuid check of linux\/s390x skipped: cannot run a program as uid 65534 here \(setpriv: setres[ug]id failed/
        )
      )
    } finally {
      await narrow.stop()
    }
  })

  test('targets without a deep probe get none', async () => {
    const checks = await registered('POCF', qemuStatic, ['hexagon'])
    expect(await verifyDeep(checks, memoryLog(), inside)).toEqual([])
  })
})

describe('setuidBlocker', () => {
  const mountinfo = [
    '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    '30 22 0:27 / /tmp rw,nosuid,nodev shared:5 - tmpfs tmpfs rw',
    '31 22 0:28 / /tmp\\040space rw,relatime shared:6 - tmpfs tmpfs rw'
  ].join('\n')

  test('the mount holding a path is the longest mount point, escapes decoded', () => {
    expect(mountOf('/tmp/x/y', mountinfo)?.point).toBe('/tmp')
    expect(mountOf('/tmpfoo', mountinfo)?.point).toBe('/')
    expect(mountOf('/tmp space/a', mountinfo)).toEqual({
      point: '/tmp space',
      options: ['rw', 'relatime']
    })
    expect(mountOf('/tmp/a', mountinfo)?.options).toContain('nosuid')
  })

  test('no_new_privs blocks setuid whatever the flags', () => {
    expect(setuidBlocker('/', 'Name:\tnode\nNoNewPrivs:\t1\n')).toMatch(/no_new_privs/)
    expect(setuidBlocker('/', 'Name:\tnode\nNoNewPrivs:\t0\n')).toBe('')
  })
})

describe('setup runs the deep checks the registered flags call for', () => {
  const install = (raw: RawOptions, kernelRelease: string, log = memoryLog()) =>
    setup(parseOptions({ source: 'system', verify: 'exec', ...raw }), {
      log,
      store: memoryStore(),
      root: ns.root,
      native: new Set(['x86_64', 'i386', 'i486']),
      exec: inside,
      kernelRelease
    })

  test('default flags on a current kernel: exec, chroot, exe, argv0, setuid', async () => {
    const r = await install({ platforms: 'arm64,riscv64' }, '6.8.0-1017-azure')
    expect(r.verified.map(v => [v.target, v.method, v.ok])).toEqual([
      ['aarch64', 'exec', true],
      ['aarch64', 'chroot', true],
      ['riscv64', 'exec', true],
      ['riscv64', 'chroot', true],
      ['aarch64', 'exe', true],
      ['aarch64', 'argv0', true],
      ['aarch64', 'setuid', true],
      ['riscv64', 'exe', true],
      ['riscv64', 'argv0', true],
      ['riscv64', 'setuid', true]
    ])
  })

  test('on a kernel before 5.12 P is dropped with a warning, and argv0 is not checked', async () => {
    const log = memoryLog()
    const r = await install({ platforms: 'arm' }, '5.10.0-32-amd64', log)
    expect(log.lines).toContainEqual(
      expect.stringMatching(
        /^warning: flags 'POCF' include P, but kernel 5\.10\.0-32-amd64 is older than 5\.12: .* Registering with 'OCF' instead/
      )
    )
    expect((await table.get('qemu-arm'))?.flags).toBe('OCF')
    expect(r.verified.map(v => [v.method, v.ok])).toEqual([
      ['exec', true],
      ['chroot', true],
      ['exe', true],
      ['setuid', true]
    ])
  })
})
