// The registry against the real kernel, in a private binfmt_misc instance.

import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BinfmtTable,
  canonicalFlags,
  parseEntry,
  registerLine,
  type Entry
} from '../../src/binfmt/table.js'
import { sameEntry } from '../../src/binfmt/held.js'
import { memoryLog } from '../../src/util/log.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'

let ns: PrivateNamespace
let table: BinfmtTable

beforeAll(async () => {
  ns = await PrivateNamespace.start()
  table = await BinfmtTable.open({ root: ns.root, log: memoryLog(), start: ns.starter })
})
afterAll(async () => ns?.stop())
afterEach(async () => {
  for (const e of await table.list()) await table.remove(e.name)
})

const aarch64 = (flags = 'POCF'): Entry => wantedEntry('aarch64', qemuStatic('aarch64'), flags)

describe('parse and format', () => {
  test('parseEntry reads what the kernel prints', () => {
    const text =
      'enabled\ninterpreter /usr/bin/qemu-aarch64-static\nflags: POCF\noffset 0\n' +
      'magic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n'
    expect(parseEntry('qemu-aarch64', text)).toEqual({
      name: 'qemu-aarch64',
      enabled: true,
      interpreter: '/usr/bin/qemu-aarch64-static',
      flags: 'POCF',
      offset: 0,
      magic: '7f454c460201010000000000000000000200b700',
      mask: 'ffffffffffffff00fffffffffffffffffeffffff',
      extension: undefined
    })
    expect(
      parseEntry('x', 'disabled\ninterpreter /bin/x\nflags: \nextension .xyz\n')
    ).toMatchObject({
      enabled: false,
      flags: '',
      extension: 'xyz'
    })
  })

  test.each([
    ['FCOP', 'POCF'],
    ['cf', 'OCF'],
    ['F', 'F'],
    ['', '']
  ])('canonicalFlags(%j) = %j', (input, output) => expect(canonicalFlags(input)).toBe(output))

  test('registerLine escapes every magic byte', () => {
    expect(registerLine(aarch64())).toBe(
      ':qemu-aarch64:M:0:\\x7f\\x45\\x4c\\x46\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:' +
        '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:POCF'
    )
  })

  test.each([
    [{ name: 'bad/name' }, /cannot name a binfmt_misc entry/],
    [{ name: 'status' }, /cannot name a binfmt_misc entry/],
    [{ name: 'a:b' }, /cannot name a binfmt_misc entry/],
    [{ interpreter: 'relative/qemu' }, /must be absolute/],
    [{ interpreter: '/opt/a:b/qemu' }, /no ':' or newline/],
    [{ interpreter: `/${'x'.repeat(1900)}` }, /is \d+ bytes; the kernel takes at most 1920/]
  ])('registerLine refuses %j', (change, message) => {
    expect(() => registerLine({ ...aarch64(), ...change })).toThrow(message)
  })
})

describe('the kernel table', () => {
  test('register, read back, run a foreign program, remove', async () => {
    await table.register(aarch64())
    expect(await table.list()).toEqual([{ ...aarch64(), extension: undefined }])
    const out = await ns.exec([busybox('arm64'), 'uname', '-m'])
    expect(out.stdout.trim()).toBe('aarch64')
    await table.remove('qemu-aarch64')
    expect(await table.list()).toEqual([])
    const gone = await ns.exec([busybox('arm64'), 'true'], { allowFailure: true })
    expect(gone.code).not.toBe(0)
  })

  test('a disabled entry is registered disabled and does not run programs', async () => {
    await table.register({ ...aarch64(), enabled: false })
    expect((await table.get('qemu-aarch64'))?.enabled).toBe(false)
    expect((await ns.exec([busybox('arm64'), 'true'], { allowFailure: true })).code).not.toBe(0)
    await table.setEnabled('qemu-aarch64', true)
    expect((await ns.exec([busybox('arm64'), 'true'])).code).toBe(0)
  })

  test('EEXIST becomes a message naming the entry', async () => {
    await table.register(aarch64())
    await expect(table.register(aarch64('F'))).rejects.toMatchObject({
      code: 'EEXIST',
      message: "binfmt_misc already has an entry named 'qemu-aarch64'"
    })
  })

  test('ENOENT with F names the missing interpreter', async () => {
    await expect(
      table.register({ ...aarch64(), interpreter: '/nonexistent/qemu-aarch64' })
    ).rejects.toMatchObject({
      code: 'ENOENT',
      message: expect.stringMatching(
        /interpreter \/nonexistent\/qemu-aarch64 does not exist \(with the F flag/
      )
    })
  })

  test('EINVAL explains what the kernel checks', async () => {
    await expect(table.register({ ...aarch64(), mask: 'ff' })).rejects.toMatchObject({
      code: 'EINVAL',
      message: expect.stringMatching(
        /rejected the registration of 'qemu-aarch64' as invalid: flags must be among P, O, C, F/
      )
    })
  })

  test('removing an entry that does not exist says so', async () => {
    await expect(table.remove('qemu-nothing')).rejects.toMatchObject({
      code: 'ENOENT',
      message: "binfmt_misc has no entry named 'qemu-nothing'"
    })
  })
})

describe('sameEntry', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'binfmt-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('the same interpreter bytes at another path count as the same', async () => {
    const copy = join(dir, 'qemu-aarch64')
    copyFileSync(qemuStatic('aarch64'), copy)
    // With F, the bytes the kernel holds; without, those at the path.
    await table.register(aarch64())
    expect(await sameEntry(aarch64(), { ...aarch64(), interpreter: copy }, table)).toBe(true)
    const noF = aarch64('P')
    expect(await sameEntry(noF, { ...noF, interpreter: copy }, table)).toBe(true)
  })

  test.each([
    ['other flags', { flags: 'F' }],
    ['disabled', { enabled: false }],
    ['other magic', { magic: wantedEntry('arm', '/x', '').magic }],
    ['other interpreter bytes', { interpreter: '/usr/bin/qemu-arm-static' }],
    ['a missing interpreter', { interpreter: '/nonexistent' }]
  ])('%s differ', async (_, change) => {
    expect(await sameEntry({ ...aarch64(), ...change }, aarch64(), table)).toBe(false)
  })
})
