// The 34 QEMU linux-user targets and the ELF header each one claims, as QEMU's own
// qemu-binfmt-conf.sh registers them. Magic and mask are lowercase hex of equal length.

export interface Target {
  /** QEMU target name: the interpreter is qemu-<interpreter>[-static]. */
  readonly name: string
  /** QEMU's family: a host of one family runs the others of it natively (qemu-binfmt-conf.sh). */
  readonly family: string
  readonly magic: string
  readonly mask: string
  /** Interpreter name when it differs from the target's (i486 runs under qemu-i386). */
  readonly interpreter: string
}

// prettier-ignore
const rows: ReadonlyArray<readonly [string, string, string, string]> = [
  ['i386', 'i386', '7f454c4601010100000000000000000002000300', 'fffffffffffefe00fffffffffffffffffeffffff'],
  ['i486', 'i386', '7f454c4601010100000000000000000002000600', 'fffffffffffefe00fffffffffffffffffeffffff'],
  ['alpha', 'alpha', '7f454c4602010100000000000000000002002690', 'fffffffffffefe00fffffffffffffffffeffffff'],
  ['arm', 'arm', '7f454c4601010100000000000000000002002800', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['armeb', 'armeb', '7f454c4601020100000000000000000000020028', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['sparc', 'sparc', '7f454c4601020100000000000000000000020002', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['sparc32plus', 'sparc', '7f454c4601020100000000000000000000020012', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['sparc64', 'sparc', '7f454c460202010000000000000000000002002b', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['ppc', 'ppc', '7f454c4601020100000000000000000000020014', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['ppc64', 'ppc', '7f454c4602020100000000000000000000020015', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['ppc64le', 'ppcle', '7f454c4602010100000000000000000002001500', 'ffffffffffffff00fffffffffffffffffeffff00'],
  ['m68k', 'm68k', '7f454c4601020100000000000000000000020004', 'fffffffffffffe00fffffffffffffffffffeffff'],
  ['mips', 'mips', '7f454c46010201000000000000000000000200080000000100000000000000000000000000000000', 'ffffffffffffff0000fffffffffffffffffeffffffffffff00000000000000000000000000000020'],
  ['mipsel', 'mips', '7f454c46010101000000000000000000020008000100000000000000000000000000000000000000', 'ffffffffffffff0000fffffffffffffffeffffffffffffff00000000000000000000000020000000'],
  ['mipsn32', 'mips', '7f454c46010201000000000000000000000200080000000100000000000000000000000000000020', 'ffffffffffffff0000fffffffffffffffffeffffffffffff00000000000000000000000000000020'],
  ['mipsn32el', 'mips', '7f454c46010101000000000000000000020008000100000000000000000000000000000020000000', 'ffffffffffffff0000fffffffffffffffeffffffffffffff00000000000000000000000020000000'],
  ['mips64', 'mips', '7f454c4602020100000000000000000000020008', 'ffffffffffffff0000fffffffffffffffffeffff'],
  ['mips64el', 'mips', '7f454c4602010100000000000000000002000800', 'ffffffffffffff0000fffffffffffffffeffffff'],
  ['sh4', 'sh4', '7f454c4601010100000000000000000002002a00', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['sh4eb', 'sh4', '7f454c460102010000000000000000000002002a', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['s390x', 's390x', '7f454c4602020100000000000000000000020016', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['aarch64', 'arm', '7f454c460201010000000000000000000200b700', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['aarch64_be', 'armeb', '7f454c46020201000000000000000000000200b7', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['hppa', 'hppa', '7f454c460102010000000000000000000002000f', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['riscv32', 'riscv32', '7f454c460101010000000000000000000200f300', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['riscv64', 'riscv64', '7f454c460201010000000000000000000200f300', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['xtensa', 'xtensa', '7f454c4601010100000000000000000002005e00', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['xtensaeb', 'xtensaeb', '7f454c460102010000000000000000000002005e', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['microblaze', 'microblaze', '7f454c460102010000000000000000000200baab', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['microblazeel', 'microblazeel', '7f454c460101010000000000000000000200abba', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['or1k', 'or1k', '7f454c460102010000000000000000000002005c', 'ffffffffffffff00fffffffffffffffffffeffff'],
  ['x86_64', 'i386', '7f454c4602010100000000000000000002003e00', 'fffffffffffefe00fffffffffffffffffeffffff'],
  ['hexagon', 'hexagon', '7f454c460101010000000000000000000200a400', 'ffffffffffffff00fffffffffffffffffeffffff'],
  ['loongarch64', 'loongarch', '7f454c4602010100000000000000000002000201', 'fffffffffffffffc00fffffffffffffffeffffff']
]

export const TARGETS: ReadonlyMap<string, Target> = new Map(
  rows.map(([name, family, magic, mask]) => [
    name,
    { name, family, magic, mask, interpreter: name === 'i486' ? 'i386' : name }
  ])
)

export function target(name: string): Target {
  const found = TARGETS.get(name)
  if (!found) throw new Error(`Unknown QEMU target '${name}'`)
  return found
}
