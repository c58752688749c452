// Just enough ELF to decide whether a file can serve as an F-flag interpreter on this host:
// it must be an executable for the host's machine with no PT_INTERP (a dynamic interpreter
// needs the host's loader and libraries, which a container or chroot does not have).

import { open } from 'node:fs/promises'

export interface ElfInfo {
  readonly bits: 32 | 64
  readonly littleEndian: boolean
  readonly machine: number
  /** True when a PT_INTERP program header names a dynamic loader. */
  readonly dynamic: boolean
}

const PT_INTERP = 3

/** ELF e_machine numbers and word sizes of the hosts Node runs on (os.arch() names). */
const HOST_MACHINES: Record<string, { machine: number; bits: 32 | 64; littleEndian: boolean }> = {
  x64: { machine: 62, bits: 64, littleEndian: true },
  arm64: { machine: 183, bits: 64, littleEndian: true },
  arm: { machine: 40, bits: 32, littleEndian: true },
  ia32: { machine: 3, bits: 32, littleEndian: true },
  riscv64: { machine: 243, bits: 64, littleEndian: true },
  ppc64: { machine: 21, bits: 64, littleEndian: true },
  s390x: { machine: 22, bits: 64, littleEndian: false },
  loong64: { machine: 258, bits: 64, littleEndian: true },
  mips64el: { machine: 8, bits: 64, littleEndian: true }
}

/** Parse the header and program headers; undefined when the file is not ELF. */
export async function readElf(path: string): Promise<ElfInfo | undefined> {
  const file = await open(path, 'r')
  try {
    const head = Buffer.alloc(64)
    const { bytesRead } = await file.read(head, 0, 64, 0)
    if (bytesRead < 52 || head.readUInt32BE(0) !== 0x7f454c46) return undefined
    const bits = head[4] === 2 ? 64 : 32
    const littleEndian = head[5] === 1
    const u16 = (b: Buffer, at: number) => (littleEndian ? b.readUInt16LE(at) : b.readUInt16BE(at))
    const u32 = (b: Buffer, at: number) => (littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at))
    const machine = u16(head, 18)
    const phoff =
      bits === 64
        ? Number(littleEndian ? head.readBigUInt64LE(32) : head.readBigUInt64BE(32))
        : u32(head, 28)
    const phentsize = u16(head, bits === 64 ? 54 : 42)
    const phnum = u16(head, bits === 64 ? 56 : 44)
    const table = Buffer.alloc(phentsize * phnum)
    await file.read(table, 0, table.length, phoff)
    let dynamic = false
    for (let i = 0; i < phnum; i++) {
      if (u32(table, i * phentsize) === PT_INTERP) dynamic = true
    }
    return { bits, littleEndian, machine, dynamic }
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
  if (!info) throw new Error(`Interpreter ${path} is not an ELF executable`)
  const host = HOST_MACHINES[arch]
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
