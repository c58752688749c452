import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROBE_TARGETS, probeMarker, probeProgram } from '../src/platform/probes.js'
import { TARGETS } from '../src/platform/targets.js'

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
