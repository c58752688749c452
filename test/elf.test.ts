// Interpreter checks on real files: Debian's static QEMU, a dynamic host program, foreign ELF.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkInterpreter, readElf } from '../src/qemu/elf.js'
import { findSystemInterpreters } from '../src/qemu/system.js'
import { busybox, qemuStatic } from './helpers/fixtures.js'

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
