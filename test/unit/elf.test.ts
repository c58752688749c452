// Interpreter checks on real files: Debian's static QEMU, a dynamic host program, foreign ELF.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkInterpreter, readElf } from '../../src/qemu/elf.js'
import { acquire } from '../../src/qemu/acquire.js'
import { findSystemInterpreters, qemuVersion } from '../../src/qemu/system.js'
import { memoryLog } from '../../src/util/log.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'elf-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readElf', () => {
  test('Debian static QEMU is a static x86-64 ELF', async () => {
    expect(await readElf(qemuStatic('aarch64'))).toEqual({
      bits: 64,
      littleEndian: true,
      machine: 62,
      type: 3,
      dynamic: false
    })
  })
  test('node itself is dynamic', async () => {
    expect((await readElf(process.execPath))?.dynamic).toBe(true)
  })
  test('busybox for s390x is big-endian machine 22', async () => {
    expect(await readElf(busybox('s390x'))).toMatchObject({
      bits: 64,
      littleEndian: false,
      machine: 22
    })
  })
})

describe('checkInterpreter', () => {
  test('accepts a static interpreter for this host', async () => {
    await expect(checkInterpreter(qemuStatic('arm'), 'x64')).resolves.toBeUndefined()
  })
  test('refuses a dynamic one: it would fail in containers', async () => {
    await expect(checkInterpreter(process.execPath, 'x64')).rejects.toThrow(
      /is dynamically linked \(it has a PT_INTERP header\), so it would fail inside containers/
    )
  })
  test('refuses one built for another machine', async () => {
    await expect(checkInterpreter(busybox('arm64'), 'x64')).rejects.toThrow(
      /is built for ELF machine 183 \(64-bit\), not for this x64 host \(machine 62\)/
    )
  })
  test('refuses a file that is not ELF', async () => {
    const text = join(dir, 'not-elf')
    writeFileSync(text, '#!/bin/sh\necho hi\n'.repeat(10))
    await expect(checkInterpreter(text, 'x64')).rejects.toThrow(/is not an ELF executable/)
  })
})

/** A copy of the static QEMU with some header bytes changed (little-endian x86-64 offsets). */
function patched(name: string, patch: (elf: Buffer) => void): string {
  const elf = readFileSync(qemuStatic('aarch64'))
  patch(elf)
  const path = join(dir, name)
  writeFileSync(path, elf, { mode: 0o755 })
  return path
}

/** 64 bytes of x86-64 ELF header (ET_EXEC, no program headers), then shell commands. */
function headerThenShell(marker: string): Buffer {
  const head = Buffer.alloc(64)
  head.writeUInt32BE(0x7f454c46, 0)
  head[4] = 2 // 64-bit
  head[5] = 1 // little-endian
  head[6] = 1
  head.writeUInt16LE(2, 16) // ET_EXEC
  head.writeUInt16LE(62, 18) // x86-64
  head.writeUInt16LE(56, 54) // e_phentsize, but e_phnum stays 0
  return Buffer.concat([head, Buffer.from(`\ntouch ${marker}\n`)])
}

describe('what the kernel could not load is refused', () => {
  test('a bare 64-byte ELF header', async () => {
    const path = join(dir, 'bare-header')
    writeFileSync(path, headerThenShell(join(dir, 'never')))
    await expect(checkInterpreter(path, 'x64')).rejects.toThrow(
      `Interpreter ${path} is not a program the kernel can run (it has no program headers)`
    )
  })
  test('an object file (ET_REL)', async () => {
    const path = patched('object.o', elf => {
      elf.writeUInt16LE(1, 16)
      elf.writeUInt16LE(0, 56) // objects have no program headers
    })
    await expect(checkInterpreter(path, 'x64')).rejects.toThrow(
      /\(it is an object file \(ET_REL\), not a program\)/
    )
  })
  test('a core dump (ET_CORE)', async () => {
    const path = patched('core', elf => elf.writeUInt16LE(4, 16))
    await expect(checkInterpreter(path, 'x64')).rejects.toThrow(
      /\(it is a core dump \(ET_CORE\), not a program\)/
    )
  })
  test('a shared library: ET_DYN without an entry point', async () => {
    const lib = '/lib/x86_64-linux-gnu/libz.so.1'
    expect((await readElf(lib))?.dynamic).toBe(false) // so PT_INTERP alone would let it pass
    await expect(checkInterpreter(lib, 'x64')).rejects.toThrow(
      /its entry point 0x0 is in no executable segment/
    )
  })
  test('an entry point outside every executable segment', async () => {
    const path = patched('entry-in-data', elf => elf.writeBigUInt64LE(0x10n, 24))
    await expect(checkInterpreter(path, 'x64')).rejects.toThrow(
      /its entry point 0x10 is in no executable segment/
    )
  })
  test('a truncated interpreter: a loadable segment is cut off', async () => {
    const path = join(dir, 'truncated')
    writeFileSync(path, readFileSync(qemuStatic('aarch64')).subarray(0, 1 << 20))
    await expect(checkInterpreter(path, 'x64')).rejects.toThrow(
      /a loadable segment \(#0\) is cut off/
    )
  })
})

describe('nothing from qemu-path is executed', () => {
  test('a file with an ELF header and shell commands is refused and never run', async () => {
    const folder = join(dir, 'planted')
    mkdirSync(folder)
    const marker = join(dir, 'ran-as-shell')
    writeFileSync(join(folder, 'qemu-aarch64-static'), headerThenShell(marker), { mode: 0o755 })
    const before = readdirSync(process.cwd())
    await expect(
      acquire({ source: 'system', targets: ['aarch64'], qemuPath: folder }, memoryLog())
    ).rejects.toThrow(/qemu-aarch64-static is not a program the kernel can run/)
    expect(existsSync(marker)).toBe(false)
    expect(readdirSync(process.cwd())).toEqual(before)
  })
  test('the version is read from the file, so it need not be executable to tell', async () => {
    const copy = join(dir, 'qemu-aarch64-readonly')
    copyFileSync(qemuStatic('aarch64'), copy)
    chmodSync(copy, 0o644)
    const printed = /version (\d+\.\d+\.\d+)/.exec(
      (await import('node:child_process'))
        .execFileSync(qemuStatic('aarch64'), ['--version'])
        .toString()
    )?.[1]
    expect(await qemuVersion(copy)).toBe(printed)
  })
  test('a system interpreter reports its version', async () => {
    const got = await acquire({ source: 'system', targets: ['aarch64'] }, memoryLog())
    expect(got.version).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('findSystemInterpreters', () => {
  test('finds Debian names qemu-<target>-static on PATH', async () => {
    const found = await findSystemInterpreters(['aarch64', 'i486'])
    expect(found.get('aarch64')).toBe('/usr/bin/qemu-aarch64-static')
    expect(found.get('i486')).toBe('/usr/bin/qemu-i386-static')
  })
  test('qemu-path holding the wrong architecture is refused', async () => {
    const folder = join(dir, 'wrong')
    mkdirSync(folder)
    copyFileSync(busybox('arm64'), join(folder, 'qemu-riscv64'))
    await expect(findSystemInterpreters(['riscv64'], folder)).rejects.toThrow(
      /qemu-riscv64 is built for ELF machine 183/
    )
  })
  test('a missing interpreter names what was looked for and the fix', async () => {
    await expect(findSystemInterpreters(['riscv64'], dir)).rejects.toThrow(
      `No QEMU interpreter for riscv64: looked for qemu-riscv64-static, qemu-riscv64 in ${dir}. Put them in ${dir}, or drop qemu-path to search PATH.`
    )
  })
})
