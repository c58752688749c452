import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CHAIN_PROBE_TARGETS,
  chainExecErrno,
  chainProgram,
  DEEP_PROBE_TARGETS,
  deepProbeProgram,
  parseDeepProbe,
  PROBE_TARGETS,
  probeMarker,
  probeProgram
} from '../../src/platform/probes.js'
import { TARGETS } from '../../src/platform/targets.js'

const REQUIRED = [
  'x86_64',
  'i386',
  'aarch64',
  'arm',
  'riscv64',
  'ppc64le',
  's390x',
  'mips64el',
  'mips64',
  'loongarch64'
]

/** Write the probe to a fresh temp dir as an executable file; returns its path and cleanup. */
function writeProbe(target: string): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'probe-'))
  const path = join(dir, target)
  writeFileSync(path, probeProgram(target), { mode: 0o755 })
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

function run(argv: string[]) {
  const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', timeout: 20000 })
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr
  }
}

function interpreter(target: string): string {
  return `/usr/bin/qemu-${TARGETS.get(target)?.interpreter ?? target}-static`
}

describe('probeProgram', () => {
  test('covers the required targets', () => {
    expect(PROBE_TARGETS).toEqual(expect.arrayContaining(REQUIRED))
  })

  test('every probe target is a known QEMU target', () => {
    for (const target of PROBE_TARGETS) expect(TARGETS.has(target)).toBe(true)
  })

  test('marker', () => {
    expect(probeMarker('aarch64')).toBe('setup-binfmt probe aarch64')
  })

  test('unknown target throws and lists the supported ones', () => {
    expect(() => probeProgram('vax')).toThrow(/'vax'.*x86_64.*loongarch64/)
    expect(() => probeProgram('toString')).toThrow(/No probe/)
  })

  test.each(PROBE_TARGETS.map(t => [t]))('%s: small, and matches its binfmt_misc magic', target => {
    const elf = probeProgram(target)
    expect(elf.length).toBeLessThan(512)
    const { magic, mask } = TARGETS.get(target)!
    const m = Buffer.from(magic, 'hex')
    const k = Buffer.from(mask, 'hex')
    for (let i = 0; i < m.length; i++) expect([i, elf[i] & k[i]]).toEqual([i, m[i] & k[i]])
  })

  test.each(PROBE_TARGETS.map(t => [t]))(
    '%s: one PT_LOAD covering the file, no sections',
    target => {
      const elf = probeProgram(target)
      const is64 = elf[4] === 2
      const le = elf[5] === 1
      const u16 = (at: number) => (le ? elf.readUInt16LE(at) : elf.readUInt16BE(at))
      const u32 = (at: number) => (le ? elf.readUInt32LE(at) : elf.readUInt32BE(at))
      const word = (at: number) =>
        is64 ? Number(le ? elf.readBigUInt64LE(at) : elf.readBigUInt64BE(at)) : u32(at)
      expect(u16(16)).toBe(2) // ET_EXEC
      const phoff = word(is64 ? 32 : 28)
      expect(u16(is64 ? 56 : 44)).toBe(1) // e_phnum
      expect(u16(is64 ? 60 : 48)).toBe(0) // e_shnum
      expect(u32(phoff)).toBe(1) // PT_LOAD
      expect(word(phoff + (is64 ? 32 : 16))).toBe(elf.length) // p_filesz
    }
  )
})

describe.each(PROBE_TARGETS.map(t => [t]))('%s probe', target => {
  const qemu = interpreter(target)
  // Skipped, visibly, on machines without qemu-user-static.
  const withQemu = existsSync(qemu) ? test : test.skip

  withQemu(`runs under ${qemu}`, () => {
    const { path, cleanup } = writeProbe(target)
    try {
      expect(run([qemu, path])).toEqual({
        status: 0,
        signal: null,
        stdout: `${probeMarker(target)}\n`,
        stderr: ''
      })
    } finally {
      cleanup()
    }
  })
})

// The host runs its own family natively, without QEMU.
const native = process.platform === 'linux' && process.arch === 'x64' ? test : test.skip
describe.each([['x86_64'], ['i386']])('%s probe natively', target => {
  native('runs on this x86_64 host', () => {
    const { path, cleanup } = writeProbe(target)
    try {
      expect(run([path])).toEqual({
        status: 0,
        signal: null,
        stdout: `${probeMarker(target)}\n`,
        stderr: ''
      })
    } finally {
      cleanup()
    }
  })
})

// Deep probes print their effective uid, argv[0] and readlink("/proc/self/exe"): checked here
// under QEMU directly, where the answers are known (QEMU's -0 sets argv[0]).
describe.each(DEEP_PROBE_TARGETS.map(t => [t]))('%s deep probe', target => {
  const qemu = interpreter(target)
  const withQemu = existsSync(qemu) ? test : test.skip

  test('small, and matches its binfmt_misc magic', () => {
    const elf = deepProbeProgram(target)
    expect(elf.length).toBeLessThan(512)
    const { magic, mask } = TARGETS.get(target)!
    const m = Buffer.from(magic, 'hex')
    const k = Buffer.from(mask, 'hex')
    for (let i = 0; i < m.length; i++) expect([i, elf[i] & k[i]]).toEqual([i, m[i] & k[i]])
  })

  withQemu(`prints euid, argv[0] and its own path under ${qemu}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'deep-probe-'))
    try {
      const path = join(dir, `deep-${target}`)
      writeFileSync(path, deepProbeProgram(target), { mode: 0o755 })
      const asRoot = spawnSync(qemu, ['-0', 'some-other-name', path], { timeout: 20000 })
      expect([asRoot.status, asRoot.stderr.toString()]).toEqual([0, ''])
      expect(parseDeepProbe(target, asRoot.stdout)).toEqual({
        euid: 0,
        argv0: 'some-other-name',
        exe: realpathSync(path)
      })

      // Another uid: the first field follows it, so a 0 there means something.
      chmodSync(dir, 0o755)
      const asNobody = spawnSync(qemu, [path], { uid: 65534, gid: 65534, timeout: 20000 })
      expect([asNobody.status, asNobody.stderr.toString()]).toEqual([0, ''])
      expect(parseDeepProbe(target, asNobody.stdout)).toEqual({
        euid: 65534,
        argv0: path,
        exe: realpathSync(path)
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('deep probes', () => {
  test('cover the platforms buildx users emulate most', () => {
    expect(DEEP_PROBE_TARGETS).toEqual(
      expect.arrayContaining(['aarch64', 'arm', 'riscv64', 'ppc64le', 's390x'])
    )
  })

  test('unknown target throws and lists the supported ones', () => {
    expect(() => deepProbeProgram('hexagon')).toThrow(/'hexagon'.*aarch64.*s390x/)
  })

  test('parse: byte order per target, fields split at the NUL, short output refused', () => {
    const out = Buffer.concat([Buffer.from([0, 0, 0x03, 0xe8]), Buffer.from('ab\0/x/y')])
    expect(parseDeepProbe('s390x', out)).toEqual({ euid: 1000, argv0: 'ab', exe: '/x/y' })
    expect(parseDeepProbe('aarch64', out)?.euid).toBe(0xe8030000)
    expect(parseDeepProbe('aarch64', out.toString('latin1'))?.exe).toBe('/x/y')
    expect(parseDeepProbe('arm', Buffer.from([0, 0, 0]))).toBeUndefined()
    expect(parseDeepProbe('arm', Buffer.from([0, 0, 0, 0, 0x61]))).toBeUndefined()
  })
})

// The kernel's own answers, without QEMU: the x86_64 deep probe natively, setuid root and not.
const nativeRoot = native === test && process.getuid?.() === 0 ? test : test.skip
nativeRoot('x86_64 deep probe natively: the kernel’s argv[0], /proc/self/exe and setuid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deep-native-'))
  try {
    chmodSync(dir, 0o755)
    const path = join(dir, 'deep-x86_64')
    writeFileSync(path, deepProbeProgram('x86_64'), { mode: 0o755 })
    const plain = spawnSync(path, [], { argv0: 'renamed', timeout: 20000 })
    expect(plain.status).toBe(0)
    expect(parseDeepProbe('x86_64', plain.stdout)).toEqual({
      euid: 0,
      argv0: 'renamed',
      exe: realpathSync(path)
    })
    const asNobody = spawnSync(path, [], { uid: 65534, gid: 65534, timeout: 20000 })
    expect(parseDeepProbe('x86_64', asNobody.stdout)?.euid).toBe(65534)
    chmodSync(path, 0o4755)
    const setuid = spawnSync(path, [], { uid: 65534, gid: 65534, timeout: 20000 })
    expect(parseDeepProbe('x86_64', setuid.stdout)?.euid).toBe(0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

describe('chainProgram', () => {
  test('covers the container platforms', () => {
    expect([...CHAIN_PROBE_TARGETS].sort()).toEqual([...REQUIRED].sort())
  })

  // Each link runs under its QEMU (x86_64 natively), whose execve hands the next path to
  // this host's kernel: here a native probe, so no binfmt_misc entry is needed.
  describe.each(REQUIRED)('%s', target => {
    const argv = (path: string) =>
      target === 'x86_64' || (target === 'i386' && process.arch === 'x64')
        ? [path]
        : [interpreter(target), path]

    test('prints its marker, then runs the next link', () => {
      const dir = mkdtempSync(join(tmpdir(), 'chain-'))
      try {
        writeFileSync(join(dir, 'next'), probeProgram('x86_64'), { mode: 0o755 })
        writeFileSync(join(dir, 'link'), chainProgram(target, join(dir, 'next')), { mode: 0o755 })
        const r = run(argv(join(dir, 'link')))
        expect([r.status, r.stdout]).toEqual([
          0,
          `${probeMarker(target)}\n${probeMarker('x86_64')}\n`
        ])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    test.each([
      ['missing', 2],
      ['not a program', 8]
    ])('a next link %s: its exec errno is the exit status', (what, errno) => {
      const dir = mkdtempSync(join(tmpdir(), 'chain-'))
      try {
        if (what === 'not a program') {
          writeFileSync(join(dir, 'next'), Buffer.alloc(64, 0xee), { mode: 0o755 })
        }
        writeFileSync(join(dir, 'link'), chainProgram(target, join(dir, 'next')), { mode: 0o755 })
        const r = run(argv(join(dir, 'link')))
        expect(r.stdout).toBe(`${probeMarker(target)}\n`)
        expect(chainExecErrno(target, r.status ?? -1)).toBe(errno)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
})
