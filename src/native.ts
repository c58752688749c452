// Which QEMU targets this host runs without an emulator.

/** Targets the host's own CPU family runs, from Node's view of the host. */
const HOST_TARGETS: Record<string, readonly string[]> = {
  x64: ['x86_64', 'i386', 'i486'],
  ia32: ['i386', 'i486'],
  arm64: ['aarch64'],
  arm: ['arm'],
  riscv64: ['riscv64'],
  ppc64: ['ppc64le'],
  s390x: ['s390x'],
  loong64: ['loongarch64'],
  mips64el: ['mips64el']
}

export function nativeTargets(arch: string = process.arch): ReadonlySet<string> {
  return new Set(HOST_TARGETS[arch] ?? [])
}
