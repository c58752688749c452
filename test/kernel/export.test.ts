// Exported files read by the real consumers, not by our own parser: systemd's systemd-binfmt
// and Debian's update-binfmts (binfmt-support) each register them in a private user namespace
// with its own binfmt_misc instance, then Debian's busybox for arm64 and armhf runs there.
// Everything is written under temporary folders; the host's table is never touched.
//
// Needs: systemd (/lib/systemd/systemd-binfmt) and binfmt-support (update-binfmts), installed
// without touching the global table as .ci/run does it, and qemu-user-static.

import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { qemuVersion } from '../../src/qemu/acquire.js'
import { BinfmtTable, registerLine, type Entry } from '../../src/binfmt/table.js'
import {
  binfmtSupportTemplate,
  parseExportFormat,
  systemdConf,
  type ExportFormat
} from '../../src/export/formats.js'
import { exportPlatforms } from '../../src/export/platforms.js'
import { loadExportManifest } from '../../src/export/record.js'
import { removeExported } from '../../src/export/remove.js'
import { exportFiles } from '../../src/export/write.js'
import { memoryLog } from '../../src/util/log.js'
import { parseOptions } from '../../src/options.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'

const SYSTEMD_BINFMT = '/lib/systemd/systemd-binfmt'
const UPDATE_BINFMTS = '/usr/sbin/update-binfmts'

let version: string
let ns: PrivateNamespace
let tmp: string
let installDir: string
let dir: string
/** binfmt-support's database for the test: empty unless a test puts formats in. */
let admin: string

beforeAll(async () => {
  for (const [path, install] of [
    [SYSTEMD_BINFMT, 'apt-get install systemd'],
    [
      UPDATE_BINFMTS,
      'apt-get install binfmt-support, as .ci/run does (without touching the global table)'
    ]
  ]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: ${install}`)
  }
  version = await qemuVersion(qemuStatic('aarch64'))
})

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  tmp = await mkdtemp(join(tmpdir(), 'export-'))
  installDir = join(tmp, 'lib', 'setup-binfmt')
  dir = join(tmp, 'etc')
  admin = join(tmp, 'admin')
  await mkdir(admin)
})

afterEach(async () => {
  await ns?.stop()
  await rm(tmp, { recursive: true, force: true })
})

/** Debian's static QEMU for arm64 and arm, as acquire() would return them. */
const acquired = () => ({
  interpreters: new Map([
    ['aarch64', qemuStatic('aarch64')],
    ['arm', qemuStatic('arm')]
  ]),
  version
})

const exportTo = (format: ExportFormat, extra: { dryRun?: boolean; flags?: string } = {}) =>
  exportFiles({
    format,
    acquired: acquired(),
    flags: extra.flags ?? 'POCF',
    installDir,
    dir,
    adminDir: admin,
    dryRun: extra.dryRun,
    log: memoryLog()
  })

const uname = async (arch: 'arm64' | 'armhf') =>
  (await ns.exec([busybox(arch), 'uname', '-m'], { allowFailure: true })).stdout.trim()

/** Every file under a folder, relative to it, sorted. */
async function tree(root: string): Promise<string[]> {
  if (!existsSync(root)) return []
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name).slice(root.length + 1))
    .sort()
}

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8)

describe('formats', () => {
  const entry = wantedEntry('aarch64', '/usr/local/lib/setup-binfmt/7.2.19/qemu-aarch64', 'POCF')
  const magic =
    '\\x7f\\x45\\x4c\\x46\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00'
  const mask =
    '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff'

  test('systemdConf: comments naming setup-binfmt and the version, then the register line', () => {
    expect(systemdConf(entry, '7.2.19')).toBe(
      '# qemu-aarch64: QEMU 7.2.19 user-mode emulation, written by setup-binfmt.\n' +
        "# 'setup-binfmt uninstall --exported' removes this file.\n" +
        `:qemu-aarch64:M:0:${magic}:${mask}:/usr/local/lib/setup-binfmt/7.2.19/qemu-aarch64:POCF\n`
    )
    expect(systemdConf(entry, '7.2.19').split('\n')[2]).toBe(registerLine(entry))
  })

  test('binfmtSupportTemplate: the fields update-binfmts(8) reads; flags as credentials, preserve, fix_binary', () => {
    expect(binfmtSupportTemplate(entry)).toBe(
      [
        'package setup-binfmt',
        'interpreter /usr/local/lib/setup-binfmt/7.2.19/qemu-aarch64',
        `magic ${magic}`,
        'offset 0',
        `mask ${mask}`,
        'credentials yes',
        'preserve yes',
        'fix_binary yes',
        ''
      ].join('\n')
    )
    expect(binfmtSupportTemplate({ ...entry, flags: 'F' })).toMatch(
      /\ncredentials no\npreserve no\nfix_binary yes\n$/
    )
    expect(binfmtSupportTemplate({ ...entry, flags: 'P' })).toMatch(
      /\ncredentials no\npreserve yes\nfix_binary no\n$/
    )
  })

  test.each(['aarch64', 'arm', 'riscv64'])(
    'the %s template matches what Debian qemu-user-static ships, byte for byte, in magic, offset and mask',
    t => {
      const ours = binfmtSupportTemplate(wantedEntry(t, '/x', 'POCF')).split('\n')
      const debian = readFileSync(`/usr/share/binfmts/qemu-${t}`, 'utf8').split('\n')
      for (const key of ['magic', 'offset', 'mask']) {
        expect(ours.find(l => l.startsWith(`${key} `))).toBe(
          debian.find(l => l.startsWith(`${key} `))
        )
      }
    }
  )

  test('binfmt-support cannot say O without C; bad names and paths are refused', () => {
    expect(() => binfmtSupportTemplate({ ...entry, flags: 'OF' })).toThrow(/no O without C/)
    expect(() => systemdConf({ ...entry, interpreter: 'relative/qemu' })).toThrow(/absolute/)
    expect(() => binfmtSupportTemplate({ ...entry, name: 'status' })).toThrow(/cannot name/)
    expect(() => parseExportFormat('upstart')).toThrow(
      /format 'upstart' is not one of systemd, binfmt-support/
    )
    expect(parseExportFormat('Systemd')).toBe('systemd')
  })
})

describe('systemd-binfmt reads the exported files', () => {
  test('it registers them in the namespace; arm64 and armhf busybox run; other entries stay', async () => {
    // Someone else's entry: systemd-binfmt given files must not flush the table (status -1).
    const table = await BinfmtTable.open({ root: ns.root })
    const other: Entry = { ...wantedEntry('s390x', qemuStatic('s390x'), 'F'), name: 'other-s390x' }
    await table.register(other)

    const result = await exportTo('systemd')
    expect(result.conflicts).toEqual([])
    const confs = [join(dir, 'qemu-aarch64.conf'), join(dir, 'qemu-arm.conf')]
    expect(result.files.map(f => [f.path, f.kind, f.action])).toEqual([
      [join(installDir, version, 'qemu-aarch64'), 'interpreter', 'create'],
      [join(installDir, version, 'qemu-arm'), 'interpreter', 'create'],
      [confs[0], 'systemd', 'create'],
      [confs[1], 'systemd', 'create']
    ])
    expect(await modeOf(join(installDir, version, 'qemu-aarch64'))).toBe('755')
    expect(await modeOf(confs[0])).toBe('644')
    // Buffer.equals: jest's toEqual walks 4 MB byte by byte for a minute.
    expect(
      readFileSync(join(installDir, version, 'qemu-arm')).equals(readFileSync(qemuStatic('arm')))
    ).toBe(true)
    expect(result.activate).toEqual([`${SYSTEMD_BINFMT} ${confs.join(' ')}`])

    const start = performance.now()
    await ns.exec([SYSTEMD_BINFMT, ...confs])
    console.log(`systemd-binfmt with two files: ${Math.round(performance.now() - start)} ms`)

    expect(await uname('arm64')).toBe('aarch64')
    expect(await uname('armhf')).toBe('armv7l')
    const entries = await table.list()
    expect(entries.map(e => e.name)).toEqual(['other-s390x', 'qemu-aarch64', 'qemu-arm'])
    expect(entries[1]).toEqual({ ...result.entries[0], extension: undefined })
    expect(entries[2]).toMatchObject({
      interpreter: join(installDir, version, 'qemu-arm'),
      flags: 'POCF',
      enabled: true
    })

    // Run again, as at every boot: it replaces its own entries by name, and nothing else.
    await ns.exec([SYSTEMD_BINFMT, ...confs])
    expect((await table.list()).map(e => e.name)).toEqual([
      'other-s390x',
      'qemu-aarch64',
      'qemu-arm'
    ])
  })

  test('with the default folder, activation is a restart of systemd-binfmt', async () => {
    const result = await exportFiles({
      format: 'systemd',
      acquired: acquired(),
      flags: 'POCF',
      installDir,
      dryRun: true
    })
    expect(result.dir).toBe('/etc/binfmt.d')
    expect(result.activate).toEqual([
      'systemctl restart systemd-binfmt',
      `${SYSTEMD_BINFMT} /etc/binfmt.d/qemu-aarch64.conf /etc/binfmt.d/qemu-arm.conf`
    ])
  })
})

describe("binfmt-support's update-binfmts reads the exported files", () => {
  test('--import registers them in the namespace; busybox runs; the removal hint undoes it', async () => {
    const result = await exportTo('binfmt-support')
    expect(result.files.filter(f => f.kind === 'binfmt-support').map(f => f.path)).toEqual([
      join(dir, 'qemu-aarch64'),
      join(dir, 'qemu-arm')
    ])
    expect(result.activate).toEqual([
      `update-binfmts --importdir ${dir} --import qemu-aarch64`,
      `update-binfmts --importdir ${dir} --import qemu-arm`
    ])

    const ub = (...args: string[]) => ns.exec([UPDATE_BINFMTS, '--admindir', admin, ...args])
    const start = performance.now()
    for (const name of ['qemu-aarch64', 'qemu-arm']) {
      await ub('--importdir', dir, '--import', name)
    }
    console.log(`update-binfmts --import, twice: ${Math.round(performance.now() - start)} ms`)

    expect(await uname('arm64')).toBe('aarch64')
    expect(await uname('armhf')).toBe('armv7l')
    const table = await BinfmtTable.open({ root: ns.root })
    const entries = await table.list()
    expect(entries.map(e => e.name)).toEqual(['qemu-aarch64', 'qemu-arm'])
    // update-binfmts writes flags C P F; the kernel adds O for C: the same entry as ours.
    expect(entries[0]).toEqual({ ...result.entries[0], extension: undefined })
    expect(entries[1]).toEqual({ ...result.entries[1], extension: undefined })
    const display = (await ub('--display', 'qemu-arm')).stdout
    expect(display).toMatch(/^qemu-arm \(enabled\):$/m)
    expect(display).toMatch(/^ +package = setup-binfmt$/m)
    expect(display).toMatch(
      new RegExp(`^ +interpreter = ${join(installDir, version, 'qemu-arm')}$`, 'm')
    )

    // uninstall --exported deletes the files; its hints take the entries out of
    // binfmt-support's database and the kernel.
    const removed = await removeExported({ installDir, root: ns.root, log: memoryLog() })
    expect(removed.removed).toHaveLength(4)
    expect(await tree(tmp)).toEqual(['admin/qemu-aarch64', 'admin/qemu-arm'])
    expect(removed.deactivate).toEqual([
      `update-binfmts --package setup-binfmt --remove qemu-aarch64 ${join(installDir, version, 'qemu-aarch64')}`,
      `update-binfmts --package setup-binfmt --remove qemu-arm ${join(installDir, version, 'qemu-arm')}`
    ])
    for (const hint of removed.deactivate) {
      const [, ...args] = hint.split(' ')
      await ub(...args)
    }
    expect(await table.list()).toEqual([])
    expect(await readdir(admin)).toEqual([])
  })
})

describe("a format name binfmt-support's database holds for another package", () => {
  // Debian's qemu-user-static imports qemu-<target> formats; its record of qemu-aarch64 is
  // copied into the test's own database, so the host's database is never touched.
  const DEBIAN_RECORD = '/var/lib/binfmts/qemu-aarch64'

  test('is refused with the fix, as update-binfmts --import would register nothing; after the fix it loads', async () => {
    if (!existsSync(DEBIAN_RECORD)) {
      throw new Error(
        `${DEBIAN_RECORD} is missing: apt-get install qemu-user-static binfmt-support`
      )
    }
    const record = readFileSync(DEBIAN_RECORD, 'utf8')
    const [owner, , , , , debianInterpreter] = record.split('\n')
    expect(owner).toBe('qemu-user-static')
    await writeFile(join(admin, 'qemu-aarch64'), record)
    const ub = (...args: string[]) =>
      ns.exec([UPDATE_BINFMTS, '--admindir', admin, ...args], { allowFailure: true })
    const table = await BinfmtTable.open({ root: ns.root })

    // The fault: our file imported past the other package's record. update-binfmts warns,
    // exits 0 and registers nothing, now or at boot.
    const imports = join(tmp, 'imports')
    await mkdir(imports)
    await writeFile(
      join(imports, 'qemu-aarch64'),
      binfmtSupportTemplate(wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF'))
    )
    const skipped = await ub('--importdir', imports, '--import', 'qemu-aarch64')
    expect(skipped.code).toBe(0)
    expect(skipped.stderr).toMatch(/already installed by qemu-user-static/)
    expect(await table.list()).toEqual([])
    expect(readFileSync(join(admin, 'qemu-aarch64'), 'utf8')).toBe(record)
    await rm(imports, { recursive: true })

    // export refuses before writing anything and names the record, the package and the fix.
    const conflict =
      `binfmt-support's database ${admin}/qemu-aarch64 holds qemu-aarch64 for package qemu-user-static, ` +
      `so 'update-binfmts --import qemu-aarch64' would only warn and register nothing. ` +
      `Remove that format first (apt-get remove qemu-user-static, or update-binfmts --package ` +
      `qemu-user-static --remove qemu-aarch64 ${debianInterpreter}), or use --format systemd`
    await expect(exportTo('binfmt-support')).rejects.toThrow(conflict)
    expect(await tree(tmp)).toEqual(['admin/qemu-aarch64'])
    expect((await exportTo('binfmt-support', { dryRun: true })).conflicts).toEqual([conflict])

    // The fix the message names, in the test's database; then export and import work.
    const fixed = await ub(
      '--package',
      'qemu-user-static',
      '--remove',
      'qemu-aarch64',
      debianInterpreter
    )
    expect(fixed.code).toBe(0)
    const result = await exportTo('binfmt-support')
    expect(result.conflicts).toEqual([])
    await ub('--importdir', dir, '--import', 'qemu-aarch64')
    expect(await uname('arm64')).toBe('aarch64')
    expect((await table.list()).map(e => e.name)).toEqual(['qemu-aarch64'])
    expect(readFileSync(join(admin, 'qemu-aarch64'), 'utf8').split('\n')[0]).toBe('setup-binfmt')

    // An export of our own package again is no conflict.
    expect((await exportTo('binfmt-support')).conflicts).toEqual([])
  })
})

describe('dry run, re-export, conflicts, uninstall', () => {
  test('--dry-run returns the texts and writes nothing', async () => {
    const result = await exportTo('systemd', { dryRun: true })
    expect(result.dryRun).toBe(true)
    const conf = result.files.find(f => f.path === join(dir, 'qemu-arm.conf'))
    expect(conf?.text).toBe(systemdConf(result.entries[1], version))
    expect(result.files.find(f => f.kind === 'interpreter' && f.target === 'arm')?.source).toBe(
      qemuStatic('arm')
    )
    expect(await tree(tmp)).toEqual([])
    expect(await loadExportManifest(installDir)).toBeUndefined()
  })

  test('a second export changes nothing; a new version gets a new folder and replaces our files', async () => {
    await exportTo('systemd')
    const again = await exportTo('systemd')
    expect(again.files.map(f => f.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged'
    ])

    const next = await exportFiles({
      format: 'systemd',
      acquired: { ...acquired(), version: '99.1.0' },
      flags: 'F',
      installDir,
      dir
    })
    expect(next.files.map(f => f.action)).toEqual(['create', 'create', 'replace', 'replace'])
    expect(readFileSync(join(dir, 'qemu-aarch64.conf'), 'utf8')).toMatch(
      new RegExp(`^:qemu-aarch64:M:0:.*:${installDir}/99.1.0/qemu-aarch64:F$`, 'm')
    )
    // Both versions' interpreters are recorded; uninstall removes them all.
    const manifest = await loadExportManifest(installDir)
    expect(manifest?.files).toHaveLength(6)
    await removeExported({ installDir, root: ns.root })
    expect(await tree(tmp)).toEqual([])
    expect(existsSync(join(tmp, 'lib'))).toBe(false) // export created it, and it is empty
    expect(existsSync(dir)).toBe(false)
  })

  test('export refuses to replace a file it did not write, and writes nothing', async () => {
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'qemu-arm.conf'), ':qemu-arm:M::\\x7fELF::/usr/bin/other:F\n')
    await expect(exportTo('systemd')).rejects.toThrow(
      new RegExp(
        `export would replace files that are not its own:\\n  ${dir}/qemu-arm.conf exists and setup-binfmt did not write it`
      )
    )
    expect(await tree(tmp)).toEqual(['etc/qemu-arm.conf'])
    // A dry run reports the same conflict instead of failing.
    expect((await exportTo('systemd', { dryRun: true })).conflicts).toEqual([
      `${dir}/qemu-arm.conf exists and setup-binfmt did not write it`
    ])
  })

  test('uninstall --exported removes exactly what export wrote and left unchanged', async () => {
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'local.conf'), '# not ours\n')
    await exportTo('systemd')
    await writeFile(join(installDir, 'NOTES'), 'not ours either\n')
    await writeFile(join(dir, 'qemu-arm.conf'), '# edited by the admin\n')

    const log = memoryLog()
    const result = await removeExported({ installDir, root: ns.root, log })
    expect(result.removed).toEqual([
      join(dir, 'qemu-aarch64.conf'),
      join(installDir, version, 'qemu-aarch64'),
      join(installDir, version, 'qemu-arm')
    ])
    expect(result.kept).toEqual([join(dir, 'qemu-arm.conf')])
    expect(log.lines).toContain(
      `warning: ${join(dir, 'qemu-arm.conf')} changed after setup-binfmt wrote it: leaving it in place`
    )
    expect(await tree(tmp)).toEqual([
      'etc/local.conf',
      'etc/qemu-arm.conf',
      'lib/setup-binfmt/NOTES'
    ])
    // Nothing registered in this table: no kernel hints.
    expect(result.deactivate).toEqual([])

    const again = await removeExported({ installDir, log })
    expect(again.removed).toEqual([])
    expect(log.lines.at(-1)).toMatch(/Nothing to remove: .*exported.json does not exist/)
  })

  test('uninstall hints name the entries still registered from exported systemd files', async () => {
    const result = await exportTo('systemd')
    await ns.exec([SYSTEMD_BINFMT, join(dir, 'qemu-arm.conf')])
    const removed = await removeExported({ installDir, root: ns.root })
    expect(removed.deactivate).toEqual([`echo -1 > ${ns.root}/qemu-arm`])
    // F: the kernel opened the interpreter when it registered; armhf still runs until removal.
    expect(await uname('armhf')).toBe('armv7l')
    await ns.exec(['sh', '-c', `echo -1 > /proc/sys/fs/binfmt_misc/qemu-arm`])
    expect(await (await BinfmtTable.open({ root: ns.root })).list()).toEqual([])
    expect(result.entries).toHaveLength(2)
  })
})

describe('exportPlatforms (what the CLI runs)', () => {
  test('drops native platforms, gets the interpreters from the source, exports the rest', async () => {
    const options = parseOptions({ platforms: 'amd64,arm64,riscv64', source: 'system' })
    const log = memoryLog()
    const result = await exportPlatforms(
      options,
      { format: 'binfmt-support', dir, installDir, adminDir: admin },
      { log, native: new Set(['x86_64', 'i386']) }
    )
    expect(result.plan.targets).toEqual(['aarch64', 'riscv64'])
    expect(result.acquired?.source).toBe('system')
    expect(result.entries.map(e => [e.name, e.interpreter])).toEqual([
      ['qemu-aarch64', join(installDir, version, 'qemu-aarch64')],
      ['qemu-riscv64', join(installDir, version, 'qemu-riscv64')]
    ])
    expect(await tree(dir)).toEqual(['qemu-aarch64', 'qemu-riscv64'])
    expect(log.lines.join('\n')).toMatch(/x86_64 runs natively on this host/)
  })
})
