// Tiny static ELF executables ("probes"), generated here byte by byte, one per QEMU target.
// Each writes `setup-binfmt probe <target>\n` to fd 1 and exits 0, so running one through
// binfmt_misc proves that the registered interpreter really runs that target's binaries.
//
// File layout: ELF header, one PT_LOAD program header (R+X) mapping the whole file at a
// fixed address, machine code, then the message. No section headers. The code loads
// absolute addresses, so every encoder below emits a fixed length whatever the operand
// values: the layout is computed from a first pass with a dummy address.

type Endian = 'le' | 'be'

/** What an encoder needs to know: the address of its first instruction and of the message. */
interface Layout {
  readonly pc: number
  readonly msg: number
  readonly len: number
}

interface Arch {
  readonly bits: 32 | 64
  readonly endian: Endian
  readonly machine: number
  readonly flags: number
  /** Load address of the file (its first byte); page aligned for every target page size. */
  readonly base: number
  readonly code: (at: Layout) => Buffer
  /** ppc64 ELFv1: e_entry is the address of a function descriptor, not of code. */
  readonly descriptor?: boolean
}

const ET_EXEC = 2
const PT_LOAD = 1
const PF_R_X = 5
const PF_R_W_X = 7
const ALIGN = 0x10000 // the largest page size among the targets (ppc64, aarch64 can use 64K)

// ---------------------------------------------------------------------------------------
// Encoding helpers

function words(endian: Endian, ...ws: number[]): Buffer {
  const out = Buffer.alloc(ws.length * 4)
  ws.forEach((w, i) =>
    endian === 'le' ? out.writeUInt32LE(w >>> 0, i * 4) : out.writeUInt32BE(w >>> 0, i * 4)
  )
  return out
}

function halves(endian: Endian, ...hs: number[]): Buffer {
  const out = Buffer.alloc(hs.length * 2)
  hs.forEach((h, i) =>
    endian === 'le' ? out.writeUInt16LE(h, i * 2) : out.writeUInt16BE(h, i * 2)
  )
  return out
}

function le32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]
}

function be32(v: number): number[] {
  return le32(v).reverse()
}

/** Split v into hi, lo with v === hi * 2^bits + lo where lo is sign-extended from `bits`. */
function splitSigned(v: number, bits: number): [number, number] {
  const half = 2 ** (bits - 1)
  const lo = ((v + half) % 2 ** bits) - half
  return [(v - lo) / 2 ** bits, lo]
}

function mask(v: number, bits: number): number {
  return (v & (2 ** bits - 1)) >>> 0
}

// ---------------------------------------------------------------------------------------
// x86 (i386, x86_64): variable length, little endian

const EAX = 0
const EDX = 2
const EBX = 3
const ECX = 1
const ESI = 6
const EDI = 7

const x86 = {
  /** mov r32, imm32 (on x86_64 this zero-extends into the full register). */
  mov: (reg: number, imm: number) => [0xb8 + reg, ...le32(imm)],
  /** xor r32, r32: zero a register in two bytes. */
  zero: (reg: number) => [0x31, 0xc0 | (reg << 3) | reg],
  /** syscall: x86_64 system call. */
  syscall: [0x0f, 0x05],
  /** int 0x80: i386 system call. */
  int80: [0xcd, 0x80]
}

function x86_64(at: Layout): Buffer {
  return Buffer.from([
    ...x86.mov(EAX, 1), // eax = __NR_write
    ...x86.mov(EDI, 1), // edi = fd 1
    ...x86.mov(ESI, at.msg), // esi = message
    ...x86.mov(EDX, at.len), // edx = length
    ...x86.syscall,
    ...x86.mov(EAX, 231), // eax = __NR_exit_group
    ...x86.zero(EDI), // edi = status 0
    ...x86.syscall
  ])
}

function i386(at: Layout): Buffer {
  return Buffer.from([
    ...x86.mov(EAX, 4), // eax = __NR_write
    ...x86.mov(EBX, 1), // ebx = fd 1
    ...x86.mov(ECX, at.msg), // ecx = message
    ...x86.mov(EDX, at.len), // edx = length
    ...x86.int80,
    ...x86.mov(EAX, 252), // eax = __NR_exit_group
    ...x86.zero(EBX), // ebx = status 0
    ...x86.int80
  ])
}

// ---------------------------------------------------------------------------------------
// AArch64: instructions are little endian even on aarch64_be

const a64 = {
  /** movz xd, #imm16, lsl #(16*hw) */
  movz: (rd: number, imm: number, hw = 0) => 0xd2800000 | (hw << 21) | (mask(imm, 16) << 5) | rd,
  /** movk xd, #imm16, lsl #(16*hw): replace one halfword, keep the rest */
  movk: (rd: number, imm: number, hw = 0) => 0xf2800000 | (hw << 21) | (mask(imm, 16) << 5) | rd,
  /** svc #0 */
  svc: 0xd4000001
}

function aarch64(at: Layout): Buffer {
  return words(
    'le',
    a64.movz(0, 1), // x0 = fd 1
    a64.movz(1, at.msg & 0xffff), // x1 = message, low half...
    a64.movk(1, at.msg >>> 16, 1), // ...and high half
    a64.movz(2, at.len), // x2 = length
    a64.movz(8, 64), // x8 = __NR_write
    a64.svc,
    a64.movz(0, 0), // x0 = status 0
    a64.movz(8, 94), // x8 = __NR_exit_group
    a64.svc
  )
}

// ---------------------------------------------------------------------------------------
// ARM (A32, EABI). armeb uses BE8 (e_flags), where instructions stay little endian.

const a32 = {
  /** movw rd, #imm16 (always): rd = imm16 */
  movw: (rd: number, imm: number) => 0xe3000000 | ((imm >>> 12) << 16) | (rd << 12) | (imm & 0xfff),
  /** movt rd, #imm16 (always): set the top half, keep the bottom */
  movt: (rd: number, imm: number) => 0xe3400000 | ((imm >>> 12) << 16) | (rd << 12) | (imm & 0xfff),
  /** svc #0 (always) */
  svc: 0xef000000
}

function arm(at: Layout): Buffer {
  return words(
    'le',
    a32.movw(0, 1), // r0 = fd 1
    a32.movw(1, at.msg & 0xffff), // r1 = message, low half...
    a32.movt(1, at.msg >>> 16), // ...and high half
    a32.movw(2, at.len), // r2 = length
    a32.movw(7, 4), // r7 = __NR_write
    a32.svc,
    a32.movw(0, 0), // r0 = status 0
    a32.movw(7, 248), // r7 = __NR_exit_group
    a32.svc
  )
}

// ---------------------------------------------------------------------------------------
// RISC-V (RV32I / RV64I base instructions only), little endian

const rv = {
  /** lui rd, imm20: rd = sign-extended imm20 << 12 */
  lui: (rd: number, imm20: number) => (mask(imm20, 20) << 12) | (rd << 7) | 0x37,
  /** addi rd, rs1, imm12 */
  addi: (rd: number, rs1: number, imm12: number) =>
    (mask(imm12, 12) << 20) | (rs1 << 15) | (rd << 7) | 0x13,
  /** ecall */
  ecall: 0x00000073
}
const A0 = 10
const A1 = 11
const A2 = 12
const A7 = 17

function riscv(at: Layout): Buffer {
  const [hi, lo] = splitSigned(at.msg, 12)
  return words(
    'le',
    rv.addi(A0, 0, 1), // a0 = fd 1
    rv.lui(A1, hi), // a1 = message, upper 20 bits...
    rv.addi(A1, A1, lo), // ...plus the sign-extended low 12
    rv.addi(A2, 0, at.len), // a2 = length
    rv.addi(A7, 0, 64), // a7 = __NR_write
    rv.ecall,
    rv.addi(A0, 0, 0), // a0 = status 0
    rv.addi(A7, 0, 94), // a7 = __NR_exit_group
    rv.ecall
  )
}

// ---------------------------------------------------------------------------------------
// PowerPC (ppc, ppc64 big endian; ppc64le little endian): same encodings

const ppcOp = {
  /** li rd, imm (addi rd, 0, imm) */
  li: (rd: number, imm: number) => (14 << 26) | (rd << 21) | mask(imm, 16),
  /** lis rd, imm (addis rd, 0, imm): rd = sign-extended imm << 16 */
  lis: (rd: number, imm: number) => (15 << 26) | (rd << 21) | mask(imm, 16),
  /** ori ra, rs, uimm */
  ori: (ra: number, rs: number, imm: number) =>
    (24 << 26) | (rs << 21) | (ra << 16) | mask(imm, 16),
  /** sc: system call, number in r0 */
  sc: 0x44000002
}

function ppc(endian: Endian): (at: Layout) => Buffer {
  return at =>
    words(
      endian,
      ppcOp.li(3, 1), // r3 = fd 1
      ppcOp.lis(4, at.msg >>> 16), // r4 = message, high half...
      ppcOp.ori(4, 4, at.msg & 0xffff), // ...or the low half
      ppcOp.li(5, at.len), // r5 = length
      ppcOp.li(0, 4), // r0 = __NR_write
      ppcOp.sc,
      ppcOp.li(3, 0), // r3 = status 0
      ppcOp.li(0, 234), // r0 = __NR_exit_group
      ppcOp.sc
    )
}

// ---------------------------------------------------------------------------------------
// s390x: variable length (2, 4, 6 bytes), big endian

const s390 = {
  /** lghi r, imm16: r = sign-extended imm16 (RI format A7x9) */
  lghi: (r: number, imm: number) => [0xa7, (r << 4) | 0x9, ...be32(mask(imm, 16)).slice(2)],
  /** llilf r, imm32: r = zero-extended imm32 (RIL format C0xF) */
  llilf: (r: number, imm: number) => [0xc0, (r << 4) | 0xf, ...be32(imm)],
  /** svc n: system call n (numbers below 256 go in the immediate) */
  svc: (n: number) => [0x0a, n]
}

function s390x(at: Layout): Buffer {
  return Buffer.from([
    ...s390.lghi(2, 1), // r2 = fd 1
    ...s390.llilf(3, at.msg), // r3 = message
    ...s390.lghi(4, at.len), // r4 = length
    ...s390.svc(4), // __NR_write
    ...s390.lghi(2, 0), // r2 = status 0
    ...s390.svc(248) // __NR_exit_group
  ])
}

// ---------------------------------------------------------------------------------------
// MIPS (o32, n32, n64 share these encodings); syscall has no delay slot

const mipsOp = {
  /** lui rt, imm: rt = sign-extended imm << 16 */
  lui: (rt: number, imm: number) => (0x0f << 26) | (rt << 16) | mask(imm, 16),
  /** ori rt, rs, imm (zero-extended imm) */
  ori: (rt: number, rs: number, imm: number) =>
    (0x0d << 26) | (rs << 21) | (rt << 16) | mask(imm, 16),
  /** syscall: number in v0 */
  syscall: 0x0000000c
}
const V0 = 2
const MA0 = 4
const MA1 = 5
const MA2 = 6

/** `base` is the ABI's syscall offset: o32 4000, n64 5000, n32 6000. */
function mips(endian: Endian, base: number): (at: Layout) => Buffer {
  const write = base + (base === 4000 ? 4 : 1)
  const exitGroup = base + (base === 4000 ? 246 : 205)
  return at =>
    words(
      endian,
      mipsOp.ori(MA0, 0, 1), // a0 = fd 1
      mipsOp.lui(MA1, at.msg >>> 16), // a1 = message, high half...
      mipsOp.ori(MA1, MA1, at.msg & 0xffff), // ...or the low half
      mipsOp.ori(MA2, 0, at.len), // a2 = length
      mipsOp.ori(V0, 0, write), // v0 = __NR_write
      mipsOp.syscall,
      mipsOp.ori(MA0, 0, 0), // a0 = status 0
      mipsOp.ori(V0, 0, exitGroup), // v0 = __NR_exit_group
      mipsOp.syscall
    )
}

// ---------------------------------------------------------------------------------------
// LoongArch64, little endian

const la = {
  /** lu12i.w rd, si20: rd = sign-extended si20 << 12 */
  lu12i: (rd: number, imm: number) => 0x14000000 | (mask(imm, 20) << 5) | rd,
  /** ori rd, rj, ui12 */
  ori: (rd: number, rj: number, imm: number) => 0x03800000 | (mask(imm, 12) << 10) | (rj << 5) | rd,
  /** syscall 0 */
  syscall: 0x002b0000
}
const LA0 = 4
const LA1 = 5
const LA2 = 6
const LA7 = 11

function loongarch64(at: Layout): Buffer {
  return words(
    'le',
    la.ori(LA0, 0, 1), // a0 = fd 1
    la.lu12i(LA1, at.msg >>> 12), // a1 = message, bits 31..12...
    la.ori(LA1, LA1, at.msg & 0xfff), // ...or bits 11..0
    la.ori(LA2, 0, at.len), // a2 = length
    la.ori(LA7, 0, 64), // a7 = __NR_write
    la.syscall,
    la.ori(LA0, 0, 0), // a0 = status 0
    la.ori(LA7, 0, 94), // a7 = __NR_exit_group
    la.syscall
  )
}

// ---------------------------------------------------------------------------------------
// SPARC (sparc64 traps with `ta 0x6d`, 32-bit sparc with `ta 0x10`), big endian

const sparcOp = {
  /** sethi %hi(imm), rd: rd = imm & ~0x3ff */
  sethi: (rd: number, imm: number) => (rd << 25) | (4 << 22) | (imm >>> 10),
  /** or rs1, simm13, rd */
  or: (rd: number, rs1: number, imm: number) =>
    (2 << 30) | (rd << 25) | (0x02 << 19) | (rs1 << 14) | (1 << 13) | mask(imm, 13),
  /** ta n: trap always (Tcc, cond 8, %icc) */
  ta: (n: number) => (2 << 30) | (8 << 25) | (0x3a << 19) | (1 << 13) | n
}
const G1 = 1
const O0 = 8
const O1 = 9
const O2 = 10

function sparc(trap: number): (at: Layout) => Buffer {
  return at =>
    words(
      'be',
      sparcOp.or(O0, 0, 1), // %o0 = fd 1
      sparcOp.sethi(O1, at.msg), // %o1 = message, bits 31..10...
      sparcOp.or(O1, O1, at.msg & 0x3ff), // ...or bits 9..0
      sparcOp.or(O2, 0, at.len), // %o2 = length
      sparcOp.or(G1, 0, 4), // %g1 = __NR_write
      sparcOp.ta(trap),
      sparcOp.or(O0, 0, 0), // %o0 = status 0
      sparcOp.or(G1, 0, 188), // %g1 = __NR_exit_group
      sparcOp.ta(trap)
    )
}

// ---------------------------------------------------------------------------------------
// m68k: 16-bit opcode words plus extension words, big endian

const m68kOp = {
  /** moveq #imm8, dn: dn = sign-extended imm8 */
  moveq: (dn: number, imm: number) => [0x70 | (dn << 1), mask(imm, 8)],
  /** move.l #imm32, dn */
  moveImm: (dn: number, imm: number) => [0x20 | (dn << 1), 0x3c, ...be32(imm)],
  /** trap #0: system call, number in d0 */
  trap0: [0x4e, 0x40]
}

function m68k(at: Layout): Buffer {
  return Buffer.from([
    ...m68kOp.moveq(1, 1), // d1 = fd 1
    ...m68kOp.moveImm(2, at.msg), // d2 = message
    ...m68kOp.moveq(3, at.len), // d3 = length
    ...m68kOp.moveq(0, 4), // d0 = __NR_write
    ...m68kOp.trap0,
    ...m68kOp.moveq(1, 0), // d1 = status 0
    ...m68kOp.moveImm(0, 247), // d0 = __NR_exit_group (too big for moveq)
    ...m68kOp.trap0
  ])
}

// ---------------------------------------------------------------------------------------
// SuperH (sh4 little endian, sh4eb big endian): 16-bit instructions

const shOp = {
  /** mov #imm8, rn: rn = sign-extended imm8 */
  movi: (rn: number, imm: number) => 0xe000 | (rn << 8) | mask(imm, 8),
  /** mov rm, rn */
  mov: (rn: number, rm: number) => 0x6003 | (rn << 8) | (rm << 4),
  /** extu.b rm, rn: rn = rm & 0xff */
  extub: (rn: number, rm: number) => 0x600c | (rn << 8) | (rm << 4),
  /** mova @(disp*4, pc), r0: r0 = (pc & ~3) + 4 + disp*4 */
  mova: (pc: number, target: number) => 0xc700 | mask((target - ((pc & ~3) + 4)) / 4, 8),
  /** trapa #imm: system call, number in r3 (imm 0x10 + argument count, by convention) */
  trapa: (imm: number) => 0xc300 | imm
}

function sh(endian: Endian): (at: Layout) => Buffer {
  // mova reaches the message PC-relatively: it is the first instruction, at `pc`.
  return at =>
    halves(
      endian,
      shOp.mova(at.pc, at.msg), // r0 = message
      shOp.mov(5, 0), // r5 = message
      shOp.movi(4, 1), // r4 = fd 1
      shOp.movi(6, at.len), // r6 = length
      shOp.movi(3, 4), // r3 = __NR_write
      shOp.trapa(0x13),
      shOp.movi(4, 0), // r4 = status 0
      shOp.movi(3, 252 - 256), // r3 = 0xfffffffc...
      shOp.extub(3, 3), // ...& 0xff = 252 = __NR_exit_group
      shOp.trapa(0x11)
    )
}

// ---------------------------------------------------------------------------------------
// Alpha, little endian

const alphaOp = {
  /** lda ra, disp(rb): ra = rb + sign-extended disp */
  lda: (ra: number, rb: number, disp: number) =>
    (0x08 << 26) | (ra << 21) | (rb << 16) | mask(disp, 16),
  /** ldah ra, disp(rb): ra = rb + sign-extended disp << 16 */
  ldah: (ra: number, rb: number, disp: number) =>
    (0x09 << 26) | (ra << 21) | (rb << 16) | mask(disp, 16),
  /** call_pal callsys: system call, number in v0 */
  callsys: 0x00000083
}
const ZERO = 31
const AV0 = 0
const AA0 = 16
const AA1 = 17
const AA2 = 18

function alpha(at: Layout): Buffer {
  const [hi, lo] = splitSigned(at.msg, 16)
  return words(
    'le',
    alphaOp.lda(AA0, ZERO, 1), // a0 = fd 1
    alphaOp.ldah(AA1, ZERO, hi), // a1 = message, high part...
    alphaOp.lda(AA1, AA1, lo), // ...plus the sign-extended low 16 bits
    alphaOp.lda(AA2, ZERO, at.len), // a2 = length
    alphaOp.lda(AV0, ZERO, 4), // v0 = __NR_write
    alphaOp.callsys,
    alphaOp.lda(AA0, ZERO, 0), // a0 = status 0
    alphaOp.lda(AV0, ZERO, 405), // v0 = __NR_exit_group
    alphaOp.callsys
  )
}

// ---------------------------------------------------------------------------------------
// PA-RISC (hppa), big endian. Immediates are stored with scrambled bits: the PA-RISC manual
// numbers bits from the most significant (bit 0), so these helpers do too.

/** Bit i (0 = most significant) of a `width`-bit value. */
function bitAt(v: number, width: number, i: number): number {
  return (v >>> (width - 1 - i)) & 1
}

/** Build a value from bits listed most significant first. */
function fromBits(bits: number[]): number {
  return bits.reduce((acc, b) => acc * 2 + b, 0)
}

/**
 * The im21 field of LDIL for a 21-bit value v. The CPU computes
 * v = assemble_21(x) = x{20}, x{9..19}, x{5..6}, x{0..4}, x{7..8}; this inverts it.
 */
function hppaIm21(v: number): number {
  const b = (i: number) => bitAt(v, 21, i)
  const x: number[] = []
  for (let i = 0; i < 5; i++) x.push(b(14 + i)) // x{0..4} = v{14..18}
  x.push(b(12), b(13)) // x{5..6} = v{12..13}
  x.push(b(19), b(20)) // x{7..8} = v{19..20}
  for (let i = 0; i < 11; i++) x.push(b(1 + i)) // x{9..19} = v{1..11}
  x.push(b(0)) // x{20} = v{0}, the sign
  return fromBits(x)
}

/** low_sign_ext field of a 14-bit immediate: the sign bit moves to the least significant. */
function hppaIm14(v: number): number {
  return (mask(v, 13) << 1) | (v < 0 ? 1 : 0)
}

const hppaOp = {
  /** ldil L%imm, t: t = imm & ~0x7ff */
  ldil: (t: number, imm: number) => (0x08 << 26) | (t << 21) | hppaIm21(imm >>> 11),
  /** ldo disp(b), t: t = b + disp (ldi when b is %r0) */
  ldo: (t: number, b: number, disp: number) =>
    (0x0d << 26) | (b << 21) | (t << 16) | hppaIm14(disp),
  /**
   * ble 0x100(%sr2, %r0): branch into the kernel gateway page, which makes the system call
   * (number in %r20) and returns to %r31. Fixed operands, so the encoding is a constant.
   */
  bleGateway: 0xe4008200
}

function hppa(at: Layout): Buffer {
  return words(
    'be',
    hppaOp.ldo(26, 0, 1), // %r26 = fd 1
    hppaOp.ldil(25, at.msg), // %r25 = message, bits 31..11...
    hppaOp.ldo(25, 25, at.msg & 0x7ff), // ...plus bits 10..0
    hppaOp.ldo(24, 0, at.len), // %r24 = length
    hppaOp.bleGateway,
    hppaOp.ldo(20, 0, 4), // (delay slot) %r20 = __NR_write
    hppaOp.ldo(26, 0, 0), // %r26 = status 0
    hppaOp.bleGateway,
    hppaOp.ldo(20, 0, 222) // (delay slot) %r20 = __NR_exit_group
  )
}

// ---------------------------------------------------------------------------------------
// OpenRISC 1000 (or1k), big endian

const or1kOp = {
  /** l.movhi rd, k: rd = k << 16 */
  movhi: (rd: number, k: number) => (0x06 << 26) | (rd << 21) | mask(k, 16),
  /** l.ori rd, ra, k (zero-extended k) */
  ori: (rd: number, ra: number, k: number) => (0x2a << 26) | (rd << 21) | (ra << 16) | mask(k, 16),
  /** l.sys 1: system call, number in r11 */
  sys: 0x20000001
}

function or1k(at: Layout): Buffer {
  return words(
    'be',
    or1kOp.ori(3, 0, 1), // r3 = fd 1
    or1kOp.movhi(4, at.msg >>> 16), // r4 = message, high half...
    or1kOp.ori(4, 4, at.msg & 0xffff), // ...or the low half
    or1kOp.ori(5, 0, at.len), // r5 = length
    or1kOp.ori(11, 0, 64), // r11 = __NR_write
    or1kOp.sys,
    or1kOp.ori(3, 0, 0), // r3 = status 0
    or1kOp.ori(11, 0, 94), // r11 = __NR_exit_group
    or1kOp.sys
  )
}

// ---------------------------------------------------------------------------------------
// Xtensa: 24-bit instructions made of 4-bit fields. Big endian stores the same fields in
// reverse order, so an instruction is described by its fields and laid out per endianness.

/** RRR format: op0, t, s, r, op1, op2 from the least significant nibble in little endian. */
function rrr(e: Endian, op0: number, t: number, s: number, r: number, op1: number, op2: number) {
  return e === 'le'
    ? [(t << 4) | op0, (r << 4) | s, (op2 << 4) | op1]
    : [(op0 << 4) | t, (s << 4) | r, (op1 << 4) | op2]
}

/** RRI8 format: as RRR, with an 8-bit immediate in place of op1 and op2. */
function rri8(e: Endian, op0: number, t: number, s: number, r: number, imm8: number) {
  return e === 'le' ? [(t << 4) | op0, (r << 4) | s, imm8] : [(op0 << 4) | t, (s << 4) | r, imm8]
}

const xt = {
  /** movi at, imm12 (signed): imm bits 11:8 sit in the s field */
  movi: (e: Endian, t: number, imm: number) =>
    rri8(e, 0x2, t, mask(imm, 12) >>> 8, 0xa, imm & 0xff),
  /** addi at, as, imm8 (signed) */
  addi: (e: Endian, t: number, s: number, imm: number) => rri8(e, 0x2, t, s, 0xc, mask(imm, 8)),
  /** slli ar, as, n: the 5-bit field holds 32 - n, in t and the low bit of op2 */
  slli: (e: Endian, r: number, s: number, n: number) =>
    rrr(e, 0x0, (32 - n) & 0xf, s, r, 0x1, (32 - n) >>> 4),
  /** syscall: number in a2 */
  syscall: (e: Endian) => rrr(e, 0x0, 0, 0, 0x5, 0, 0)
}

function xtensa(e: Endian): (at: Layout) => Buffer {
  return at => {
    // msg = hi << 8 + lo, both halves small enough for movi and addi (msg < 512K).
    const [hi, lo] = splitSigned(at.msg, 8)
    if (hi >= 2048) throw new Error('xtensa probe: message address out of movi range')
    return Buffer.from([
      ...xt.movi(e, 6, 1), // a6 = fd 1
      ...xt.movi(e, 3, hi), // a3 = message >> 8...
      ...xt.slli(e, 3, 3, 8), // ...<< 8...
      ...xt.addi(e, 3, 3, lo), // ...plus the sign-extended low 8 bits
      ...xt.movi(e, 4, at.len), // a4 = length
      ...xt.movi(e, 2, 13), // a2 = __NR_write
      ...xt.syscall(e),
      ...xt.movi(e, 6, 0), // a6 = status 0
      ...xt.movi(e, 2, 119), // a2 = __NR_exit_group
      ...xt.syscall(e)
    ])
  }
}

// ---------------------------------------------------------------------------------------
// Hexagon: 32-bit words grouped in packets; bits 15:14 ("parse bits") are 11 on the last
// word of a packet, 01 on a constant extender that precedes its instruction. Little endian.

const PACKET_END = 0x3 << 14
const PACKET_MORE = 0x1 << 14

const hex = {
  /** rd = #s16 (A2_tfrsi); imm bits 15:14, 13:9, 8:0 go to bits 23:22, 20:16, 13:5 */
  tfrsi: (rd: number, imm: number) => {
    const i = mask(imm, 16)
    return (
      0x78000000 |
      ((i >>> 14) << 22) |
      (((i >>> 9) & 0x1f) << 16) |
      PACKET_END |
      ((i & 0x1ff) << 5) |
      rd
    )
  },
  /** immext(#u26): supplies bits 31:6 of the next instruction's immediate */
  immext: (v: number) => {
    const u26 = v >>> 6
    return ((u26 >>> 14) << 16) | PACKET_MORE | (u26 & 0x3fff)
  },
  /** trap0(#1): system call, number in r6 */
  trap0: 0x5400c004
}

function hexagon(at: Layout): Buffer {
  return words(
    'le',
    hex.tfrsi(0, 1), // { r0 = fd 1 }
    hex.immext(at.msg), // { r1 = message: bits 31..6 from the extender...
    hex.tfrsi(1, at.msg & 0x3f), // ...bits 5..0 from the instruction }
    hex.tfrsi(2, at.len), // { r2 = length }
    hex.tfrsi(6, 64), // { r6 = __NR_write }
    hex.trap0,
    hex.tfrsi(0, 0), // { r0 = status 0 }
    hex.tfrsi(6, 94), // { r6 = __NR_exit_group }
    hex.trap0
  )
}

// ---------------------------------------------------------------------------------------
// MicroBlaze, little endian (microblazeel)

const mbOp = {
  /** imm k: supplies the upper 16 bits of the next instruction's immediate */
  imm: (k: number) => (0x2c << 26) | mask(k, 16),
  /** addik rd, ra, k: rd = ra + sign-extended k (or the imm-prefixed 32-bit value) */
  addik: (rd: number, ra: number, k: number) =>
    (0x0c << 26) | (rd << 21) | (ra << 16) | mask(k, 16),
  /** brki r14, 0x8: system call, number in r12 */
  syscall: 0xb9cc0008
}

function microblaze(endian: Endian): (at: Layout) => Buffer {
  return at =>
    words(
      endian,
      mbOp.addik(5, 0, 1), // r5 = fd 1
      mbOp.imm(at.msg >>> 16), // r6 = message: upper half from the prefix...
      mbOp.addik(6, 0, at.msg & 0xffff), // ...lower half here
      mbOp.addik(7, 0, at.len), // r7 = length
      mbOp.addik(12, 0, 4), // r12 = __NR_write
      mbOp.syscall,
      mbOp.addik(5, 0, 0), // r5 = status 0
      mbOp.addik(12, 0, 252), // r12 = __NR_exit_group
      mbOp.syscall
    )
}

// ---------------------------------------------------------------------------------------
// The targets

const EF_ARM_EABI5 = 0x05000000
const EF_ARM_SOFT_FLOAT = 0x00000200
const EF_ARM_BE8 = 0x00800000
const EF_MIPS_NOREORDER = 0x1
const EF_MIPS_ABI2 = 0x20 // n32
const EF_MIPS_ABI_O32 = 0x1000
const EF_MIPS_ARCH_32R2 = 0x70000000
const EF_MIPS_ARCH_64R2 = 0x80000000

const ARCHES: Readonly<Record<string, Arch>> = {
  x86_64: { bits: 64, endian: 'le', machine: 62, flags: 0, base: 0x400000, code: x86_64 },
  i386: { bits: 32, endian: 'le', machine: 3, flags: 0, base: 0x08048000, code: i386 },
  // EM_486: old i486 binaries, which binfmt_misc sends to qemu-i386 as well.
  i486: { bits: 32, endian: 'le', machine: 6, flags: 0, base: 0x08048000, code: i386 },
  aarch64: { bits: 64, endian: 'le', machine: 183, flags: 0, base: 0x400000, code: aarch64 },
  aarch64_be: { bits: 64, endian: 'be', machine: 183, flags: 0, base: 0x400000, code: aarch64 },
  arm: {
    bits: 32,
    endian: 'le',
    machine: 40,
    flags: EF_ARM_EABI5 | EF_ARM_SOFT_FLOAT,
    base: 0x10000,
    code: arm
  },
  armeb: {
    bits: 32,
    endian: 'be',
    machine: 40,
    flags: EF_ARM_EABI5 | EF_ARM_BE8 | EF_ARM_SOFT_FLOAT,
    base: 0x10000,
    code: arm
  },
  // e_flags 5 = RVC | double-float ABI, as distributions build; the probe uses neither.
  riscv64: { bits: 64, endian: 'le', machine: 243, flags: 0x5, base: 0x10000, code: riscv },
  riscv32: { bits: 32, endian: 'le', machine: 243, flags: 0x5, base: 0x10000, code: riscv },
  // ppc64le is ELFv2 (e_flags 2): e_entry is code. ppc64 is ELFv1: e_entry is a descriptor.
  ppc64le: { bits: 64, endian: 'le', machine: 21, flags: 2, base: 0x10000000, code: ppc('le') },
  ppc64: {
    bits: 64,
    endian: 'be',
    machine: 21,
    flags: 1,
    base: 0x10000000,
    code: ppc('be'),
    descriptor: true
  },
  ppc: { bits: 32, endian: 'be', machine: 20, flags: 0, base: 0x10000000, code: ppc('be') },
  s390x: { bits: 64, endian: 'be', machine: 22, flags: 0, base: 0x1000000, code: s390x },
  // n64 is told by ELFCLASS64 alone; o32 and n32 both are ELFCLASS32 and differ in EF_MIPS_ABI2.
  mips64el: {
    bits: 64,
    endian: 'le',
    machine: 8,
    flags: EF_MIPS_ARCH_64R2 | EF_MIPS_NOREORDER,
    base: 0x400000,
    code: mips('le', 5000)
  },
  mips64: {
    bits: 64,
    endian: 'be',
    machine: 8,
    flags: EF_MIPS_ARCH_64R2 | EF_MIPS_NOREORDER,
    base: 0x400000,
    code: mips('be', 5000)
  },
  mips: {
    bits: 32,
    endian: 'be',
    machine: 8,
    flags: EF_MIPS_ARCH_32R2 | EF_MIPS_ABI_O32 | EF_MIPS_NOREORDER,
    base: 0x400000,
    code: mips('be', 4000)
  },
  mipsel: {
    bits: 32,
    endian: 'le',
    machine: 8,
    flags: EF_MIPS_ARCH_32R2 | EF_MIPS_ABI_O32 | EF_MIPS_NOREORDER,
    base: 0x400000,
    code: mips('le', 4000)
  },
  mipsn32: {
    bits: 32,
    endian: 'be',
    machine: 8,
    flags: EF_MIPS_ARCH_64R2 | EF_MIPS_ABI2 | EF_MIPS_NOREORDER,
    base: 0x400000,
    code: mips('be', 6000)
  },
  mipsn32el: {
    bits: 32,
    endian: 'le',
    machine: 8,
    flags: EF_MIPS_ARCH_64R2 | EF_MIPS_ABI2 | EF_MIPS_NOREORDER,
    base: 0x400000,
    code: mips('le', 6000)
  },
  // e_flags 0x43 = object ABI v1, LP64D.
  loongarch64: {
    bits: 64,
    endian: 'le',
    machine: 258,
    flags: 0x43,
    base: 0x400000,
    code: loongarch64
  },
  sparc64: { bits: 64, endian: 'be', machine: 43, flags: 0, base: 0x100000, code: sparc(0x6d) },
  sparc: { bits: 32, endian: 'be', machine: 2, flags: 0, base: 0x10000, code: sparc(0x10) },
  // EM_SPARC32PLUS with EF_SPARC_32PLUS: 32-bit code for V8+ CPUs.
  sparc32plus: {
    bits: 32,
    endian: 'be',
    machine: 18,
    flags: 0x100,
    base: 0x10000,
    code: sparc(0x10)
  },
  m68k: { bits: 32, endian: 'be', machine: 4, flags: 0, base: 0x80000000, code: m68k },
  // e_flags 9 = EF_SH4.
  sh4: { bits: 32, endian: 'le', machine: 42, flags: 9, base: 0x400000, code: sh('le') },
  sh4eb: { bits: 32, endian: 'be', machine: 42, flags: 9, base: 0x400000, code: sh('be') },
  // EM_ALPHA's unofficial number, which Linux and QEMU use.
  alpha: { bits: 64, endian: 'le', machine: 0x9026, flags: 0, base: 0x10000, code: alpha },
  // e_flags 0x210 = PA-RISC 1.1.
  hppa: { bits: 32, endian: 'be', machine: 15, flags: 0x210, base: 0x10000, code: hppa },
  or1k: { bits: 32, endian: 'be', machine: 92, flags: 0, base: 0x10000, code: or1k },
  xtensa: { bits: 32, endian: 'le', machine: 94, flags: 0x300, base: 0x10000, code: xtensa('le') },
  xtensaeb: {
    bits: 32,
    endian: 'be',
    machine: 94,
    flags: 0x300,
    base: 0x10000,
    code: xtensa('be')
  },
  // e_flags 0x60 = Hexagon V60; QEMU 7.2 accepts only the versions it knows.
  hexagon: { bits: 32, endian: 'le', machine: 164, flags: 0x60, base: 0x10000, code: hexagon },
  // EM_MICROBLAZE_OLD (0xbaab), which QEMU's binfmt registration matches (not EM_MICROBLAZE).
  // No big-endian microblaze: QEMU's registration for it wants e_type bytes 02 00, which in
  // big endian is no valid e_type, so no loadable binary can match it.
  microblazeel: {
    bits: 32,
    endian: 'le',
    machine: 0xbaab,
    flags: 0,
    base: 0x10000,
    code: microblaze('le')
  }
}

/** The QEMU targets (names as in targets.ts) that probeProgram can build. */
export const PROBE_TARGETS: readonly string[] = Object.freeze(Object.keys(ARCHES))

/** The line a probe for `target` prints, without the newline. */
export function probeMarker(target: string): string {
  return `setup-binfmt probe ${target}`
}

// ---------------------------------------------------------------------------------------
// ELF writer

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to
}

class Writer {
  constructor(
    readonly buf: Buffer,
    readonly endian: Endian
  ) {}
  u8(at: number, v: number) {
    this.buf.writeUInt8(v, at)
  }
  u16(at: number, v: number) {
    if (this.endian === 'le') this.buf.writeUInt16LE(v, at)
    else this.buf.writeUInt16BE(v, at)
  }
  u32(at: number, v: number) {
    if (this.endian === 'le') this.buf.writeUInt32LE(v >>> 0, at)
    else this.buf.writeUInt32BE(v >>> 0, at)
  }
  u64(at: number, v: number) {
    if (this.endian === 'le') this.buf.writeBigUInt64LE(BigInt(v), at)
    else this.buf.writeBigUInt64BE(BigInt(v), at)
  }
  /** An address or offset: 4 bytes in ELFCLASS32, 8 in ELFCLASS64. */
  word(bits: 32 | 64, at: number, v: number) {
    if (bits === 64) this.u64(at, v)
    else this.u32(at, v)
  }
}

/** What goes into one probe file besides the headers. */
interface Image {
  /** Machine code, given the addresses of its first instruction, of `data` and of the bss. */
  readonly code: (pc: number, data: number, bss: number) => Buffer
  readonly data: Buffer
  /** Zeroed bytes after the file's end; when non-zero the segment is also writable. */
  readonly bss: number
  /** Alignment of `data` in the file; default 4 (chain probes put pointers there). */
  readonly dataAlign?: number
}

function archOf(target: string): Arch {
  const arch = Object.hasOwn(ARCHES, target) ? ARCHES[target] : undefined
  if (!arch) {
    throw new Error(`No probe for QEMU target '${target}'; supported: ${PROBE_TARGETS.join(', ')}`)
  }
  return arch
}

/**
 * A static ELF executable for `target` (a name from PROBE_TARGETS) that prints
 * `probeMarker(target)` and a newline to stdout and exits 0.
 */
export function probeProgram(target: string): Buffer {
  const arch = archOf(target)
  const message = Buffer.from(`${probeMarker(target)}\n`, 'ascii')
  return writeElf(target, arch, {
    code: (pc, msg) => arch.code({ pc, msg, len: message.length }),
    data: message,
    bss: 0
  })
}

function writeElf(target: string, arch: Arch, image: Image): Buffer {
  const is64 = arch.bits === 64
  const ehsize = is64 ? 64 : 52
  const phentsize = is64 ? 56 : 32
  const codeOff = ehsize + phentsize

  // First pass only measures the code: encoders emit the same length for any address.
  const size = image.code(0, 0, 0).length
  const descOff = arch.descriptor ? align(codeOff + size, 8) : undefined
  const dataOff = align(descOff === undefined ? codeOff + size : descOff + 24, image.dataAlign ?? 4)
  const total = dataOff + image.data.length
  const bssOff = align(total, 16)
  const code = image.code(arch.base + codeOff, arch.base + dataOff, arch.base + bssOff)
  if (code.length !== size) throw new Error(`${target} probe: code length depends on addresses`)
  const memsz = image.bss > 0 ? bssOff + image.bss : total
  const segFlags = image.bss > 0 ? PF_R_W_X : PF_R_X

  const w = new Writer(Buffer.alloc(total), arch.endian)
  // e_ident: magic, class, data encoding, version 1, OS ABI System V; the rest is padding.
  w.buf.write('\x7fELF', 0, 'latin1')
  w.u8(4, is64 ? 2 : 1)
  w.u8(5, arch.endian === 'le' ? 1 : 2)
  w.u8(6, 1)
  w.u16(16, ET_EXEC)
  w.u16(18, arch.machine)
  w.u32(20, 1) // e_version
  const entry = arch.base + (descOff ?? codeOff)
  // Class-dependent offsets: e_entry, e_phoff, e_shoff (0), then e_flags and sizes.
  const wordSize = is64 ? 8 : 4
  w.word(arch.bits, 24, entry)
  w.word(arch.bits, 24 + wordSize, ehsize) // e_phoff: program header right after this one
  const rest = 24 + 3 * wordSize
  w.u32(rest, arch.flags)
  w.u16(rest + 4, ehsize)
  w.u16(rest + 6, phentsize)
  w.u16(rest + 8, 1) // e_phnum; e_shentsize, e_shnum and e_shstrndx stay 0

  // The single PT_LOAD maps the whole file, headers included, then any zeroed bss.
  const ph = ehsize
  w.u32(ph, PT_LOAD)
  if (is64) {
    w.u32(ph + 4, segFlags)
    w.u64(ph + 8, 0) // p_offset
    w.u64(ph + 16, arch.base) // p_vaddr
    w.u64(ph + 24, arch.base) // p_paddr
    w.u64(ph + 32, total) // p_filesz
    w.u64(ph + 40, memsz) // p_memsz
    w.u64(ph + 48, ALIGN)
  } else {
    w.u32(ph + 4, 0) // p_offset
    w.u32(ph + 8, arch.base) // p_vaddr
    w.u32(ph + 12, arch.base) // p_paddr
    w.u32(ph + 16, total) // p_filesz
    w.u32(ph + 20, memsz) // p_memsz
    w.u32(ph + 24, segFlags)
    w.u32(ph + 28, ALIGN)
  }

  code.copy(w.buf, codeOff)
  if (descOff !== undefined) {
    // ELFv1 function descriptor: code address, TOC pointer (unused), environment (unused).
    w.u64(descOff, arch.base + codeOff)
  }
  image.data.copy(w.buf, dataOff)
  return w.buf
}

// ---------------------------------------------------------------------------------------
// Deep probes: what binfmt_misc's flags and QEMU promise beyond running at all. A deep probe
// writes three fields to fd 1 and exits 0:
//   its effective uid, 4 bytes in the target's byte order (C: a setuid-root file runs as root),
//   argv[0] and its NUL (P: the name the caller gave, not the path),
//   readlink("/proc/self/exe") (QEMU must answer with the program, not itself).
// Encoders see the addresses of the path string (data) and of a zeroed buffer (bss).

interface DeepLayout {
  /** "/proc/self/exe", NUL terminated. */
  readonly path: number
  /** A writable buffer of DEEP_BUF bytes. */
  readonly buf: number
}

const DEEP_BUF = 4096
const PROC_SELF_EXE = Buffer.from('/proc/self/exe\0', 'ascii')

/** AArch64 (generic syscall table: geteuid 175, write 64, readlinkat 78, exit_group 94). */
function aarch64Deep(at: DeepLayout): Buffer {
  const SP = 31
  const addr = (rd: number, v: number) => [a64.movz(rd, v & 0xffff), a64.movk(rd, v >>> 16, 1)]
  const op = {
    /** str wt, [xn]: store 32 bits */
    str32: (rt: number, rn: number) => 0xb9000000 | (rn << 5) | rt,
    /** ldr xt, [xn, #imm] (imm a multiple of 8) */
    ldr: (rt: number, rn: number, imm: number) => 0xf9400000 | ((imm / 8) << 10) | (rn << 5) | rt,
    /** ldrb wt, [xn, xm] */
    ldrb: (rt: number, rn: number, rm: number) => 0x38606800 | (rm << 16) | (rn << 5) | rt,
    /** add xd, xn, #imm12 */
    addi: (rd: number, rn: number, imm: number) => 0x91000000 | (imm << 10) | (rn << 5) | rd,
    /** cbnz wt, by `insns` instructions (negative: back) */
    cbnz: (rt: number, insns: number) => 0x35000000 | (mask(insns, 19) << 5) | rt,
    /** movn xd, #imm16: xd = ~imm16 */
    movn: (rd: number, imm: number) => 0x92800000 | (imm << 5) | rd,
    /** mov xd, xm (orr xd, xzr, xm) */
    mov: (rd: number, rm: number) => 0xaa0003e0 | (rm << 16) | rd
  }
  return words(
    'le',
    a64.movz(8, 175), // x8 = __NR_geteuid
    a64.svc, // x0 = euid
    ...addr(1, at.buf), // x1 = buffer
    op.str32(0, 1), // buffer = euid (32 bits)
    a64.movz(0, 1), // x0 = fd 1
    a64.movz(2, 4), // x2 = 4 bytes
    a64.movz(8, 64), // x8 = __NR_write
    a64.svc,
    op.ldr(1, SP, 8), // x1 = argv[0] (sp points to argc)
    a64.movz(2, 0), // x2 = 0
    op.ldrb(3, 1, 2), // loop: w3 = argv[0][x2]
    op.addi(2, 2, 1), //   x2 += 1
    op.cbnz(3, -2), //   until the NUL, counted
    a64.movz(0, 1), // x0 = fd 1
    a64.movz(8, 64), // x8 = __NR_write
    a64.svc, // write(1, argv[0], x2)
    op.movn(0, 99), // x0 = AT_FDCWD (-100)
    ...addr(1, at.path), // x1 = "/proc/self/exe"
    ...addr(2, at.buf), // x2 = buffer
    a64.movz(3, DEEP_BUF), // x3 = its size
    a64.movz(8, 78), // x8 = __NR_readlinkat
    a64.svc, // x0 = length
    op.mov(2, 0), // x2 = length
    ...addr(1, at.buf), // x1 = buffer
    a64.movz(0, 1), // x0 = fd 1
    a64.movz(8, 64), // x8 = __NR_write
    a64.svc,
    a64.movz(0, 0), // x0 = status 0
    a64.movz(8, 94), // x8 = __NR_exit_group
    a64.svc
  )
}

/** ARM EABI (geteuid32 201, write 4, readlink 85, exit_group 248). */
function armDeep(at: DeepLayout): Buffer {
  const addr = (rd: number, v: number) => [a32.movw(rd, v & 0xffff), a32.movt(rd, v >>> 16)]
  const op = {
    /** str rt, [rn] */
    str: (rt: number, rn: number) => 0xe5800000 | (rn << 16) | (rt << 12),
    /** ldr rt, [rn, #imm12] */
    ldr: (rt: number, rn: number, imm: number) => 0xe5900000 | (rn << 16) | (rt << 12) | imm,
    /** ldrb rt, [rn, rm] */
    ldrb: (rt: number, rn: number, rm: number) => 0xe7d00000 | (rn << 16) | (rt << 12) | rm,
    /** add rd, rn, #imm8 */
    addi: (rd: number, rn: number, imm: number) => 0xe2800000 | (rn << 16) | (rd << 12) | imm,
    /** cmp rn, #imm8 */
    cmpi: (rn: number, imm: number) => 0xe3500000 | (rn << 16) | imm,
    /** bne by `insns` instructions from this one (the pc reads 2 ahead) */
    bne: (insns: number) => 0x1a000000 | mask(insns - 2, 24),
    /** mov rd, rm */
    mov: (rd: number, rm: number) => 0xe1a00000 | (rd << 12) | rm
  }
  return words(
    'le',
    a32.movw(7, 201), // r7 = __NR_geteuid32
    a32.svc, // r0 = euid
    ...addr(1, at.buf), // r1 = buffer
    op.str(0, 1), // buffer = euid
    a32.movw(0, 1), // r0 = fd 1
    a32.movw(2, 4), // r2 = 4 bytes
    a32.movw(7, 4), // r7 = __NR_write
    a32.svc,
    op.ldr(1, 13, 4), // r1 = argv[0] (sp points to argc)
    a32.movw(2, 0), // r2 = 0
    op.ldrb(3, 1, 2), // loop: r3 = argv[0][r2]
    op.addi(2, 2, 1), //   r2 += 1
    op.cmpi(3, 0),
    op.bne(-3), //   until the NUL, counted
    a32.movw(0, 1), // r0 = fd 1
    a32.movw(7, 4), // r7 = __NR_write
    a32.svc, // write(1, argv[0], r2)
    ...addr(0, at.path), // r0 = "/proc/self/exe"
    ...addr(1, at.buf), // r1 = buffer
    a32.movw(2, DEEP_BUF), // r2 = its size
    a32.movw(7, 85), // r7 = __NR_readlink
    a32.svc, // r0 = length
    op.mov(2, 0), // r2 = length
    ...addr(1, at.buf), // r1 = buffer
    a32.movw(0, 1), // r0 = fd 1
    a32.movw(7, 4), // r7 = __NR_write
    a32.svc,
    a32.movw(0, 0), // r0 = status 0
    a32.movw(7, 248), // r7 = __NR_exit_group
    a32.svc
  )
}

/** RISC-V 64 (generic syscall table, as aarch64). */
function riscvDeep(at: DeepLayout): Buffer {
  const SP = 2
  const T0 = 5
  const T1 = 6
  const A3 = 13
  const addr = (rd: number, v: number) => {
    const [hi, lo] = splitSigned(v, 12)
    return [rv.lui(rd, hi), rv.addi(rd, rd, lo)]
  }
  const op = {
    /** sw rs2, 0(rs1) */
    sw: (rs2: number, rs1: number) => (rs2 << 20) | (rs1 << 15) | (2 << 12) | 0x23,
    /** ld rd, imm(rs1) */
    ld: (rd: number, rs1: number, imm: number) =>
      (mask(imm, 12) << 20) | (rs1 << 15) | (3 << 12) | (rd << 7) | 0x03,
    /** lbu rd, 0(rs1) */
    lbu: (rd: number, rs1: number) => (rs1 << 15) | (4 << 12) | (rd << 7) | 0x03,
    /** add rd, rs1, rs2 */
    add: (rd: number, rs1: number, rs2: number) => (rs2 << 20) | (rs1 << 15) | (rd << 7) | 0x33,
    /** bne rs1, zero, by `bytes` (even, within +-4K) */
    bnez: (rs1: number, bytes: number) => {
      const b = mask(bytes, 13)
      return (
        (((b >>> 12) & 1) << 31) |
        (((b >>> 5) & 0x3f) << 25) |
        (rs1 << 15) |
        (1 << 12) |
        (((b >>> 1) & 0xf) << 8) |
        (((b >>> 11) & 1) << 7) |
        0x63
      )
    }
  }
  return words(
    'le',
    rv.addi(A7, 0, 175), // a7 = __NR_geteuid
    rv.ecall, // a0 = euid
    ...addr(A1, at.buf), // a1 = buffer
    op.sw(A0, A1), // buffer = euid (32 bits)
    rv.addi(A0, 0, 1), // a0 = fd 1
    rv.addi(A2, 0, 4), // a2 = 4 bytes
    rv.addi(A7, 0, 64), // a7 = __NR_write
    rv.ecall,
    op.ld(A1, SP, 8), // a1 = argv[0] (sp points to argc)
    rv.addi(A2, 0, 0), // a2 = 0
    op.add(T0, A1, A2), // loop: t0 = &argv[0][a2]
    op.lbu(T1, T0), //   t1 = *t0
    rv.addi(A2, A2, 1), //   a2 += 1
    op.bnez(T1, -12), //   until the NUL, counted
    rv.addi(A0, 0, 1), // a0 = fd 1
    rv.addi(A7, 0, 64), // a7 = __NR_write
    rv.ecall, // write(1, argv[0], a2)
    rv.addi(A0, 0, -100), // a0 = AT_FDCWD
    ...addr(A1, at.path), // a1 = "/proc/self/exe"
    ...addr(A2, at.buf), // a2 = buffer
    rv.lui(A3, DEEP_BUF >>> 12), // a3 = its size
    rv.addi(A7, 0, 78), // a7 = __NR_readlinkat
    rv.ecall, // a0 = length
    rv.addi(A2, A0, 0), // a2 = length
    ...addr(A1, at.buf), // a1 = buffer
    rv.addi(A0, 0, 1), // a0 = fd 1
    rv.addi(A7, 0, 64), // a7 = __NR_write
    rv.ecall,
    rv.addi(A0, 0, 0), // a0 = status 0
    rv.addi(A7, 0, 94), // a7 = __NR_exit_group
    rv.ecall
  )
}

/**
 * PowerPC 64 (geteuid 49, write 4, readlink 85, exit_group 234). The kernel may change
 * r0 and r4-r12 in a system call, so each one gets its arguments afresh.
 */
function ppcDeep(endian: Endian): (at: DeepLayout) => Buffer {
  const op = {
    /** stw rs, 0(ra) */
    stw: (rs: number, ra: number) => (36 << 26) | (rs << 21) | (ra << 16),
    /** ld rt, ds(ra) (ds a multiple of 4) */
    ld: (rt: number, ra: number, ds: number) => (58 << 26) | (rt << 21) | (ra << 16) | ds,
    /** lbzx rt, ra, rb */
    lbzx: (rt: number, ra: number, rb: number) =>
      (31 << 26) | (rt << 21) | (ra << 16) | (rb << 11) | (87 << 1),
    /** addi rd, ra, imm */
    addi: (rd: number, ra: number, imm: number) =>
      (14 << 26) | (rd << 21) | (ra << 16) | mask(imm, 16),
    /** cmpwi cr0, ra, imm */
    cmpwi: (ra: number, imm: number) => (11 << 26) | (ra << 16) | mask(imm, 16),
    /** bne cr0, by `bytes` */
    bne: (bytes: number) => (16 << 26) | (4 << 21) | (2 << 16) | mask(bytes, 16),
    /** mr ra, rs (or ra, rs, rs) */
    mr: (ra: number, rs: number) => (31 << 26) | (rs << 21) | (ra << 16) | (rs << 11) | (444 << 1)
  }
  const addr = (rd: number, v: number) => [ppcOp.lis(rd, v >>> 16), ppcOp.ori(rd, rd, v & 0xffff)]
  return at =>
    words(
      endian,
      ppcOp.li(0, 49), // r0 = __NR_geteuid
      ppcOp.sc, // r3 = euid
      ...addr(4, at.buf), // r4 = buffer
      op.stw(3, 4), // buffer = euid
      ppcOp.li(3, 1), // r3 = fd 1
      ppcOp.li(5, 4), // r5 = 4 bytes
      ppcOp.li(0, 4), // r0 = __NR_write
      ppcOp.sc,
      op.ld(4, 1, 8), // r4 = argv[0] (r1 points to argc)
      ppcOp.li(5, 0), // r5 = 0
      op.lbzx(6, 4, 5), // loop: r6 = argv[0][r5]
      op.addi(5, 5, 1), //   r5 += 1
      op.cmpwi(6, 0),
      op.bne(-12), //   until the NUL, counted
      ppcOp.li(3, 1), // r3 = fd 1
      ppcOp.li(0, 4), // r0 = __NR_write
      ppcOp.sc, // write(1, argv[0], r5)
      ...addr(3, at.path), // r3 = "/proc/self/exe"
      ...addr(4, at.buf), // r4 = buffer
      ppcOp.li(5, DEEP_BUF), // r5 = its size
      ppcOp.li(0, 85), // r0 = __NR_readlink
      ppcOp.sc, // r3 = length (an errno, with cr0.SO set, on failure)
      op.mr(5, 3), // r5 = length
      ...addr(4, at.buf), // r4 = buffer
      ppcOp.li(3, 1), // r3 = fd 1
      ppcOp.li(0, 4), // r0 = __NR_write
      ppcOp.sc,
      ppcOp.li(3, 0), // r3 = status 0
      ppcOp.li(0, 234), // r0 = __NR_exit_group
      ppcOp.sc
    )
}

/** s390x (geteuid 201, write 4, readlink 85, exit_group 248; the result comes in r2). */
function s390xDeep(at: DeepLayout): Buffer {
  const op = {
    /** st r1, 0(r2): store 32 bits (RX) */
    st: (r: number, base: number) => [0x50, r << 4, base << 4, 0x00],
    /** lg r, d(base): load 64 bits (RXY, d < 4K) */
    lg: (r: number, base: number, d: number) => [
      0xe3,
      r << 4,
      (base << 4) | (d >>> 8),
      d & 0xff,
      0,
      0x04
    ],
    /** llgc r, 0(index, base): load one byte, zero-extended (RXY) */
    llgc: (r: number, index: number, base: number) => [
      0xe3,
      (r << 4) | index,
      base << 4,
      0,
      0,
      0x90
    ],
    /** aghi r, imm16 */
    aghi: (r: number, imm: number) => [0xa7, (r << 4) | 0xb, ...be32(mask(imm, 16)).slice(2)],
    /** ltgr r, r: set the condition code from r */
    ltgr: (r: number) => [0xb9, 0x02, 0x00, (r << 4) | r],
    /** jne by `bytes` from this instruction (brc 7) */
    jne: (bytes: number) => [0xa7, 0x74, ...be32(mask(bytes / 2, 16)).slice(2)],
    /** lgr r1, r2 */
    lgr: (r1: number, r2: number) => [0xb9, 0x04, 0x00, (r1 << 4) | r2]
  }
  return Buffer.from([
    ...s390.svc(201), // r2 = euid (__NR_geteuid)
    ...s390.llilf(3, at.buf), // r3 = buffer
    ...op.st(2, 3), // buffer = euid
    ...s390.lghi(2, 1), // r2 = fd 1
    ...s390.lghi(4, 4), // r4 = 4 bytes
    ...s390.svc(4), // __NR_write
    ...op.lg(3, 15, 8), // r3 = argv[0] (r15 points to argc)
    ...s390.lghi(4, 0), // r4 = 0
    ...op.llgc(5, 4, 3), // loop: r5 = argv[0][r4]
    ...op.aghi(4, 1), //   r4 += 1
    ...op.ltgr(5),
    ...op.jne(-14), //   until the NUL, counted
    ...s390.lghi(2, 1), // r2 = fd 1
    ...s390.svc(4), // write(1, argv[0], r4)
    ...s390.llilf(2, at.path), // r2 = "/proc/self/exe"
    ...s390.llilf(3, at.buf), // r3 = buffer
    ...s390.lghi(4, DEEP_BUF), // r4 = its size
    ...s390.svc(85), // r2 = length (__NR_readlink)
    ...op.lgr(4, 2), // r4 = length
    ...s390.llilf(3, at.buf), // r3 = buffer
    ...s390.lghi(2, 1), // r2 = fd 1
    ...s390.svc(4), // __NR_write
    ...s390.lghi(2, 0), // r2 = status 0
    ...s390.svc(248) // __NR_exit_group
  ])
}

/** x86_64 (geteuid 107, write 1, readlink 89, exit_group 231); addresses fit in 32 bits. */
function x86_64Deep(at: DeepLayout): Buffer {
  return Buffer.from([
    ...x86.mov(EAX, 107), // eax = __NR_geteuid
    ...x86.syscall, // eax = euid
    ...[0x89, 0x04, 0x25, ...le32(at.buf)], // mov [buffer], eax
    ...x86.mov(EAX, 1), // eax = __NR_write
    ...x86.mov(EDI, 1), // edi = fd 1
    ...x86.mov(ESI, at.buf), // esi = buffer
    ...x86.mov(EDX, 4), // edx = 4 bytes
    ...x86.syscall,
    ...[0x48, 0x8b, 0x74, 0x24, 0x08], // mov rsi, [rsp + 8]: argv[0] (rsp points to argc)
    ...x86.zero(EDX), // edx = 0
    ...[0x0f, 0xb6, 0x0c, 0x16], // loop: movzx ecx, byte [rsi + rdx]
    ...[0xff, 0xc2], //   inc edx
    ...[0x85, 0xc9], //   test ecx, ecx
    ...[0x75, 0xf6], //   jnz loop (10 bytes back): until the NUL, counted
    ...x86.mov(EAX, 1), // eax = __NR_write
    ...x86.mov(EDI, 1), // edi = fd 1
    ...x86.syscall, // write(1, argv[0], edx)
    ...x86.mov(EAX, 89), // eax = __NR_readlink
    ...x86.mov(EDI, at.path), // edi = "/proc/self/exe"
    ...x86.mov(ESI, at.buf), // esi = buffer
    ...x86.mov(EDX, DEEP_BUF), // edx = its size
    ...x86.syscall, // eax = length
    ...[0x89, 0xc2], // mov edx, eax
    ...x86.mov(EAX, 1), // eax = __NR_write
    ...x86.mov(EDI, 1), // edi = fd 1
    ...x86.mov(ESI, at.buf), // esi = buffer
    ...x86.syscall,
    ...x86.mov(EAX, 231), // eax = __NR_exit_group
    ...x86.zero(EDI), // edi = status 0
    ...x86.syscall
  ])
}

/**
 * MIPS n64 (geteuid 5105, write 5001, readlink 5087, exit_group 5205). Branches have a delay
 * slot (filled with a nop); the kernel keeps a0-a2 across a system call.
 */
function mips64Deep(endian: Endian): (at: DeepLayout) => Buffer {
  const SP = 29
  const T0 = 12
  const T1 = 13
  const op = {
    /** sw rt, 0(base) */
    sw: (rt: number, base: number) => (0x2b << 26) | (base << 21) | (rt << 16),
    /** ld rt, off(base) */
    ld: (rt: number, base: number, off: number) => (0x37 << 26) | (base << 21) | (rt << 16) | off,
    /** lbu rt, 0(base) */
    lbu: (rt: number, base: number) => (0x24 << 26) | (base << 21) | (rt << 16),
    /** daddu rd, rs, rt */
    daddu: (rd: number, rs: number, rt: number) => (rs << 21) | (rt << 16) | (rd << 11) | 0x2d,
    /** daddiu rt, rs, imm */
    daddiu: (rt: number, rs: number, imm: number) =>
      (0x19 << 26) | (rs << 21) | (rt << 16) | mask(imm, 16),
    /** bne rs, zero, by `insns` from the delay slot */
    bnez: (rs: number, insns: number) => (0x05 << 26) | (rs << 21) | mask(insns, 16),
    nop: 0
  }
  const addr = (rt: number, v: number) => [mipsOp.lui(rt, v >>> 16), mipsOp.ori(rt, rt, v & 0xffff)]
  return at =>
    words(
      endian,
      mipsOp.ori(V0, 0, 5105), // v0 = __NR_geteuid
      mipsOp.syscall, // v0 = euid
      ...addr(MA1, at.buf), // a1 = buffer
      op.sw(V0, MA1), // buffer = euid
      mipsOp.ori(MA0, 0, 1), // a0 = fd 1
      mipsOp.ori(MA2, 0, 4), // a2 = 4 bytes
      mipsOp.ori(V0, 0, 5001), // v0 = __NR_write
      mipsOp.syscall,
      op.ld(MA1, SP, 8), // a1 = argv[0] (sp points to argc)
      mipsOp.ori(MA2, 0, 0), // a2 = 0
      op.daddu(T0, MA1, MA2), // loop: t0 = &argv[0][a2]
      op.lbu(T1, T0), //   t1 = *t0
      op.daddiu(MA2, MA2, 1), //   a2 += 1
      op.bnez(T1, -4), //   until the NUL, counted
      op.nop, //   (delay slot)
      mipsOp.ori(MA0, 0, 1), // a0 = fd 1
      mipsOp.ori(V0, 0, 5001), // v0 = __NR_write
      mipsOp.syscall, // write(1, argv[0], a2)
      ...addr(MA0, at.path), // a0 = "/proc/self/exe"
      ...addr(MA1, at.buf), // a1 = buffer
      mipsOp.ori(MA2, 0, DEEP_BUF), // a2 = its size
      mipsOp.ori(V0, 0, 5087), // v0 = __NR_readlink
      mipsOp.syscall, // v0 = length (an errno, with a3 set, on failure)
      op.daddu(MA2, V0, 0), // a2 = length
      ...addr(MA1, at.buf), // a1 = buffer
      mipsOp.ori(MA0, 0, 1), // a0 = fd 1
      mipsOp.ori(V0, 0, 5001), // v0 = __NR_write
      mipsOp.syscall,
      mipsOp.ori(MA0, 0, 0), // a0 = status 0
      mipsOp.ori(V0, 0, 5205), // v0 = __NR_exit_group
      mipsOp.syscall
    )
}

/** LoongArch64 (generic syscall table, as aarch64). */
function loongarch64Deep(at: DeepLayout): Buffer {
  const SP = 3
  const LA3 = 7
  const T1 = 13
  const op = {
    /** st.w rd, rj, 0 */
    stw: (rd: number, rj: number) => 0x29800000 | (rj << 5) | rd,
    /** ld.d rd, rj, si12 */
    ldd: (rd: number, rj: number, imm: number) =>
      0x28c00000 | (mask(imm, 12) << 10) | (rj << 5) | rd,
    /** ldx.bu rd, rj, rk */
    ldxbu: (rd: number, rj: number, rk: number) => 0x38200000 | (rk << 10) | (rj << 5) | rd,
    /** addi.d rd, rj, si12 */
    addid: (rd: number, rj: number, imm: number) =>
      0x02c00000 | (mask(imm, 12) << 10) | (rj << 5) | rd,
    /** bnez rj, by `insns` from this one */
    bnez: (rj: number, insns: number) => {
      const o = mask(insns, 21)
      return 0x44000000 | ((o & 0xffff) << 10) | (rj << 5) | (o >>> 16)
    },
    /** or rd, rj, zero: move */
    move: (rd: number, rj: number) => 0x00150000 | (rj << 5) | rd
  }
  const addr = (rd: number, v: number) => [la.lu12i(rd, v >>> 12), la.ori(rd, rd, v & 0xfff)]
  return words(
    'le',
    la.ori(LA7, 0, 175), // a7 = __NR_geteuid
    la.syscall, // a0 = euid
    ...addr(LA1, at.buf), // a1 = buffer
    op.stw(LA0, LA1), // buffer = euid
    la.ori(LA0, 0, 1), // a0 = fd 1
    la.ori(LA2, 0, 4), // a2 = 4 bytes
    la.ori(LA7, 0, 64), // a7 = __NR_write
    la.syscall,
    op.ldd(LA1, SP, 8), // a1 = argv[0] (sp points to argc)
    la.ori(LA2, 0, 0), // a2 = 0
    op.ldxbu(T1, LA1, LA2), // loop: t1 = argv[0][a2]
    op.addid(LA2, LA2, 1), //   a2 += 1
    op.bnez(T1, -2), //   until the NUL, counted
    la.ori(LA0, 0, 1), // a0 = fd 1
    la.ori(LA7, 0, 64), // a7 = __NR_write
    la.syscall, // write(1, argv[0], a2)
    op.addid(LA0, 0, -100), // a0 = AT_FDCWD
    ...addr(LA1, at.path), // a1 = "/proc/self/exe"
    ...addr(LA2, at.buf), // a2 = buffer
    la.lu12i(LA3, DEEP_BUF >>> 12), // a3 = its size
    la.ori(LA7, 0, 78), // a7 = __NR_readlinkat
    la.syscall, // a0 = length
    op.move(LA2, LA0), // a2 = length
    ...addr(LA1, at.buf), // a1 = buffer
    la.ori(LA0, 0, 1), // a0 = fd 1
    la.ori(LA7, 0, 64), // a7 = __NR_write
    la.syscall,
    la.ori(LA0, 0, 0), // a0 = status 0
    la.ori(LA7, 0, 94), // a7 = __NR_exit_group
    la.syscall
  )
}

const DEEP: Readonly<Record<string, (at: DeepLayout) => Buffer>> = {
  x86_64: x86_64Deep,
  aarch64: aarch64Deep,
  arm: armDeep,
  riscv64: riscvDeep,
  ppc64le: ppcDeep('le'),
  s390x: s390xDeep,
  mips64el: mips64Deep('le'),
  mips64: mips64Deep('be'),
  loongarch64: loongarch64Deep
}

/** The QEMU targets deepProbeProgram can build. */
export const DEEP_PROBE_TARGETS: readonly string[] = Object.freeze(Object.keys(DEEP))

/** A static ELF for `target` (one of DEEP_PROBE_TARGETS) that writes what parseDeepProbe reads. */
export function deepProbeProgram(target: string): Buffer {
  const code = Object.hasOwn(DEEP, target) ? DEEP[target] : undefined
  if (!code) {
    throw new Error(
      `No deep probe for QEMU target '${target}'; supported: ${DEEP_PROBE_TARGETS.join(', ')}`
    )
  }
  return writeElf(target, archOf(target), {
    code: (_pc, path, buf) => code({ path, buf }),
    data: PROC_SELF_EXE,
    bss: DEEP_BUF
  })
}

export interface DeepProbeOutput {
  readonly euid: number
  readonly argv0: string
  readonly exe: string
}

/** Read a deep probe's output (as bytes, or a latin1 string); undefined when it is cut short. */
export function parseDeepProbe(target: string, out: Buffer | string): DeepProbeOutput | undefined {
  const bytes = typeof out === 'string' ? Buffer.from(out, 'latin1') : out
  const nul = bytes.indexOf(0, 4)
  if (bytes.length < 4 || nul < 0) return undefined
  const le = archOf(target).endian === 'le'
  return {
    euid: le ? bytes.readUInt32LE(0) : bytes.readUInt32BE(0),
    argv0: bytes.subarray(4, nul).toString('utf8'),
    exe: bytes.subarray(nul + 1).toString('utf8')
  }
}

// ---------------------------------------------------------------------------------------
// Chain probes: the container check runs every foreign probe in ONE container, for the cost
// of one start. A chain probe prints its marker like a probe, then execve()s the next link,
// a path in the same container, with argv = [path] and no environment. When that exec fails
// it exits with what execve returned: -errno (status 256 - errno) on most targets, errno
// itself on PowerPC and MIPS, which flag errors apart from the return value. The last link is
// a plain probe.

interface ChainLayout extends Layout {
  /** The next link's path, NUL terminated. */
  readonly path: number
  /** argv: the path's address, then a null pointer, in the target's word size. */
  readonly argv: number
}

interface Chain {
  readonly code: (at: ChainLayout) => Buffer
  /** How a failed execve's status reads: 256 - errno, or errno itself. */
  readonly errno: 'negated' | 'positive'
}

const CHAIN: Readonly<Record<string, Chain>> = {
  x86_64: {
    errno: 'negated',
    code: at =>
      Buffer.from([
        ...x86_64(at).subarray(0, 22), // write(1, msg, len)
        ...x86.mov(EAX, 59), // eax = __NR_execve
        ...x86.mov(EDI, at.path),
        ...x86.mov(ESI, at.argv),
        ...x86.zero(EDX), // no environment
        ...x86.syscall,
        ...[0x89, 0xc7], // mov edi, eax: the status is what execve returned
        ...x86.mov(EAX, 231), // eax = __NR_exit_group
        ...x86.syscall
      ])
  },
  i386: {
    errno: 'negated',
    code: at =>
      Buffer.from([
        ...i386(at).subarray(0, 22), // write(1, msg, len)
        ...x86.mov(EAX, 11), // eax = __NR_execve
        ...x86.mov(EBX, at.path),
        ...x86.mov(ECX, at.argv),
        ...x86.zero(EDX),
        ...x86.int80,
        ...[0x89, 0xc3], // mov ebx, eax
        ...x86.mov(EAX, 252), // eax = __NR_exit_group
        ...x86.int80
      ])
  },
  aarch64: {
    errno: 'negated',
    code: at =>
      Buffer.concat([
        aarch64(at).subarray(0, 24), // write(1, msg, len)
        words(
          'le',
          a64.movz(0, at.path & 0xffff),
          a64.movk(0, at.path >>> 16, 1),
          a64.movz(1, at.argv & 0xffff),
          a64.movk(1, at.argv >>> 16, 1),
          a64.movz(2, 0),
          a64.movz(8, 221), // x8 = __NR_execve
          a64.svc,
          a64.movz(8, 94), // x8 = __NR_exit_group; x0 holds what execve returned
          a64.svc
        )
      ])
  },
  arm: {
    errno: 'negated',
    code: at =>
      Buffer.concat([
        arm(at).subarray(0, 24),
        words(
          'le',
          a32.movw(0, at.path & 0xffff),
          a32.movt(0, at.path >>> 16),
          a32.movw(1, at.argv & 0xffff),
          a32.movt(1, at.argv >>> 16),
          a32.movw(2, 0),
          a32.movw(7, 11), // r7 = __NR_execve
          a32.svc,
          a32.movw(7, 248), // r7 = __NR_exit_group; r0 holds what execve returned
          a32.svc
        )
      ])
  },
  riscv64: {
    errno: 'negated',
    code: at => {
      const [ph, pl] = splitSigned(at.path, 12)
      const [ah, al] = splitSigned(at.argv, 12)
      return Buffer.concat([
        riscv(at).subarray(0, 24),
        words(
          'le',
          rv.lui(A0, ph),
          rv.addi(A0, A0, pl),
          rv.lui(A1, ah),
          rv.addi(A1, A1, al),
          rv.addi(A2, 0, 0),
          rv.addi(A7, 0, 221), // a7 = __NR_execve
          rv.ecall,
          rv.addi(A7, 0, 94), // a7 = __NR_exit_group; a0 holds what execve returned
          rv.ecall
        )
      ])
    }
  },
  ppc64le: {
    errno: 'positive',
    code: at =>
      Buffer.concat([
        ppc('le')(at).subarray(0, 24),
        words(
          'le',
          ppcOp.lis(3, at.path >>> 16),
          ppcOp.ori(3, 3, at.path & 0xffff),
          ppcOp.lis(4, at.argv >>> 16),
          ppcOp.ori(4, 4, at.argv & 0xffff),
          ppcOp.li(5, 0),
          ppcOp.li(0, 11), // r0 = __NR_execve
          ppcOp.sc,
          ppcOp.li(0, 234), // r0 = __NR_exit_group; r3 holds the errno
          ppcOp.sc
        )
      ])
  },
  s390x: {
    errno: 'negated',
    code: at =>
      Buffer.from([
        ...s390x(at).subarray(0, 16), // write(1, msg, len)
        ...s390.llilf(2, at.path),
        ...s390.llilf(3, at.argv),
        ...s390.lghi(4, 0),
        ...s390.svc(11), // __NR_execve
        ...s390.svc(248) // __NR_exit_group; r2 holds what execve returned
      ])
  },
  mips64el: { errno: 'positive', code: mips64Chain('le') },
  mips64: { errno: 'positive', code: mips64Chain('be') },
  loongarch64: {
    errno: 'negated',
    code: at =>
      Buffer.concat([
        loongarch64(at).subarray(0, 24),
        words(
          'le',
          la.lu12i(LA0, at.path >>> 12),
          la.ori(LA0, LA0, at.path & 0xfff),
          la.lu12i(LA1, at.argv >>> 12),
          la.ori(LA1, LA1, at.argv & 0xfff),
          la.ori(LA2, 0, 0),
          la.ori(LA7, 0, 221), // a7 = __NR_execve
          la.syscall,
          la.ori(LA7, 0, 94), // a7 = __NR_exit_group; a0 holds what execve returned
          la.syscall
        )
      ])
  }
}

/** n64: execve is 5057, exit_group 5205; a failed syscall leaves the errno in v0. */
function mips64Chain(endian: Endian): (at: ChainLayout) => Buffer {
  return at =>
    Buffer.concat([
      mips(endian, 5000)(at).subarray(0, 24),
      words(
        endian,
        mipsOp.lui(MA0, at.path >>> 16),
        mipsOp.ori(MA0, MA0, at.path & 0xffff),
        mipsOp.lui(MA1, at.argv >>> 16),
        mipsOp.ori(MA1, MA1, at.argv & 0xffff),
        mipsOp.ori(MA2, 0, 0),
        mipsOp.ori(V0, 0, 5057),
        mipsOp.syscall,
        (V0 << 21) | (MA0 << 11) | 0x25, // or a0, v0, zero
        mipsOp.ori(V0, 0, 5205),
        mipsOp.syscall
      )
    ])
}

/** The QEMU targets chainProgram can build. */
export const CHAIN_PROBE_TARGETS: readonly string[] = Object.freeze(Object.keys(CHAIN))

/**
 * A static ELF for `target` (one of CHAIN_PROBE_TARGETS) that prints `probeMarker(target)`
 * and a newline, then execs `next` (an absolute path of at most 255 bytes).
 */
export function chainProgram(target: string, next: string): Buffer {
  const chain = Object.hasOwn(CHAIN, target) ? CHAIN[target] : undefined
  if (!chain) {
    throw new Error(
      `No chain probe for QEMU target '${target}'; supported: ${CHAIN_PROBE_TARGETS.join(', ')}`
    )
  }
  const arch = archOf(target)
  const word = arch.bits / 8
  const message = Buffer.from(`${probeMarker(target)}\n`, 'ascii')
  const path = Buffer.from(`${next}\0`, 'utf8')
  // argv[0] is filled in once the data's address is known; argv[1] stays null.
  const data = Buffer.concat([Buffer.alloc(2 * word), path, message])
  let argvAt = 0
  const elf = writeElf(target, arch, {
    code: (pc, at) => {
      argvAt = at
      const pathAt = at + 2 * word
      return chain.code({
        pc,
        msg: pathAt + path.length,
        len: message.length,
        path: pathAt,
        argv: at
      })
    },
    data,
    bss: 0,
    dataAlign: 8
  })
  const pointer = argvAt + 2 * word
  const w = new Writer(elf, arch.endian)
  w.word(arch.bits, elf.length - data.length, pointer)
  return elf
}

/** The errno a chain link's failed exec of the next link gave, from the container's exit status. */
export function chainExecErrno(target: string, status: number): number | undefined {
  const chain = Object.hasOwn(CHAIN, target) ? CHAIN[target] : undefined
  if (!chain || status <= 0 || status > 255) return undefined
  const errno = chain.errno === 'negated' ? 256 - status : status
  // Statuses 129-155 are more likely a signal (128 + n) than an errno above 100.
  return errno >= 1 && errno <= 100 ? errno : undefined
}
