// The registrar: a tiny static ELF program, generated here byte by byte like the probes, that
// changes binfmt_misc from inside a privileged helper container (see src/engine/). It holds
// no libc and no shell; its argv is a list of operations, done in order:
//
//   m DIR        mount binfmt_misc at DIR (an empty folder of the image); DIR is the table now.
//                Register lines written after it resolve interpreter paths in the container.
//   h            enter the host's mount namespace (/proc/1/ns/mnt, with --pid=host), mount
//                binfmt_misc at /proc/sys/fs/binfmt_misc when it is not mounted there (so the
//                table outlives the helper: since Linux 6.7 the last unmount empties it), and
//                make that the table. Register lines written after it resolve on the host.
//   c DIR        chroot to DIR (the host's root, bound into the helper): register lines written
//                after it resolve interpreter paths there, where their registrant found them.
//   w NAME DATA  write DATA to the table's file NAME (opened write-only, never following a link)
//   d            dump /proc/self/uid_map, then every file of the table, each as NAME \0 TEXT \0
//
// Each successful `w` prints `w` and a newline on stderr. The first failure prints
// `registrar: <what> failed` on stderr and exits with the errno; otherwise the exit status is 0.
// One program per host architecture: x86_64 and aarch64.

export const REGISTRAR_ARCHES = ['x86_64', 'aarch64'] as const
export type RegistrarArch = (typeof REGISTRAR_ARCHES)[number]

/** The folder of the helper image where `m` mounts binfmt_misc. */
export const HELPER_TABLE = '/binfmt_misc'

const BASE = 0x400000
const EHSIZE = 64
const PHENTSIZE = 56
const CODE_OFF = EHSIZE + PHENTSIZE
const STACK_BUFFER = 0x10000 // getdents64 in the lower half, file reads in the upper

const STRINGS = {
  fstype: 'binfmt_misc\0',
  hostNs: '/proc/1/ns/mnt\0',
  hostTable: '/proc/sys/fs/binfmt_misc\0',
  hostRegister: '/proc/sys/fs/binfmt_misc/register\0',
  uidMap: '/proc/self/uid_map\0',
  nul: '\0',
  wrote: 'w\n',
  badOp: 'registrar: unknown operation failed\n',
  mount: 'registrar: mount failed\n',
  open: 'registrar: open failed\n',
  setns: 'registrar: setns failed\n',
  chroot: 'registrar: chroot failed\n',
  write: 'registrar: write failed\n',
  read: 'registrar: getdents64 failed\n'
} as const
type StringName = keyof typeof STRINGS

// ---------------------------------------------------------------------------------------
// A two-pass assembler: every instruction has a fixed size, so label addresses come from
// the first pass and the second pass encodes with them.

type Encoder = (pc: number, at: (label: string) => number) => Buffer

class Assembler {
  private readonly items: Array<{ size: number; encode: Encoder } | { label: string }> = []

  label(name: string): void {
    this.items.push({ label: name })
  }

  emit(size: number, encode: Encoder): void {
    this.items.push({ size, encode })
  }

  bytes(b: number[] | Buffer): void {
    const buf = Buffer.from(b)
    this.emit(buf.length, () => buf)
  }

  /** Code then the strings, loaded at `base`. */
  link(base: number): Buffer {
    for (const [name, text] of Object.entries(STRINGS)) {
      this.label(`s:${name}`)
      this.bytes(Buffer.from(text, 'latin1'))
    }
    const labels = new Map<string, number>()
    let pc = base
    for (const item of this.items) {
      if ('label' in item) labels.set(item.label, pc)
      else pc += item.size
    }
    const at = (name: string) => {
      const a = labels.get(name)
      if (a === undefined) throw new Error(`registrar: no label ${name}`)
      return a
    }
    const out: Buffer[] = []
    pc = base
    for (const item of this.items) {
      if ('label' in item) continue
      const b = item.encode(pc, at)
      if (b.length !== item.size) throw new Error(`registrar: encoding size changed at ${pc}`)
      out.push(b)
      pc += item.size
    }
    return Buffer.concat(out)
  }
}

const u32 = (v: number) => {
  const b = Buffer.alloc(4)
  b.writeInt32LE(v | 0)
  return [...b]
}

// ---------------------------------------------------------------------------------------
// x86_64

const RAX = 0
const RDX = 2
const RBX = 3
const RSP = 4
const RBP = 5
const RSI = 6
const RDI = 7
const R8 = 8
const R10 = 10
const R12 = 12
const R13 = 13
const R14 = 14
const R15 = 15

const X86_SYS = {
  read: 0,
  write: 1,
  close: 3,
  lseek: 8,
  mount: 165,
  getdents64: 217,
  exit_group: 231,
  chroot: 161,
  openat: 257,
  faccessat: 269,
  setns: 308
}

class X86 {
  constructor(readonly a: Assembler) {}

  private rex(w: boolean, reg: number, base: number) {
    return 0x40 | (w ? 8 : 0) | ((reg >> 3) << 2) | (base >> 3)
  }
  /** ModRM (and SIB) for [base + disp32]. */
  private mem(reg: number, base: number, disp: number) {
    const sib = (base & 7) === RSP ? [0x24] : []
    return [0x80 | ((reg & 7) << 3) | (base & 7), ...sib, ...u32(disp)]
  }
  private direct(reg: number, rm: number) {
    return 0xc0 | ((reg & 7) << 3) | (rm & 7)
  }

  /** mov dst, src (64-bit) */
  mov(dst: number, src: number) {
    this.a.bytes([this.rex(true, src, dst), 0x89, this.direct(src, dst)])
  }
  /** mov dst32, imm32 (zero-extends) */
  movi(dst: number, imm: number) {
    this.a.bytes([this.rex(false, 0, dst), 0xb8 + (dst & 7), ...u32(imm)])
  }
  /** mov dst, [base + disp] */
  load(dst: number, base: number, disp = 0) {
    this.a.bytes([this.rex(true, dst, base), 0x8b, ...this.mem(dst, base, disp)])
  }
  /** movzx dst32, byte|word [base + disp] */
  loadZx(dst: number, base: number, disp: number, width: 8 | 16) {
    const op = width === 8 ? 0xb6 : 0xb7
    this.a.bytes([this.rex(false, dst, base), 0x0f, op, ...this.mem(dst, base, disp)])
  }
  /** lea dst, [base + disp] */
  lea(dst: number, base: number, disp: number) {
    this.a.bytes([this.rex(true, dst, base), 0x8d, ...this.mem(dst, base, disp)])
  }
  /** lea dst, [rip + label] */
  leaLabel(dst: number, label: string) {
    this.a.emit(7, (pc, at) =>
      Buffer.from([
        this.rex(true, dst, 0),
        0x8d,
        0x05 | ((dst & 7) << 3),
        ...u32(at(label) - (pc + 7))
      ])
    )
  }
  /** add|sub dst, imm32 */
  addi(dst: number, imm: number) {
    this.a.bytes([
      this.rex(true, 0, dst),
      0x81,
      this.direct(imm < 0 ? 5 : 0, dst),
      ...u32(Math.abs(imm))
    ])
  }
  /** add dst, src */
  add(dst: number, src: number) {
    this.a.bytes([this.rex(true, src, dst), 0x01, this.direct(src, dst)])
  }
  /** sub dst, src */
  sub(dst: number, src: number) {
    this.a.bytes([this.rex(true, src, dst), 0x29, this.direct(src, dst)])
  }
  /** cmp a, b (flags of a - b) */
  cmp(a: number, b: number) {
    this.a.bytes([this.rex(true, b, a), 0x39, this.direct(b, a)])
  }
  /** cmp byte [base + disp], imm8 */
  cmpByte(base: number, disp: number, imm: number) {
    this.a.bytes([this.rex(false, 0, base), 0x80, ...this.mem(7, base, disp), imm])
  }
  /** cmp eax, imm32 */
  cmpEax(imm: number) {
    this.a.bytes([0x40, 0x81, this.direct(7, RAX), ...u32(imm)])
  }
  test(a: number) {
    this.a.bytes([this.rex(true, a, a), 0x85, this.direct(a, a)])
  }
  neg(a: number) {
    this.a.bytes([this.rex(true, 0, a), 0xf7, this.direct(3, a)])
  }
  inc(a: number) {
    this.a.bytes([this.rex(true, 0, a), 0xff, this.direct(0, a)])
  }
  /** jcc rel32: e (equal/zero), ne, s (negative), ae (unsigned >=) */
  j(cond: 'e' | 'ne' | 's' | 'ae', label: string) {
    const cc = { e: 0x84, ne: 0x85, s: 0x88, ae: 0x83 }[cond]
    this.a.emit(6, (pc, at) => Buffer.from([0x0f, cc, ...u32(at(label) - (pc + 6))]))
  }
  call(label: string) {
    this.a.emit(5, (pc, at) => Buffer.from([0xe8, ...u32(at(label) - (pc + 5))]))
  }
  jmp(label: string) {
    this.a.emit(5, (pc, at) => Buffer.from([0xe9, ...u32(at(label) - (pc + 5))]))
  }
  syscall(name: keyof typeof X86_SYS) {
    this.movi(RAX, X86_SYS[name])
    this.a.bytes([0x0f, 0x05])
  }
  /** rax = strlen(reg); clobbers nothing else */
  strlen(reg: number, id: string) {
    this.mov(RAX, reg)
    this.a.label(`${id}:loop`)
    this.cmpByte(RAX, 0, 0)
    this.j('e', `${id}:done`)
    this.inc(RAX)
    this.jmp(`${id}:loop`)
    this.a.label(`${id}:done`)
    this.sub(RAX, reg)
  }
  /** On a negative rax: report `message` and exit with the errno. */
  failIfNegative(message: StringName) {
    this.test(RAX)
    this.j('s', `fail:${message}`)
  }
  /** write(fd, label, its length) */
  writeString(fd: number, name: StringName) {
    this.movi(RDI, fd)
    this.leaLabel(RSI, `s:${name}`)
    this.movi(RDX, STRINGS[name].length)
    this.syscall('write')
  }
}

const AT_FDCWD = -100

function x86_64Program(): Buffer {
  const a = new Assembler()
  const x = new X86(a)
  const flags = { directory: 0o200000, wronly: 0o1, nofollow: 0o400000, newns: 0x20000 }
  // rbx, rbp: getdents cursor and end; r12: next argv slot; r13: table fd; r14: name;
  // r15: buffer on the stack. The kernel's syscall clobbers only rax, rcx and r11.
  x.lea(R12, RSP, 16) // &argv[1]
  x.addi(RSP, -STACK_BUFFER)
  x.mov(R15, RSP)
  x.movi(R13, AT_FDCWD)

  a.label('next')
  x.load(RSI, R12)
  x.test(RSI)
  x.j('e', 'exit')
  x.addi(R12, 8)
  x.loadZx(RAX, RSI, 0, 8)
  x.cmpEax('m'.charCodeAt(0))
  x.j('e', 'op:m')
  x.cmpEax('h'.charCodeAt(0))
  x.j('e', 'op:h')
  x.cmpEax('w'.charCodeAt(0))
  x.j('e', 'op:w')
  x.cmpEax('d'.charCodeAt(0))
  x.j('e', 'op:d')
  x.cmpEax('c'.charCodeAt(0))
  x.j('e', 'op:c')
  x.movi(RAX, -22) // EINVAL
  x.jmp('fail:badOp')

  // m DIR
  a.label('op:m')
  x.load(R14, R12)
  x.addi(R12, 8)
  x.leaLabel(RDI, 's:fstype')
  x.mov(RSI, R14)
  x.mov(RDX, RDI)
  x.movi(R10, 0)
  x.movi(R8, 0)
  x.syscall('mount')
  x.failIfNegative('mount')
  a.label('open-table') // r14: the folder
  x.movi(RDI, AT_FDCWD)
  x.mov(RSI, R14)
  x.movi(RDX, flags.directory)
  x.movi(R10, 0)
  x.syscall('openat')
  x.failIfNegative('open')
  x.mov(R13, RAX)
  x.jmp('next')

  // c DIR
  a.label('op:c')
  x.load(RDI, R12)
  x.addi(R12, 8)
  x.syscall('chroot')
  x.failIfNegative('chroot')
  x.jmp('next')

  // h
  a.label('op:h')
  x.movi(RDI, AT_FDCWD)
  x.leaLabel(RSI, 's:hostNs')
  x.movi(RDX, 0)
  x.movi(R10, 0)
  x.syscall('openat')
  x.failIfNegative('open')
  x.mov(RDI, RAX)
  x.movi(RSI, flags.newns)
  x.syscall('setns')
  x.failIfNegative('setns')
  x.leaLabel(R14, 's:hostTable')
  x.movi(RDI, AT_FDCWD)
  x.leaLabel(RSI, 's:hostRegister')
  x.movi(RDX, 0) // F_OK
  x.movi(R10, 0)
  x.syscall('faccessat')
  x.test(RAX)
  x.j('e', 'open-table')
  x.leaLabel(RDI, 's:fstype')
  x.mov(RSI, R14)
  x.mov(RDX, RDI)
  x.movi(R10, 0)
  x.movi(R8, 0)
  x.syscall('mount')
  x.failIfNegative('mount')
  x.jmp('open-table')

  // w NAME DATA
  a.label('op:w')
  x.mov(RDI, R13)
  x.load(RSI, R12)
  x.movi(RDX, flags.wronly | flags.nofollow)
  x.movi(R10, 0)
  x.syscall('openat')
  x.failIfNegative('open')
  x.mov(RBX, RAX)
  x.load(R14, R12, 8)
  x.addi(R12, 16)
  x.strlen(R14, 'w')
  x.mov(RDX, RAX)
  x.mov(RDI, RBX)
  x.mov(RSI, R14)
  x.syscall('write')
  x.failIfNegative('write')
  x.mov(RDI, RBX)
  x.syscall('close')
  x.writeString(2, 'wrote')
  x.jmp('next')

  // d
  a.label('op:d')
  x.leaLabel(R14, 's:uidMap')
  x.call('dump')
  x.mov(RDI, R13)
  x.movi(RSI, 0)
  x.movi(RDX, 0) // SEEK_SET: a second dump starts from the top again
  x.syscall('lseek')
  a.label('d:read')
  x.mov(RDI, R13)
  x.mov(RSI, R15)
  x.movi(RDX, STACK_BUFFER / 2)
  x.syscall('getdents64')
  x.failIfNegative('read')
  x.test(RAX)
  x.j('e', 'next')
  x.mov(RBX, R15)
  x.lea(RBP, R15, 0)
  x.add(RBP, RAX)
  a.label('d:entry')
  x.cmp(RBX, RBP)
  x.j('ae', 'd:read')
  x.lea(R14, RBX, 19) // d_name
  x.cmpByte(R14, 0, '.'.charCodeAt(0))
  x.j('e', 'd:skip')
  x.call('dump')
  a.label('d:skip')
  x.loadZx(RAX, RBX, 16, 16) // d_reclen
  x.add(RBX, RAX)
  x.jmp('d:entry')

  // dump: NAME \0 TEXT \0 for the file r14 names (relative to the table, or absolute)
  a.label('dump')
  x.strlen(R14, 'dump')
  x.inc(RAX) // with its NUL
  x.mov(RDX, RAX)
  x.mov(RSI, R14)
  x.movi(RDI, 1)
  x.syscall('write')
  x.mov(RDI, R13)
  x.mov(RSI, R14)
  x.movi(RDX, flags.nofollow)
  x.movi(R10, 0)
  x.syscall('openat')
  x.test(RAX)
  x.j('s', 'dump:end') // unreadable (register): an empty text
  x.mov(R14, RAX)
  x.mov(RDI, RAX)
  x.lea(RSI, R15, STACK_BUFFER / 2)
  x.movi(RDX, STACK_BUFFER / 2)
  x.syscall('read')
  x.test(RAX)
  x.j('s', 'dump:close')
  x.mov(RDX, RAX)
  x.movi(RDI, 1)
  x.lea(RSI, R15, STACK_BUFFER / 2)
  x.syscall('write')
  a.label('dump:close')
  x.mov(RDI, R14)
  x.syscall('close')
  a.label('dump:end')
  x.writeString(1, 'nul')
  a.bytes([0xc3]) // ret

  a.label('exit')
  x.movi(RDI, 0)
  x.syscall('exit_group')

  // fail:<message>: rax holds -errno
  for (const name of ['badOp', 'mount', 'open', 'setns', 'chroot', 'write', 'read'] as const) {
    a.label(`fail:${name}`)
    x.neg(RAX)
    x.mov(RBX, RAX)
    x.writeString(2, name)
    x.mov(RDI, RBX)
    x.syscall('exit_group')
  }
  return a.link(BASE + CODE_OFF)
}

// ---------------------------------------------------------------------------------------
// AArch64 (little endian)

const A64_SYS = {
  mount: 40,
  chroot: 51,
  faccessat: 48,
  openat: 56,
  close: 57,
  getdents64: 61,
  lseek: 62,
  read: 63,
  write: 64,
  exit_group: 94,
  setns: 268
}
const XZR = 31
const SP = 31

class A64 {
  constructor(readonly a: Assembler) {}

  private word(w: number) {
    this.a.bytes(u32(w))
  }
  private rel(mask: number, shift: number, make: (imm: number) => number, label: string) {
    this.a.emit(4, (pc, at) => {
      const off = (at(label) - pc) / 4
      return Buffer.from(u32(make(((off & mask) >>> 0) << shift)))
    })
  }

  /** mov xd, #imm (0..65535, or a negative number from -65536) */
  movi(rd: number, imm: number) {
    if (imm < 0)
      this.word(0x92800000 | ((~imm & 0xffff) << 5) | rd) // movn
    else if (imm <= 0xffff) this.word(0xd2800000 | (imm << 5) | rd)
    else if ((imm & 0xffff) === 0 && imm <= 0xffff0000) {
      this.word(0xd2800000 | (1 << 21) | ((imm >>> 16) << 5) | rd)
    } else throw new Error(`registrar: immediate ${imm} needs more than one instruction`)
  }
  /** mov xd, xn */
  mov(rd: number, rn: number) {
    this.word(0xaa0003e0 | (rn << 16) | rd)
  }
  /** add xd, xn|sp, #imm12 (lsl 12 when `high`) */
  addi(rd: number, rn: number, imm: number, high = false) {
    this.word(0x91000000 | (high ? 1 << 22 : 0) | (imm << 10) | (rn << 5) | rd)
  }
  /** sub xd, xn|sp, #imm12 (lsl 12 when `high`) */
  subi(rd: number, rn: number, imm: number, high = false) {
    this.word(0xd1000000 | (high ? 1 << 22 : 0) | (imm << 10) | (rn << 5) | rd)
  }
  add(rd: number, rn: number, rm: number) {
    this.word(0x8b000000 | (rm << 16) | (rn << 5) | rd)
  }
  sub(rd: number, rn: number, rm: number) {
    this.word(0xcb000000 | (rm << 16) | (rn << 5) | rd)
  }
  /** ldr xt, [xn, #imm] */
  ldr(rt: number, rn: number, imm = 0) {
    this.word(0xf9400000 | ((imm / 8) << 10) | (rn << 5) | rt)
  }
  ldrb(rt: number, rn: number, imm = 0) {
    this.word(0x39400000 | (imm << 10) | (rn << 5) | rt)
  }
  ldrh(rt: number, rn: number, imm = 0) {
    this.word(0x79400000 | ((imm / 2) << 10) | (rn << 5) | rt)
  }
  /** cmp wn, #imm12 */
  cmpi(rn: number, imm: number) {
    this.word(0x7100001f | (imm << 10) | (rn << 5))
  }
  /** cmp xn, xm */
  cmp(rn: number, rm: number) {
    this.word(0xeb00001f | (rm << 16) | (rn << 5))
  }
  /** b.cond: eq, hs (unsigned >=) */
  b(cond: 'eq' | 'hs' | 'al', label: string) {
    if (cond === 'al') this.rel(0x3ffffff, 0, v => 0x14000000 | v, label)
    else this.rel(0x7ffff, 5, v => 0x54000000 | v | { eq: 0, hs: 2 }[cond], label)
  }
  bl(label: string) {
    this.rel(0x3ffffff, 0, v => 0x94000000 | v, label)
  }
  cbz(rt: number, label: string) {
    this.rel(0x7ffff, 5, v => 0xb4000000 | v | rt, label)
  }
  /** tbnz xt, #63: branch when negative */
  bneg(rt: number, label: string) {
    this.rel(0x3fff, 5, v => 0xb7f80000 | v | rt, label)
  }
  /** adr xd, label */
  adr(rd: number, label: string) {
    this.a.emit(4, (pc, at) => {
      const off = at(label) - pc
      return Buffer.from(u32(0x10000000 | ((off & 3) << 29) | (((off >> 2) & 0x7ffff) << 5) | rd))
    })
  }
  ret() {
    this.word(0xd65f03c0)
  }
  syscall(name: keyof typeof A64_SYS) {
    this.movi(8, A64_SYS[name])
    this.word(0xd4000001) // svc #0
  }
  /** x2 = strlen(rn); uses x9 */
  strlen(rn: number, id: string) {
    this.mov(2, rn)
    this.a.label(`${id}:loop`)
    this.ldrb(9, 2)
    this.cbz(9, `${id}:done`)
    this.addi(2, 2, 1)
    this.b('al', `${id}:loop`)
    this.a.label(`${id}:done`)
    this.sub(2, 2, rn)
  }
  writeString(fd: number, name: StringName) {
    this.movi(0, fd)
    this.adr(1, `s:${name}`)
    this.movi(2, STRINGS[name].length)
    this.syscall('write')
  }
}

function aarch64Program(): Buffer {
  const a = new Assembler()
  const x = new A64(a)
  const flags = { directory: 0o40000, wronly: 0o1, nofollow: 0o100000 }
  // x19, x20: getdents cursor and end; x21: next argv slot; x22: table fd; x23: name;
  // x24: buffer on the stack; x25: a file or an errno. svc preserves every register but x0.
  x.addi(21, SP, 16) // &argv[1]
  x.subi(SP, SP, STACK_BUFFER >> 12, true)
  x.addi(24, SP, 0)
  x.movi(22, AT_FDCWD)

  a.label('next')
  x.ldr(1, 21)
  x.cbz(1, 'exit')
  x.addi(21, 21, 8)
  x.ldrb(0, 1)
  for (const op of ['m', 'h', 'w', 'd', 'c']) {
    x.cmpi(0, op.charCodeAt(0))
    x.b('eq', `op:${op}`)
  }
  x.movi(0, -22) // EINVAL
  x.b('al', 'fail:badOp')

  a.label('op:m')
  x.ldr(23, 21)
  x.addi(21, 21, 8)
  a.label('mount') // x23: the folder
  x.adr(0, 's:fstype')
  x.mov(1, 23)
  x.mov(2, 0)
  x.movi(3, 0)
  x.movi(4, 0)
  x.syscall('mount')
  x.bneg(0, 'fail:mount')
  a.label('open-table')
  x.movi(0, AT_FDCWD)
  x.mov(1, 23)
  x.movi(2, flags.directory)
  x.movi(3, 0)
  x.syscall('openat')
  x.bneg(0, 'fail:open')
  x.mov(22, 0)
  x.b('al', 'next')

  a.label('op:c')
  x.ldr(0, 21)
  x.addi(21, 21, 8)
  x.syscall('chroot')
  x.bneg(0, 'fail:chroot')
  x.b('al', 'next')

  a.label('op:h')
  x.movi(0, AT_FDCWD)
  x.adr(1, 's:hostNs')
  x.movi(2, 0)
  x.movi(3, 0)
  x.syscall('openat')
  x.bneg(0, 'fail:open')
  x.movi(1, 0x20000) // CLONE_NEWNS
  x.syscall('setns')
  x.bneg(0, 'fail:setns')
  x.adr(23, 's:hostTable')
  x.movi(0, AT_FDCWD)
  x.adr(1, 's:hostRegister')
  x.movi(2, 0) // F_OK
  x.movi(3, 0)
  x.syscall('faccessat')
  x.cbz(0, 'open-table')
  x.b('al', 'mount')

  a.label('op:w')
  x.mov(0, 22)
  x.ldr(1, 21)
  x.movi(2, flags.wronly | flags.nofollow)
  x.movi(3, 0)
  x.syscall('openat')
  x.bneg(0, 'fail:open')
  x.mov(25, 0)
  x.ldr(23, 21, 8)
  x.addi(21, 21, 16)
  x.strlen(23, 'w')
  x.mov(0, 25)
  x.mov(1, 23)
  x.syscall('write')
  x.bneg(0, 'fail:write')
  x.mov(0, 25)
  x.syscall('close')
  x.writeString(2, 'wrote')
  x.b('al', 'next')

  a.label('op:d')
  x.adr(23, 's:uidMap')
  x.bl('dump')
  x.mov(0, 22)
  x.movi(1, 0)
  x.movi(2, 0) // SEEK_SET
  x.syscall('lseek')
  a.label('d:read')
  x.mov(0, 22)
  x.mov(1, 24)
  x.movi(2, STACK_BUFFER / 2)
  x.syscall('getdents64')
  x.bneg(0, 'fail:read')
  x.cbz(0, 'next')
  x.mov(19, 24)
  x.add(20, 24, 0)
  a.label('d:entry')
  x.cmp(19, 20)
  x.b('hs', 'd:read')
  x.addi(23, 19, 19) // d_name
  x.ldrb(9, 23)
  x.cmpi(9, '.'.charCodeAt(0))
  x.b('eq', 'd:skip')
  x.bl('dump')
  a.label('d:skip')
  x.ldrh(9, 19, 16) // d_reclen
  x.add(19, 19, 9)
  x.b('al', 'd:entry')

  a.label('dump') // a leaf: x30 stays the return address
  x.strlen(23, 'dump')
  x.addi(2, 2, 1) // with its NUL
  x.mov(1, 23)
  x.movi(0, 1)
  x.syscall('write')
  x.mov(0, 22)
  x.mov(1, 23)
  x.movi(2, flags.nofollow)
  x.movi(3, 0)
  x.syscall('openat')
  x.bneg(0, 'dump:end') // unreadable (register): an empty text
  x.mov(25, 0)
  x.addi(1, 24, (STACK_BUFFER / 2) >> 12, true)
  x.movi(2, STACK_BUFFER / 2)
  x.syscall('read')
  x.bneg(0, 'dump:close')
  x.mov(2, 0)
  x.movi(0, 1)
  x.addi(1, 24, (STACK_BUFFER / 2) >> 12, true)
  x.syscall('write')
  a.label('dump:close')
  x.mov(0, 25)
  x.syscall('close')
  a.label('dump:end')
  x.writeString(1, 'nul')
  x.ret()

  a.label('exit')
  x.movi(0, 0)
  x.syscall('exit_group')

  for (const name of ['badOp', 'mount', 'open', 'setns', 'chroot', 'write', 'read'] as const) {
    a.label(`fail:${name}`)
    x.sub(25, XZR, 0)
    x.writeString(2, name)
    x.mov(0, 25)
    x.syscall('exit_group')
  }
  return a.link(BASE + CODE_OFF)
}

// ---------------------------------------------------------------------------------------
// ELF

const MACHINE: Record<RegistrarArch, number> = { x86_64: 62, aarch64: 183 }

/** The registrar for a host architecture: a static ELF64 little-endian executable. */
export function registrarProgram(arch: RegistrarArch): Buffer {
  const code = arch === 'x86_64' ? x86_64Program() : aarch64Program()
  const total = CODE_OFF + code.length
  const b = Buffer.alloc(total)
  b.write('\x7fELF', 0, 'latin1')
  b.writeUInt8(2, 4) // ELFCLASS64
  b.writeUInt8(1, 5) // little endian
  b.writeUInt8(1, 6) // version
  b.writeUInt16LE(2, 16) // ET_EXEC
  b.writeUInt16LE(MACHINE[arch], 18)
  b.writeUInt32LE(1, 20)
  b.writeBigUInt64LE(BigInt(BASE + CODE_OFF), 24) // e_entry
  b.writeBigUInt64LE(BigInt(EHSIZE), 32) // e_phoff
  b.writeUInt16LE(EHSIZE, 52)
  b.writeUInt16LE(PHENTSIZE, 54)
  b.writeUInt16LE(1, 56) // e_phnum
  // One PT_LOAD, read and execute, mapping the whole file; buffers live on the stack.
  b.writeUInt32LE(1, EHSIZE)
  b.writeUInt32LE(5, EHSIZE + 4)
  b.writeBigUInt64LE(0n, EHSIZE + 8)
  b.writeBigUInt64LE(BigInt(BASE), EHSIZE + 16)
  b.writeBigUInt64LE(BigInt(BASE), EHSIZE + 24)
  b.writeBigUInt64LE(BigInt(total), EHSIZE + 32)
  b.writeBigUInt64LE(BigInt(total), EHSIZE + 40)
  b.writeBigUInt64LE(0x10000n, EHSIZE + 48)
  code.copy(b, CODE_OFF)
  return b
}

/** The registrar architecture for a Node or Docker architecture name, if there is one. */
export function registrarArch(arch: string): RegistrarArch | undefined {
  if (['x64', 'amd64', 'x86_64'].includes(arch)) return 'x86_64'
  if (['arm64', 'aarch64'].includes(arch)) return 'aarch64'
  return undefined
}

/** What `d` printed: the helper's uid_map and the table's files by name. */
export interface Dump {
  readonly uidMap: string
  readonly files: ReadonlyMap<string, string>
}

/** Parse `d` output (NAME \0 TEXT \0 records, the uid_map first); the last `d` wins. */
export function parseDump(stdout: string): Dump {
  const parts = stdout.split('\0')
  let uidMap = ''
  let files = new Map<string, string>()
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [name, text] = [parts[i], parts[i + 1]]
    if (name === '/proc/self/uid_map') {
      uidMap = text
      files = new Map()
    } else files.set(name, text)
  }
  return { uidMap, files }
}

/** True for the initial user namespace's map: the helper's binfmt_misc is the host's. */
export function isInitialUserNamespace(uidMap: string): boolean {
  return /^\s*0\s+0\s+4294967295\s*$/.test(uidMap)
}
