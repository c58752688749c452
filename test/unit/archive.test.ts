// Interpreter extraction from real archives: tarballs built here with the system tar, .debs
// built with dpkg-deb, hand-made hostile tars, and Debian's own qemu-user-static package.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { extractInterpreters } from '../../src/qemu/archive/extract.js'
import { memoryLog } from '../../src/util/log.js'
import { debianFile, debianPackage } from '../helpers/archive-debs.js'
import { tarArchive, tarMember } from '../helpers/archive-tar.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archive-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let count = 0
/** A fresh folder under the test directory. */
function fresh(name: string): string {
  const path = join(dir, `${name}-${++count}`)
  mkdirSync(path, { recursive: true })
  return path
}

/** Fake interpreter bytes, big enough to cross stream chunks and tar blocks. */
function fake(label: string): Buffer {
  return Buffer.concat([Buffer.from(`${label}\n`), randomBytes(100_003)])
}

function put(root: string, path: string, data: Buffer | string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), data, { mode: 0o644 })
}

function link(root: string, path: string, to: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  symlinkSync(to, join(root, path))
}

/** A path over 255 characters: GNU tar needs an 'L' header for it, pax a path= record. */
const LONG = `opt/${'a'.repeat(120)}/${'b'.repeat(120)}/qemu-s390x-static`

/** A tree laid out like Debian 13's qemu-user, with decoys, and what each target should get. */
function interpreterTree(long = LONG): { root: string; want: Map<string, Buffer> } {
  const root = fresh('tree')
  const want = new Map([
    ['aarch64', fake('aarch64')],
    ['riscv64', fake('riscv64')],
    ['s390x', fake('s390x')],
    ['i486', fake('i386')]
  ])
  put(root, 'usr/bin/qemu-aarch64', want.get('aarch64') ?? '')
  link(root, 'usr/bin/qemu-aarch64-static', 'qemu-aarch64')
  put(root, 'usr/lib/qemu/riscv64', want.get('riscv64') ?? '')
  link(root, 'usr/bin/qemu-riscv64-static', '/usr/lib/qemu/riscv64')
  put(root, long, want.get('s390x') ?? '')
  put(root, 'usr/bin/qemu-i386', want.get('i486') ?? '')
  put(root, 'usr/bin/qemu-arm', fake('arm, not asked for'))
  put(
    root,
    'usr/share/binfmts/qemu-aarch64',
    'package qemu-user\ninterpreter /usr/bin/qemu-aarch64\n'
  )
  put(root, 'usr/share/doc/qemu-user/README', 'unrelated\n')
  return { root, want }
}

function tar(args: readonly string[], cwd?: string): string {
  return execFileSync('tar', args, { cwd }).toString()
}

async function expectExtracted(
  result: Map<string, string>,
  out: string,
  want: ReadonlyMap<string, Buffer>
): Promise<void> {
  expect(readdirSync(out).sort()).toEqual([...want.keys()].map(t => `qemu-${t}`).sort())
  for (const [t, bytes] of want) {
    const path = join(out, `qemu-${t}`)
    expect(result.get(t)).toBe(path)
    expect(readFileSync(path).equals(bytes)).toBe(true)
    expect(statSync(path).mode & 0o777).toBe(0o755)
  }
}

describe('tarballs made by GNU tar', () => {
  test.each([
    ['gnu', 'tar.gz', '-z', ['.']],
    ['pax', 'tar.xz', '-J', ['usr', 'opt']],
    ['gnu', 'tar.xz', '-J', ['usr', 'opt']]
  ] as const)(
    '%s format as %s: only the wanted members, links followed, mode 0755',
    async (format, kind, flag, members) => {
      const { root, want } = interpreterTree()
      const file = join(fresh('tarball'), `qemu.${kind}`)
      tar([`--format=${format}`, flag, '-cf', file, '-C', root, ...members])
      const out = join(fresh('out'), 'bin')
      const result = await extractInterpreters(file, kind, [...want.keys()], out)
      await expectExtracted(result, out, want)
    }
  )

  test('ustar format splits a long name into prefix and name', async () => {
    const long = `opt/${'p'.repeat(90)}/${'q'.repeat(40)}/qemu-s390x-static`
    const { root, want } = interpreterTree(long)
    const file = join(fresh('tarball'), 'qemu.tar.gz')
    tar(['--format=ustar', '-czf', file, '-C', root, 'usr', 'opt'])
    const out = fresh('out')
    const result = await extractInterpreters(file, 'tar.gz', ['s390x'], out)
    await expectExtracted(result, out, new Map([['s390x', want.get('s390x') ?? Buffer.alloc(0)]]))
  })

  test('links to members not named like interpreters, hard links and folder links', async () => {
    const root = fresh('tree')
    const ppc = fake('ppc64le')
    const mips = fake('mips')
    const hppa = fake('hppa')
    put(root, 'usr/lib/qemu/ppc64le-real', ppc)
    linkSync(join(root, 'usr/lib/qemu/ppc64le-real'), join(root, 'usr/lib/qemu/ppc64le-hard'))
    link(root, 'usr/bin/qemu-ppc64le-static', '../lib/qemu/ppc64le-hard')
    link(root, 'usr/bin/qemu-mips-static', '../lib/qemu/mips-real')
    put(root, 'usr/lib/qemu/mips-real', mips)
    link(root, 'lib', 'usr/lib')
    link(root, 'usr/local/bin/qemu-hppa-static', '/lib/qemu/hppa-real')
    put(root, 'usr/lib/qemu/hppa-real', hppa)
    const file = join(fresh('tarball'), 'links.tar.gz')
    // This order puts each link before its target, so the first pass cannot keep the bytes.
    const order = [
      'usr/bin/qemu-ppc64le-static',
      'usr/lib/qemu/ppc64le-real',
      'usr/lib/qemu/ppc64le-hard',
      'usr/bin/qemu-mips-static',
      'usr/lib/qemu/mips-real',
      'lib',
      'usr/local/bin/qemu-hppa-static',
      'usr/lib/qemu/hppa-real'
    ]
    tar(['-czf', file, '-C', root, ...order])
    expect(tar(['-tvzf', file])).toMatch(
      /usr\/lib\/qemu\/ppc64le-hard link to usr\/lib\/qemu\/ppc64le-real/
    )
    const out = fresh('out')
    const log = memoryLog()
    const result = await extractInterpreters(file, 'tar.gz', ['ppc64le', 'mips', 'hppa'], out, log)
    await expectExtracted(
      result,
      out,
      new Map([
        ['ppc64le', ppc],
        ['mips', mips],
        ['hppa', hppa]
      ])
    )
    expect(log.lines.some(l => l.includes('second pass'))).toBe(true)
  })

  test('a missing target names the archive, the targets and the names looked for', async () => {
    const { root } = interpreterTree()
    const file = join(fresh('tarball'), 'qemu.tar.gz')
    tar(['-czf', file, '-C', root, '.'])
    const out = join(fresh('out'), 'bin')
    await expect(
      extractInterpreters(file, 'tar.gz', ['aarch64', 'sparc64', 'i486', 'mips64el'], out)
    ).rejects.toThrow(
      `${file} has no QEMU interpreter for sparc64, mips64el: looked for a member named ` +
        `qemu-sparc64-static, qemu-sparc64, qemu-mips64el-static, qemu-mips64el in any folder`
    )
    expect(existsSync(out)).toBe(false)
  })
})

describe('hostile and broken archives', () => {
  /** A .tar.gz of hand-made members. */
  function crafted(members: readonly Buffer[]): string {
    const file = join(fresh('crafted'), 'crafted.tar.gz')
    writeFileSync(file, gzipSync(tarArchive(members)))
    return file
  }

  test('a ../ member anywhere refuses the whole archive, and nothing is written', async () => {
    const base = fresh('evil')
    const file = crafted([
      tarMember('usr/bin/qemu-aarch64-static', fake('aarch64')),
      tarMember('../evil', Buffer.from('owned\n'))
    ])
    const out = join(base, 'out')
    await expect(extractInterpreters(file, 'tar.gz', ['aarch64'], out)).rejects.toThrow(
      `Refusing ${file}: member ../evil has a '..' path segment, so it would escape the extraction folder`
    )
    expect(readdirSync(base)).toEqual([])
  })

  test('GNU tar -P keeps a ../ member: refused too', async () => {
    const base = fresh('evil')
    const work = join(base, 'work')
    put(work, 'usr/bin/qemu-arm', fake('arm'))
    put(base, 'evil', 'owned\n')
    const file = join(base, 'evil.tar.xz')
    tar(['-P', '-cJf', file, 'usr', '../evil'], work)
    const out = join(base, 'out')
    await expect(extractInterpreters(file, 'tar.xz', ['arm'], out)).rejects.toThrow(
      /member \.\.\/evil has a '\.\.' path segment/
    )
    expect(existsSync(out)).toBe(false)
  })

  test('a hard link naming ../ is refused', async () => {
    const file = crafted([
      tarMember('qemu-aarch64', Buffer.alloc(0), { type: '1', linkname: '../../etc/passwd' })
    ])
    await expect(extractInterpreters(file, 'tar.gz', ['aarch64'], fresh('out'))).rejects.toThrow(
      /member \.\.\/\.\.\/etc\/passwd has a '\.\.' path segment/
    )
  })

  test('a symlink out of the archive is refused', async () => {
    const root = fresh('tree')
    link(root, 'qemu-aarch64-static', '../../etc/passwd')
    const file = join(fresh('tarball'), 'out.tar.gz')
    tar(['-czf', file, '-C', root, '.'])
    const out = fresh('out')
    await expect(extractInterpreters(file, 'tar.gz', ['aarch64'], out)).rejects.toThrow(
      `Refusing ${file}: the link qemu-aarch64-static -> ../../etc/passwd leads outside the archive`
    )
    expect(readdirSync(out)).toEqual([])
  })

  test('an absolute symlink stays inside the archive', async () => {
    const file = crafted([
      tarMember('usr/bin/qemu-arm-static', Buffer.alloc(0), { type: '2', linkname: '/etc/passwd' })
    ])
    await expect(extractInterpreters(file, 'tar.gz', ['arm'], fresh('out'))).rejects.toThrow(
      `${file}: usr/bin/qemu-arm-static leads to etc/passwd, which is not in the archive`
    )
  })

  test('a link loop is refused', async () => {
    const file = crafted([
      tarMember('bin/qemu-arm-static', Buffer.alloc(0), { type: '2', linkname: 'qemu-arm' }),
      tarMember('bin/qemu-arm', Buffer.alloc(0), { type: '2', linkname: './qemu-arm-static' })
    ])
    await expect(extractInterpreters(file, 'tar.gz', ['arm'], fresh('out'))).rejects.toThrow(
      `Refusing ${file}: the links from bin/qemu-arm-static loop`
    )
  })

  test('a wanted device member is refused; unwanted ones are skipped', async () => {
    const file = crafted([
      tarMember('dev/null', Buffer.alloc(0), { type: '3' }),
      tarMember('usr/bin/qemu-arm', Buffer.alloc(0), { type: '6' })
    ])
    await expect(extractInterpreters(file, 'tar.gz', ['arm'], fresh('out'))).rejects.toThrow(
      `${file}: usr/bin/qemu-arm leads to usr/bin/qemu-arm, which is a device, FIFO or other special member, not a file`
    )
  })

  test('a base-256 size field is read', async () => {
    const data = fake('aarch64')
    const file = crafted([tarMember('./qemu-aarch64-static', data, { base256: true })])
    const out = fresh('out')
    const result = await extractInterpreters(file, 'tar.gz', ['aarch64'], out)
    await expectExtracted(result, out, new Map([['aarch64', data]]))
  })

  test('a truncated tar stream is an error', async () => {
    const whole = tarArchive([tarMember('qemu-arm', fake('arm'))])
    const file = join(fresh('broken'), 'cut.tar.gz')
    writeFileSync(file, gzipSync(whole.subarray(0, 100_000)))
    await expect(extractInterpreters(file, 'tar.gz', ['arm'], fresh('out'))).rejects.toThrow(
      `${file} is truncated: the tar stream stops inside a member`
    )
  })

  test('a file that is not what the format says', async () => {
    const file = join(fresh('broken'), 'plain.tar.gz')
    writeFileSync(file, tarArchive([tarMember('qemu-arm', fake('arm'))]))
    await expect(extractInterpreters(file, 'tar.gz', ['arm'], fresh('out'))).rejects.toThrow(
      `Cannot read ${file} as tar.gz: incorrect header check`
    )
    await expect(extractInterpreters(file, 'deb', ['arm'], fresh('out'))).rejects.toThrow(
      `Cannot read ${file} as deb: not an ar archive`
    )
    const junk = join(fresh('broken'), 'junk.tar.gz')
    writeFileSync(junk, gzipSync(randomBytes(4096)))
    await expect(extractInterpreters(junk, 'tar.gz', ['arm'], fresh('out'))).rejects.toThrow(
      `${junk} is not a valid tar stream: Invalid tar header`
    )
  })
})

describe('Debian packages', () => {
  test.each(['xz', 'zstd', 'gzip', 'none'])(
    'dpkg-deb -Z%s: the ar archive and its data.tar are read',
    async compression => {
      const root = fresh('pkg')
      put(
        root,
        'DEBIAN/control',
        'Package: fake-qemu\nVersion: 1.0\nArchitecture: amd64\nMaintainer: Test <t@example.org>\n' +
          'Description: test package\n'
      )
      const aarch64 = fake('aarch64')
      put(root, 'usr/bin/qemu-aarch64-static', aarch64)
      put(root, 'usr/share/binfmts/qemu-aarch64', 'decoy\n')
      const deb = join(fresh('debs'), 'fake.deb')
      execFileSync('dpkg-deb', ['--root-owner-group', `-Z${compression}`, '--build', root, deb], {
        stdio: 'ignore'
      })
      const out = fresh('out')
      const result = await extractInterpreters(deb, 'deb', ['aarch64'], out)
      await expectExtracted(result, out, new Map([['aarch64', aarch64]]))
    }
  )

  test("Debian's qemu-user-static: byte-identical to what dpkg installs", async () => {
    const deb = debianPackage('qemu-user-static')
    const out = fresh('out')
    const result = await extractInterpreters(deb, 'deb', ['aarch64', 'arm', 'i486'], out)
    const want = new Map([
      ['aarch64', await debianFile(deb, '/usr/bin/qemu-aarch64-static')],
      ['arm', await debianFile(deb, '/usr/bin/qemu-arm-static')],
      ['i486', await debianFile(deb, '/usr/bin/qemu-i386-static')]
    ])
    await expectExtracted(result, out, want)
  })
})

describe('bare interpreters', () => {
  test('the file itself, for its one target', async () => {
    const file = join(fresh('bin'), 'qemu-riscv64-static')
    const data = fake('riscv64')
    writeFileSync(file, data, { mode: 0o600 })
    const out = join(fresh('out'), 'deep', 'bin')
    const result = await extractInterpreters(file, 'bin', ['riscv64'], out)
    await expectExtracted(result, out, new Map([['riscv64', data]]))
  })

  test('more than one target is an error', async () => {
    const file = join(fresh('bin'), 'qemu-riscv64-static')
    writeFileSync(file, fake('riscv64'))
    await expect(
      extractInterpreters(file, 'bin', ['riscv64', 'arm'], fresh('out'))
    ).rejects.toThrow(`${file} is a single interpreter, so it serves exactly one target, not 2`)
  })
})
