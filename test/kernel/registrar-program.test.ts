// The registrar program for real: the x86_64 build natively and the aarch64 build under
// qemu-aarch64, each inside a private user and mount namespace, mounting its own binfmt_misc
// instance, registering, disabling, removing and dumping. The host's table is never touched.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEntry, registerLine } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import {
  isInitialUserNamespace,
  parseDump,
  registrarArch,
  registrarProgram,
  type RegistrarArch
} from '../../src/binfmt/registrar-program.js'
import { run } from '../../src/util/exec.js'
import { qemuStatic } from '../helpers/fixtures.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'registrar-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const native = registrarArch(process.arch)

/** Run the registrar in a fresh user and mount namespace (its own, empty binfmt_misc). */
async function registrar(arch: RegistrarArch, ops: string[]) {
  const program = join(dir, `registrar-${arch}`)
  writeFileSync(program, registrarProgram(arch), { mode: 0o755 })
  const argv = arch === native ? [program] : [qemuStatic(arch), program]
  return run(['unshare', '--user', '--map-root-user', '--mount', '--', ...argv, ...ops], {
    allowFailure: true
  })
}

describe.each(['x86_64', 'aarch64'] as const)('registrar for %s', arch => {
  const mnt = () => {
    const m = join(dir, `mnt-${arch}`)
    mkdirSync(m, { recursive: true })
    return m
  }

  test('mounts binfmt_misc, registers, disables, removes, and dumps after each step', async () => {
    const wanted = wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF')
    const m = mnt()
    const r = await registrar(arch, [
      'm',
      m,
      'd',
      'w',
      'register',
      registerLine(wanted),
      'd',
      'w',
      wanted.name,
      '0',
      'd'
    ])
    expect(r.stderr).toBe('w\nw\n')
    expect(r.code).toBe(0)
    const last = parseDump(r.stdout)
    // A namespace of its own: not the initial user namespace, which the helper refuses.
    expect(isInitialUserNamespace(last.uidMap)).toBe(false)
    expect(last.uidMap).toMatch(/^\s*0\s+\d+\s+1\s*$/)
    expect([...last.files.keys()].sort()).toEqual([wanted.name, 'register', 'status'])
    expect(last.files.get('register')).toBe('') // write-only: an empty text
    expect(last.files.get('status')).toBe('enabled\n')
    expect(parseEntry(wanted.name, last.files.get(wanted.name)!)).toEqual({
      ...wanted,
      enabled: false
    })

    // The dumps before: the first empty, the second with the entry enabled.
    const records = r.stdout.split('\0')
    const dumps = records.filter(t => t === '/proc/self/uid_map').length
    expect(dumps).toBe(3)
    const second = parseDump(
      r.stdout.split('/proc/self/uid_map').slice(0, 3).join('/proc/self/uid_map')
    )
    expect(parseEntry(wanted.name, second.files.get(wanted.name)!).enabled).toBe(true)

    const removed = await registrar(arch, [
      'm',
      m,
      'w',
      'register',
      registerLine(wanted),
      'w',
      wanted.name,
      '-1',
      'd'
    ])
    expect(removed.code).toBe(0)
    expect([...parseDump(removed.stdout).files.keys()].sort()).toEqual(['register', 'status'])
  })

  test('a failed write exits with its errno and says so; what came before stays done', async () => {
    const m = mnt()
    const wanted = wantedEntry('arm', qemuStatic('arm'), 'F')
    const line = registerLine(wanted)
    const r = await registrar(arch, ['m', m, 'w', 'register', line, 'w', 'register', line, 'd'])
    expect(r.stderr).toBe('w\nregistrar: write failed\n')
    expect(r.code).toBe(17) // EEXIST
    expect(r.stdout).toBe('') // stopped before the dump

    const missing = await registrar(arch, ['m', m, 'w', 'qemu-nothing', '1'])
    expect(missing.stderr).toBe('registrar: open failed\n')
    expect(missing.code).toBe(2) // ENOENT

    const noInterpreter = await registrar(arch, [
      'm',
      m,
      'w',
      'register',
      registerLine({ ...wanted, interpreter: '/nonexistent/qemu-arm' })
    ])
    expect(noInterpreter.stderr).toBe('registrar: write failed\n')
    expect(noInterpreter.code).toBe(2) // ENOENT: F opens the interpreter at registration
  })

  test('c: after a chroot, register lines resolve the interpreter in the new root', async () => {
    const m = mnt()
    const root = join(dir, `root-${arch}`)
    mkdirSync(join(root, 'q'), { recursive: true })
    copyFileSync(qemuStatic('arm'), join(root, 'q', 'qemu-arm'))
    chmodSync(join(root, 'q', 'qemu-arm'), 0o755)
    const line = registerLine(wantedEntry('arm', '/q/qemu-arm', 'F'))
    // Without the chroot /q/qemu-arm does not exist, and F opens it at once.
    const outside = await registrar(arch, ['m', m, 'w', 'register', line])
    expect(outside.stderr).toBe('registrar: write failed\n')
    expect(outside.code).toBe(2)
    // The program runs from a folder the chroot leaves behind: it is already loaded.
    const inside = await registrar(arch, ['m', m, 'c', root, 'w', 'register', line, 'd'])
    expect(inside.stderr).toBe('w\n')
    expect(inside.code).toBe(0)
    const entry = parseDump(inside.stdout).files.get('qemu-arm')
    expect(entry).toMatch(/^interpreter \/q\/qemu-arm$/m)
    const missing = await registrar(arch, ['c', join(dir, 'nonexistent')])
    expect(missing.stderr).toBe('registrar: chroot failed\n')
    expect(missing.code).toBe(2)
  })

  test('an unknown operation, and h outside a privileged container, fail cleanly', async () => {
    const bad = await registrar(arch, ['x'])
    expect(bad.stderr).toBe('registrar: unknown operation failed\n')
    expect(bad.code).toBe(22) // EINVAL
    // Entering the host's mount namespace needs CAP_SYS_ADMIN over it: refused here.
    const h = await registrar(arch, ['h', 'd'])
    // (opening /proc/1/ns/mnt already needs ptrace access to pid 1, which a user namespace lacks).
    expect(h.stderr).toMatch(/^registrar: (open|setns) failed\n$/)
    expect([1, 13]).toContain(h.code) // EPERM, EACCES
    expect(h.stdout).toBe('')
  })
})

test('the programs are small static ELF executables for their machine', () => {
  for (const [arch, machine] of [
    ['x86_64', 62],
    ['aarch64', 183]
  ] as const) {
    const p = registrarProgram(arch)
    expect(p.subarray(0, 4).toString('latin1')).toBe('\x7fELF')
    expect(p.readUInt16LE(18)).toBe(machine)
    expect(p.readUInt16LE(56)).toBe(1) // one program header: PT_LOAD, no PT_INTERP
    expect(p.length).toBeLessThan(4096)
  }
})
