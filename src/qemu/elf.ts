// Just enough ELF to decide whether a file can serve as an F-flag interpreter on this host:
// it must be a program the kernel can load for the host's machine (ET_EXEC, or ET_DYN built as
// static-pie, with a loadable segment holding the entry point) and have no PT_INTERP (a dynamic
// interpreter needs the host's loader and libraries, which a container or chroot does not have).
// A bare header, an object file (ET_REL) or a core dump is refused: the kernel would answer
// ENOEXEC, and whatever runs it through execvp would then hand it to /bin/sh.

import { open } from 'node:fs/promises'
import { HOST_ARCHES } from '../platform/host.js'

export interface ElfInfo {
  readonly bits: 32 | 64
  readonly littleEndian: boolean
  readonly machine: number
  /** e_type: 1 relocatable, 2 executable, 3 shared object or PIE, 4 core. */
  readonly type: number
  /** True when a PT_INTERP program header names a dynamic loader. */
  readonly dynamic: boolean
  /** Why the kernel could not run it as a program, when it could not. */
  readonly unloadable?: string
}

const ET_EXEC = 2
const ET_DYN = 3
const PT_LOAD = 1
const PT_INTERP = 3
const PF_X = 1
/** The kernel refuses program header tables over 64 KiB (fs/binfmt_elf.c). */
const MAX_PHDRS_BYTES = 65536

const TYPE_NAMES: Record<number, string> = {
  0: 'ET_NONE',
  1: 'an object file (ET_REL)',
  4: 'a core dump (ET_CORE)'
}

/** Parse the header and program headers; undefined when the file is not ELF. */
export async function readElf(path: string): Promise<ElfInfo | undefined> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    const head = Buffer.alloc(64)
    const { bytesRead } = await file.read(head, 0, 64, 0)
    if (bytesRead < 52 || head.readUInt32BE(0) !== 0x7f454c46) return undefined
    if (head[4] !== 1 && head[4] !== 2) return undefined
    if (head[5] !== 1 && head[5] !== 2) return undefined
    const bits = head[4] === 2 ? 64 : 32
    const littleEndian = head[5] === 1
    const u16 = (b: Buffer, at: number) => (littleEndian ? b.readUInt16LE(at) : b.readUInt16BE(at))
    const u32 = (b: Buffer, at: number) => (littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at))
    const u64 = (b: Buffer, at: number) =>
      Number(littleEndian ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at))
    const word = bits === 64 ? u64 : u32
    const type = u16(head, 16)
    const machine = u16(head, 18)
    const entry = word(head, 24)
    const phoff = bits === 64 ? u64(head, 32) : u32(head, 28)
    const phentsize = u16(head, bits === 64 ? 54 : 42)
    const phnum = u16(head, bits === 64 ? 56 : 44)
    const info = { bits, littleEndian, machine, type } as const
    const refuse = (unloadable: string): ElfInfo => ({ ...info, dynamic: false, unloadable })

    if (type !== ET_EXEC && type !== ET_DYN) {
      return refuse(`it is ${TYPE_NAMES[type] ?? `of ELF type ${type}`}, not a program`)
    }
    if (phentsize !== (bits === 64 ? 56 : 32) || phnum === 0) {
      return refuse('it has no program headers')
    }
    const tableSize = phentsize * phnum
    if (tableSize > MAX_PHDRS_BYTES || phoff + tableSize > size) {
      return refuse('its program header table lies outside the file')
    }
    const table = Buffer.alloc(tableSize)
    await file.read(table, 0, tableSize, phoff)
    let dynamic = false
    let loads = 0
    let entryMapped = false
    for (let i = 0; i < phnum; i++) {
      const at = i * phentsize
      const kind = u32(table, at)
      if (kind === PT_INTERP) dynamic = true
      if (kind !== PT_LOAD) continue
      loads++
      // 64-bit: type, flags, offset, vaddr, paddr, filesz, memsz; 32-bit: type, offset, vaddr, paddr, filesz, memsz, flags.
      const flags = bits === 64 ? u32(table, at + 4) : u32(table, at + 24)
      const offset = bits === 64 ? u64(table, at + 8) : u32(table, at + 4)
      const vaddr = bits === 64 ? u64(table, at + 16) : u32(table, at + 8)
      const filesz = bits === 64 ? u64(table, at + 32) : u32(table, at + 16)
      const memsz = bits === 64 ? u64(table, at + 40) : u32(table, at + 20)
      if (offset + filesz > size) return refuse(`a loadable segment (#${i}) is cut off`)
      if (flags & PF_X && entry >= vaddr && entry < vaddr + memsz) entryMapped = true
    }
    if (loads === 0) return refuse('it has no loadable (PT_LOAD) segment')
    if (entry === 0 || !entryMapped) {
      return refuse(`its entry point 0x${entry.toString(16)} is in no executable segment`)
    }
    return { ...info, dynamic }
  } finally {
    await file.close()
  }
}

/**
 * Throw unless `path` is a static ELF executable for `arch` (os.arch() terms). The message
 * says what is wrong and what to do, since it usually means the wrong QEMU package.
 */
export async function checkInterpreter(path: string, arch: string = process.arch): Promise<void> {
  const info = await readElf(path)
  if (!info) {
    throw new Error(
      `Interpreter ${path} is not an ELF executable: use a static QEMU build (Debian's qemu-user-static)`
    )
  }
  if (info.unloadable) {
    throw new Error(
      `Interpreter ${path} is not a program the kernel can run (${info.unloadable}): ` +
        `use a static QEMU build (Debian's qemu-user-static)`
    )
  }
  const host = HOST_ARCHES[arch]
  if (
    host &&
    (info.machine !== host.machine ||
      info.bits !== host.bits ||
      info.littleEndian !== host.littleEndian)
  ) {
    throw new Error(
      `Interpreter ${path} is built for ELF machine ${info.machine} (${info.bits}-bit), ` +
        `not for this ${arch} host (machine ${host.machine}): use QEMU built for ${arch}`
    )
  }
  if (info.dynamic) {
    throw new Error(
      `Interpreter ${path} is dynamically linked (it has a PT_INTERP header), so it would fail ` +
        `inside containers and chroots: use a static build (Debian's qemu-user-static)`
    )
  }
}
