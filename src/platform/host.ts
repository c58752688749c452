// The architectures Node runs on (os.arch() names), and what each one is called elsewhere: the
// QEMU target it runs natively, its ELF header, and rpm's name for it. One table, so that the
// native-platform probe, the interpreter check and the Fedora source cannot disagree.

export interface HostArch {
  /** The QEMU target this host runs without an emulator. */
  readonly target: string
  /** ELF e_machine of its programs, their word size and byte order. */
  readonly machine: number
  readonly bits: 32 | 64
  readonly littleEndian: boolean
  /** rpm's architecture name, where Fedora builds for it. */
  readonly rpm?: string
}

export const HOST_ARCHES: Readonly<Record<string, HostArch | undefined>> = {
  x64: { target: 'x86_64', machine: 62, bits: 64, littleEndian: true, rpm: 'x86_64' },
  ia32: { target: 'i386', machine: 3, bits: 32, littleEndian: true, rpm: 'i686' },
  arm64: { target: 'aarch64', machine: 183, bits: 64, littleEndian: true, rpm: 'aarch64' },
  arm: { target: 'arm', machine: 40, bits: 32, littleEndian: true, rpm: 'armv7hl' },
  riscv64: { target: 'riscv64', machine: 243, bits: 64, littleEndian: true, rpm: 'riscv64' },
  ppc64: { target: 'ppc64le', machine: 21, bits: 64, littleEndian: true, rpm: 'ppc64le' },
  s390x: { target: 's390x', machine: 22, bits: 64, littleEndian: false, rpm: 's390x' },
  loong64: {
    target: 'loongarch64',
    machine: 258,
    bits: 64,
    littleEndian: true,
    rpm: 'loongarch64'
  },
  mips64el: { target: 'mips64el', machine: 8, bits: 64, littleEndian: true }
}
