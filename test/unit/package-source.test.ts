// `source: package` beyond this Debian machine. The packages are real files built here: .rpm
// with rpmbuild, .apk with tar and gzip, .deb with dpkg-deb, each holding Debian's real static
// QEMU. dnf and apk cannot run on Debian, so for those two branches (and only those) an injected
// runner stands in for the package manager and copies the package file into the folder it was
// asked to fill. The Debian fallback runs the real apt-get against a local repository.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { extractInterpreters } from '../../src/qemu/archive/extract.js'
import { ExecError, run, type ExecOptions, type Runner } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { alpinePackage, apkDataSegment } from '../../src/qemu/package/alpine.js'
import { FEDORA_GROUPS, fedoraPackage } from '../../src/qemu/package/fedora.js'
import { packageManager, parseOsRelease } from '../../src/qemu/package/os-release.js'
import { fromPackage } from '../../src/qemu/package/source.js'
import { extractRpmInterpreters, readRpm } from '../../src/qemu/archive/rpm.js'
import { TARGETS } from '../../src/platform/targets.js'
import { qemuStatic } from '../helpers/fixtures.js'
import { buildApk, listApk } from '../helpers/package-apk.js'
import { buildDeb, localAptRepository, type Deb } from '../helpers/package-apt.js'
import { buildRpm } from '../helpers/package-rpm.js'

let fixtures: string
let rpm: { zstd: string; xz: string; gzip: string }
let apk: { cut: string; plain: string; dynamic: string }

beforeAll(() => {
  fixtures = mkdtempSync(join(tmpdir(), 'package-fixtures-'))
  const fedora = { version: '9.1.2', release: '1.fc41', epoch: 2 }
  rpm = {
    zstd: buildRpm(join(fixtures, mkdir('rpm-zstd')), {
      ...fedora,
      name: 'qemu-user-static-aarch64',
      payload: 'w19.zstdio',
      files: [{ path: '/usr/bin/qemu-aarch64-static', source: qemuStatic('aarch64') }]
    }),
    xz: buildRpm(join(fixtures, mkdir('rpm-xz')), {
      ...fedora,
      name: 'qemu-user-static-arm',
      payload: 'w9.xzdio',
      files: [
        { path: '/usr/bin/qemu-arm-static', source: qemuStatic('arm') },
        { path: '/usr/bin/qemu-armeb-static', source: qemuStatic('armeb') }
      ]
    }),
    // Links: riscv64 is a symlink to a file not named like an interpreter, riscv32 a hard link.
    gzip: buildRpm(join(fixtures, mkdir('rpm-gzip')), {
      ...fedora,
      name: 'qemu-user-static-riscv',
      payload: 'w9.gzdio',
      files: [
        { path: '/usr/libexec/qemu/riscv64-real', source: qemuStatic('riscv64') },
        { path: '/usr/bin/qemu-riscv64-static', symlink: '../libexec/qemu/riscv64-real' },
        // rpm2archive puts a hard-link set's data on its first path in sorted order: /opt first.
        { path: '/opt/qemu/riscv32-real', source: qemuStatic('riscv32') },
        { path: '/usr/bin/qemu-riscv32-static', hardlinkOf: '/opt/qemu/riscv32-real' }
      ]
    })
  }
  const alpine = { name: 'qemu-aarch64', version: '9.1.2-r0' }
  apk = {
    cut: buildApk(join(fixtures, mkdir('apk-cut')), {
      ...alpine,
      cut: true,
      files: [{ path: 'usr/bin/qemu-aarch64', source: qemuStatic('aarch64') }]
    }),
    plain: buildApk(join(fixtures, mkdir('apk-plain')), {
      ...alpine,
      cut: false,
      files: [{ path: 'usr/bin/qemu-aarch64', source: qemuStatic('aarch64') }]
    }),
    // A dynamically linked program where the interpreter should be, like a musl-linked build.
    dynamic: buildApk(join(fixtures, mkdir('apk-dynamic')), {
      ...alpine,
      cut: true,
      files: [{ path: 'usr/bin/qemu-aarch64', source: '/bin/true' }]
    })
  }
}, 300_000)

afterAll(() => {
  if (fixtures) rmSync(fixtures, { recursive: true, force: true })
})

function mkdir(name: string): string {
  mkdirSync(join(fixtures, name), { recursive: true })
  return name
}

let cache: string
let temp: string
let scratch: string
const saved = { ...process.env }

beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'toolcache-'))
  temp = mkdtempSync(join(tmpdir(), 'runner-temp-'))
  scratch = mkdtempSync(join(tmpdir(), 'package-test-'))
  process.env.RUNNER_TOOL_CACHE = cache
  process.env.RUNNER_TEMP = temp
})
afterEach(() => {
  for (const key of ['RUNNER_TOOL_CACHE', 'RUNNER_TEMP', 'APT_CONFIG']) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
  for (const dir of [cache, temp, scratch]) rmSync(dir, { recursive: true, force: true })
})

const same = (a: string, b: string) => readFileSync(a).equals(readFileSync(b))

/** Completed tool-cache entries, as tool/version/arch. */
function cached(): string[] {
  return readdirSync(cache, { recursive: true })
    .map(String)
    .filter(f => f.endsWith('.complete'))
    .map(f => f.slice(0, -'.complete'.length))
    .sort()
}

function osRelease(text: string): string {
  const path = join(scratch, 'os-release')
  writeFileSync(path, text)
  return path
}

const FEDORA = `NAME="Fedora Linux"
VERSION="41 (Container Image)"
ID=fedora
VERSION_ID=41
PRETTY_NAME="Fedora Linux 41 (Container Image)"
`
const RHEL = `NAME="Red Hat Enterprise Linux"
ID="rhel"
ID_LIKE="fedora"
VERSION_ID="9.4"
PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"
`
const ALPINE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
`
const DEBIAN = `PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
NAME="Debian GNU/Linux"
ID=debian
`

/**
 * A stand-in for dnf or apk: records each command line and, like the real tool, puts the named
 * packages (real files built above) into the folder the command names, or fails like it.
 */
function fakeManager(
  packages: Record<string, string>,
  calls: string[][],
  destination: (argv: readonly string[]) => { dir: string; names: readonly string[] }
): Runner {
  return async (argv: readonly string[], options?: ExecOptions) => {
    calls.push([...argv])
    if (argv[0] !== 'dnf' && argv[0] !== 'apk') return run(argv, options)
    const { dir, names } = destination(argv)
    const missing = names.filter(n => !packages[n])
    if (missing.length > 0) {
      throw new ExecError(argv, {
        code: 1,
        stdout: '',
        stderr: `No match for argument: ${missing.join(', ')}`
      })
    }
    for (const name of names) copyFileSync(packages[name], join(dir, basename(packages[name])))
    return { code: 0, stdout: '', stderr: '' }
  }
}

/** dnf download --destdir=DIR NAME... */
const fakeDnf = (packages: Record<string, string>, calls: string[][]) =>
  fakeManager(packages, calls, argv => {
    expect(argv.slice(0, 2)).toEqual(['dnf', 'download'])
    expect(argv[2]).toMatch(/^--destdir=/)
    return { dir: argv[2].slice('--destdir='.length), names: argv.slice(3) }
  })

/** apk fetch --output DIR NAME... */
const fakeApk = (packages: Record<string, string>, calls: string[][]) =>
  fakeManager(packages, calls, argv => {
    expect(argv.slice(0, 3)).toEqual(['apk', 'fetch', '--output'])
    return { dir: argv[3], names: argv.slice(4) }
  })

describe('which distribution', () => {
  test.each([
    ['ID=debian', 'apt'],
    ['ID=ubuntu\nID_LIKE=debian', 'apt'],
    ['ID=linuxmint\nID_LIKE="ubuntu debian"', 'apt'],
    ['ID=fedora', 'dnf'],
    ['ID="rhel"\nID_LIKE="fedora"', 'dnf'],
    ['ID="centos"\nID_LIKE="rhel fedora"', 'dnf'],
    ['ID="rocky"\nID_LIKE="rhel centos fedora"', 'dnf'],
    ['ID=alpine', 'apk'],
    ["ID='postmarketos'\nID_LIKE='alpine'", 'apk'],
    ['ID=arch', undefined],
    ['ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"', undefined],
    ['', undefined]
  ])('%j -> %s', (text, manager) => {
    expect(packageManager(parseOsRelease(text))).toBe(manager)
  })

  test('os-release values: quotes and escapes', () => {
    const fields = parseOsRelease('# comment\nNAME="A \\"quoted\\" name"\nID=x  \nBAD LINE\n')
    expect(fields.get('NAME')).toBe('A "quoted" name')
    expect(fields.get('ID')).toBe('x')
    expect(fields.size).toBe(2)
  })

  test('another system is a clear error naming it, before any command runs', async () => {
    const calls: string[][] = []
    const arch = osRelease('NAME="Arch Linux"\nPRETTY_NAME="Arch Linux"\nID=arch\n')
    await expect(
      fromPackage({ source: 'package', targets: ['aarch64'] }, memoryLog(), {
        osRelease: arch,
        run: fakeDnf({}, calls)
      })
    ).rejects.toThrow(
      'source: package works on Debian and Ubuntu (apt-get), Fedora (dnf) and Alpine (apk); ' +
        'Arch Linux is none of these: use source: download or system'
    )
    expect(calls).toEqual([])
    expect(readdirSync(temp)).toEqual([])
  })

  test('no os-release at all says "this system"', async () => {
    await expect(
      fromPackage({ source: 'package', targets: ['aarch64'] }, memoryLog(), {
        osRelease: join(scratch, 'missing')
      })
    ).rejects.toThrow(/; this system is none of these: use source: download or system/)
  })
})

describe('Fedora package names', () => {
  test('every QEMU target has a qemu-user-static-<group> package', () => {
    for (const name of TARGETS.keys()) expect(fedoraPackage(name)).toMatch(/^qemu-user-static-/)
    expect(new Set(FEDORA_GROUPS.values()).size).toBe(17)
  })

  test.each([
    ['aarch64', 'aarch64'],
    ['aarch64_be', 'aarch64'],
    ['arm', 'arm'],
    ['armeb', 'arm'],
    ['i386', 'x86'],
    ['i486', 'x86'],
    ['x86_64', 'x86'],
    ['ppc', 'ppc'],
    ['ppc64', 'ppc'],
    ['ppc64le', 'ppc'],
    ['mips', 'mips'],
    ['mipsn32el', 'mips'],
    ['mips64el', 'mips'],
    ['riscv32', 'riscv'],
    ['riscv64', 'riscv'],
    ['sparc32plus', 'sparc'],
    ['sparc64', 'sparc'],
    ['sh4eb', 'sh4'],
    ['s390x', 's390x'],
    ['loongarch64', 'loongarch64'],
    ['microblazeel', 'microblaze'],
    ['xtensaeb', 'xtensa'],
    ['or1k', 'or1k'],
    ['hexagon', 'hexagon'],
    ['hppa', 'hppa'],
    ['m68k', 'm68k'],
    ['alpha', 'alpha']
  ])('%s is in qemu-user-static-%s', (name, group) => {
    expect(fedoraPackage(name)).toBe(`qemu-user-static-${group}`)
  })

  test('Alpine: one package per interpreter, i486 under qemu-i386', () => {
    expect(alpinePackage('aarch64')).toBe('qemu-aarch64')
    expect(alpinePackage('i486')).toBe('qemu-i386')
  })
})

describe('rpm reader', () => {
  test('headers: name and [epoch:]version-release, as rpm -qp reads them', async () => {
    expect(await readRpm(rpm.zstd)).toEqual({
      name: 'qemu-user-static-aarch64',
      version: '9.1.2',
      release: '1.fc41',
      epoch: 2,
      evr: '2:9.1.2-1.fc41'
    })
    const noEpoch = buildRpm(scratch, {
      name: 'qemu-user-static-m68k',
      version: '9.1.2',
      release: '1.fc41',
      payload: 'w19.zstdio',
      files: [{ path: '/usr/bin/qemu-m68k-static', source: qemuStatic('m68k') }]
    })
    expect(await readRpm(noEpoch)).toEqual({
      name: 'qemu-user-static-m68k',
      version: '9.1.2',
      release: '1.fc41',
      epoch: undefined,
      evr: '9.1.2-1.fc41'
    })
  })

  test('zstd payload: the interpreter, byte for byte', async () => {
    const out = join(scratch, 'out')
    const got = await extractRpmInterpreters(rpm.zstd, ['aarch64'], out)
    expect([...got]).toEqual([['aarch64', join(out, 'qemu-aarch64')]])
    expect(same(got.get('aarch64')!, qemuStatic('aarch64'))).toBe(true)
    expect(statSync(got.get('aarch64')!).mode & 0o777).toBe(0o755)
  })

  test('xz payload: two targets of one group', async () => {
    const got = await extractRpmInterpreters(rpm.xz, ['arm', 'armeb'], join(scratch, 'out'))
    expect(same(got.get('arm')!, qemuStatic('arm'))).toBe(true)
    expect(same(got.get('armeb')!, qemuStatic('armeb'))).toBe(true)
  })

  test('gzip payload: a symlink and a hard link are followed inside the archive', async () => {
    const log = memoryLog()
    const got = await extractRpmInterpreters(
      rpm.gzip,
      ['riscv64', 'riscv32'],
      join(scratch, 'out'),
      log
    )
    expect(same(got.get('riscv64')!, qemuStatic('riscv64'))).toBe(true)
    expect(same(got.get('riscv32')!, qemuStatic('riscv32'))).toBe(true)
    const lines = log.lines.join('\n')
    expect(lines).toContain(
      'riscv64 from usr/bin/qemu-riscv64-static -> usr/libexec/qemu/riscv64-real'
    )
    expect(lines).toContain('riscv32 from usr/bin/qemu-riscv32-static -> opt/qemu/riscv32-real')
    expect(lines).toMatch(/second pass/)
  })

  test('a target the package lacks names what was looked for', async () => {
    await expect(extractRpmInterpreters(rpm.zstd, ['s390x'], join(scratch, 'out'))).rejects.toThrow(
      /has no QEMU interpreter for s390x: looked for a member named qemu-s390x-static, qemu-s390x/
    )
  })

  test('a symlink leading above the archive is refused', async () => {
    const built = buildRpm(scratch, {
      name: 'qemu-user-static-aarch64',
      version: '9.1.2',
      release: '1.fc41',
      payload: 'w9.gzdio',
      files: [
        { path: '/usr/bin/qemu-aarch64-static', symlink: '../../../../usr/bin/qemu-aarch64-static' }
      ]
    })
    const evil = join(scratch, 'evil.rpm')
    copyFileSync(built, evil)
    await expect(extractRpmInterpreters(evil, ['aarch64'], join(scratch, 'out'))).rejects.toThrow(
      /Refusing .*evil\.rpm: the link usr\/bin\/qemu-aarch64-static -> \.\.\/.* leads outside the archive/
    )
  })

  test('a truncated payload and a file that is no rpm are clear errors', async () => {
    const cut = join(scratch, 'cut.rpm')
    copyFileSync(rpm.xz, cut)
    truncateSync(cut, statSync(cut).size - 100_000)
    const out = join(scratch, 'out')
    await expect(extractRpmInterpreters(cut, ['arm'], out)).rejects.toThrow(
      /^Cannot read the payload of .*cut\.rpm: rpm2archive -n - exited with \d+/
    )
    expect(existsSync(out)).toBe(false)
    await expect(readRpm(apk.cut)).rejects.toThrow(/is not an RPM package/)
  })
})

describe('Fedora: dnf download', () => {
  test('one dnf download for the groups needed, interpreters extracted and cached', async () => {
    const calls: string[][] = []
    const log = memoryLog()
    const got = await fromPackage({ source: 'package', targets: ['aarch64', 'arm'] }, log, {
      osRelease: osRelease(FEDORA),
      run: fakeDnf({ 'qemu-user-static-aarch64': rpm.zstd, 'qemu-user-static-arm': rpm.xz }, calls)
    })
    expect(calls).toHaveLength(1)
    expect(calls[0].slice(3)).toEqual(['qemu-user-static-aarch64', 'qemu-user-static-arm'])
    expect(got).toMatchObject({ source: 'package', version: '2:9.1.2-1.fc41', cacheHit: false })
    expect(got.interpreters.get('aarch64')).toBe(
      join(cache, 'qemu-aarch64-package', '9.1.2', process.arch, 'qemu-aarch64-package')
    )
    expect(same(got.interpreters.get('aarch64')!, qemuStatic('aarch64'))).toBe(true)
    expect(same(got.interpreters.get('arm')!, qemuStatic('arm'))).toBe(true)
    expect(log.lines).toContain(
      'package: qemu-user-static-aarch64-9.1.2-1.fc41.x86_64.rpm (QEMU 2:9.1.2-1.fc41)'
    )
    expect(readdirSync(temp)).toEqual([])
  })

  test('targets of one group make one package: arm and armeb', async () => {
    const calls: string[][] = []
    const got = await fromPackage({ source: 'package', targets: ['arm', 'armeb'] }, memoryLog(), {
      osRelease: osRelease(FEDORA),
      run: fakeDnf({ 'qemu-user-static-arm': rpm.xz }, calls)
    })
    expect(calls[0].slice(3)).toEqual(['qemu-user-static-arm'])
    expect(same(got.interpreters.get('armeb')!, qemuStatic('armeb'))).toBe(true)
  })

  test('RHEL (no static QEMU packages): the dnf failure says what to use instead', async () => {
    await expect(
      fromPackage({ source: 'package', targets: ['aarch64'] }, memoryLog(), {
        osRelease: osRelease(RHEL),
        run: fakeDnf({}, [])
      })
    ).rejects.toThrow(
      /^dnf download qemu-user-static-aarch64 failed \(dnf download --destdir=\S+ qemu-user-static-aarch64 exited with 1: No match for argument: qemu-user-static-aarch64\): .*RHEL and CentOS do not, so use source: download or system there$/
    )
    expect(cached()).toEqual([])
  })
})

describe('Alpine: apk fetch', () => {
  test('the .apk reads as one tar stream, its segments cut (as Alpine writes them) or not', async () => {
    // tar-stream reads on past end-of-archive blocks, as tar --ignore-zeros does, so the
    // concatenated gzip streams read as one tar whether or not those blocks were cut.
    for (const [file, out] of [
      [apk.cut, 'a'],
      [apk.plain, 'b']
    ]) {
      const got = await extractInterpreters(file, 'tar.gz', ['aarch64'], join(scratch, out))
      expect(same(got.get('aarch64')!, qemuStatic('aarch64'))).toBe(true)
    }
    // Both are three gzip streams with the same members, which apkDataSegment splits.
    expect(listApk(apk.plain)).toEqual(listApk(apk.cut))
    for (const file of [apk.cut, apk.plain]) {
      const data = join(scratch, `${basename(file)}.data.tar.gz`)
      await apkDataSegment(file, data)
      const got = await extractInterpreters(data, 'tar.gz', ['aarch64'], join(scratch, 'c'))
      expect(same(got.get('aarch64')!, qemuStatic('aarch64'))).toBe(true)
    }
  })

  test.each(['cut', 'plain'] as const)(
    'apk fetch, data segment, interpreter cached (%s segments)',
    async shape => {
      const calls: string[][] = []
      const log = memoryLog()
      const got = await fromPackage({ source: 'package', targets: ['aarch64'] }, log, {
        osRelease: osRelease(ALPINE),
        run: fakeApk({ 'qemu-aarch64': apk[shape] }, calls)
      })
      expect(calls).toHaveLength(1)
      expect(calls[0].slice(4)).toEqual(['qemu-aarch64'])
      expect(got).toMatchObject({ source: 'package', version: '9.1.2-r0' })
      expect(same(got.interpreters.get('aarch64')!, qemuStatic('aarch64'))).toBe(true)
      expect(cached()).toEqual([join('qemu-aarch64-package', '9.1.2', process.arch)])
      expect(log.lines).toContain('package: qemu-aarch64-9.1.2-r0.apk (QEMU 9.1.2-r0)')
    }
  )

  test('a dynamically linked interpreter (musl) is refused, and nothing is cached', async () => {
    await expect(
      fromPackage({ source: 'package', targets: ['aarch64'] }, memoryLog(), {
        osRelease: osRelease(ALPINE),
        run: fakeApk({ 'qemu-aarch64': apk.dynamic }, [])
      })
    ).rejects.toThrow(/qemu-aarch64 is dynamically linked \(it has a PT_INTERP header\)/)
    expect(cached()).toEqual([])
    expect(readdirSync(temp)).toEqual([])
  })

  test('apk fetch failing says to run apk update', async () => {
    await expect(
      fromPackage({ source: 'package', targets: ['aarch64'] }, memoryLog(), {
        osRelease: osRelease(ALPINE),
        run: fakeApk({}, [])
      })
    ).rejects.toThrow(/^apk fetch qemu-aarch64 failed \(.*\); run apk update first/)
  })

  test('a file that is not an APK v2 package is a clear error', async () => {
    await expect(apkDataSegment(rpm.zstd, join(scratch, 'x'))).rejects.toThrow(
      /APK v3 packages are not supported: use source: download or system/
    )
  })
})

describe('Debian: qemu-user when qemu-user-static has no interpreter (real apt-get, local repository)', () => {
  let debs: { transitional: Deb; user: Deb }
  beforeAll(() => {
    const dir = join(fixtures, mkdir('debs'))
    debs = {
      // Debian 13: qemu-user-static is transitional; qemu-user ships the static interpreters.
      transitional: buildDeb(dir, {
        name: 'qemu-user-static',
        version: '1:10.0.2+ds-2',
        depends: 'qemu-user',
        files: [{ path: 'usr/share/doc/qemu-user-static/README', text: 'transitional\n' }]
      }),
      user: buildDeb(dir, {
        name: 'qemu-user',
        version: '1:10.0.2+ds-2',
        files: [
          { path: 'usr/bin/qemu-aarch64', source: qemuStatic('aarch64') },
          { path: 'usr/share/binfmts/qemu-aarch64', text: 'package qemu-user\n' }
        ]
      })
    }
  }, 120_000)

  async function withApt<T>(config: string, fn: () => Promise<T>): Promise<T> {
    process.env.APT_CONFIG = config
    try {
      return await fn()
    } finally {
      delete process.env.APT_CONFIG
    }
  }

  test('a transitional qemu-user-static: qemu-user is downloaded and used', async () => {
    const { transitional, user } = debs
    const config = localAptRepository(join(scratch, 'apt'), [transitional, user])
    const log = memoryLog()
    const got = await withApt(config, () =>
      fromPackage({ source: 'package', targets: ['aarch64'] }, log, {
        osRelease: osRelease(DEBIAN)
      })
    )
    expect(got).toMatchObject({ source: 'package', version: '1:10.0.2+ds-2' })
    expect(same(got.interpreters.get('aarch64')!, qemuStatic('aarch64'))).toBe(true)
    expect(cached()).toEqual([join('qemu-aarch64-package', '10.0.2', process.arch)])
    const lines = log.lines.join('\n')
    expect(lines).toMatch(
      /package: qemu-user-static will not do \(.*qemu-user-static_1%3a10\.0\.2\+ds-2_\w+\.deb has no QEMU interpreter for aarch64.*\); trying qemu-user/
    )
    expect(lines).toMatch(
      /package: qemu-user_1%3a10\.0\.2\+ds-2_\w+\.deb \(QEMU 1:10\.0\.2\+ds-2\)/
    )
  }, 120_000)

  test('no qemu-user-static in the archive at all: qemu-user too', async () => {
    const { user } = debs
    const config = localAptRepository(join(scratch, 'apt'), [user])
    const log = memoryLog()
    const got = await withApt(config, () =>
      fromPackage({ source: 'package', targets: ['aarch64'] }, log, {
        osRelease: osRelease(DEBIAN)
      })
    )
    expect(same(got.interpreters.get('aarch64')!, qemuStatic('aarch64'))).toBe(true)
    expect(log.lines.join('\n')).toMatch(
      /apt-get download qemu-user-static failed \(.*\); run apt-get update first\); trying qemu-user/
    )
  }, 120_000)

  test('neither package holds an interpreter: both reasons, nothing cached', async () => {
    const { transitional } = debs
    const config = localAptRepository(join(scratch, 'apt'), [transitional])
    await expect(
      withApt(config, () =>
        fromPackage({ source: 'package', targets: ['aarch64'] }, memoryLog(), {
          osRelease: osRelease(DEBIAN)
        })
      )
    ).rejects.toThrow(
      /has no QEMU interpreter for aarch64.*; and qemu-user: apt-get download qemu-user failed/
    )
    expect(cached()).toEqual([])
  }, 120_000)
})
