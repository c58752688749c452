// A shared host with other local users: what they can plant in shared folders, links, and
// state files that were not ours. Each attack is tried for real against the built CLI in a
// private binfmt_misc namespace; the table, the planted files and the victim's files must be
// as they were.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import {
  chmodSync,
  chownSync,
  existsSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable, chooseWriter, sudoWriter } from '../../src/binfmt/table.js'
import { HOST_DIR } from '../../src/binfmt/lock.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import type { RunState } from '../../src/binfmt/journal.js'
import { qemuStatic } from '../helpers/fixtures.js'
import { BINFMT, PrivateNamespace } from '../helpers/namespace.js'
import { asUser, createUser, removeUser, type TestUser } from '../helpers/users.js'
import { CLI } from '../helpers/runner.js'

const names = async (ns: PrivateNamespace) => (await BinfmtTable.read(ns.root)).map(e => e.name)

/** An entry an attacker wants root to register: its own interpreter, with credentials (C). */
const evil = { ...wantedEntry('aarch64', '/tmp/setup-binfmt/evil', 'OCF'), name: 'qemu-evil' }

const stateWith = (change: Partial<RunState> & Record<string, unknown>): string =>
  JSON.stringify({
    version: 1,
    root: BINFMT,
    cleanup: true,
    snapshot: [],
    created: [],
    removed: [],
    adopted: [],
    ...change
  })

/** Every file under `dir` (links as links) with its owner, mode and content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name)
    const st = lstatSync(path)
    const body = st.isSymbolicLink()
      ? `-> ${readlinkSync(path)}`
      : st.isFile()
        ? readFileSync(path, 'utf8')
        : 'dir'
    out[name] = `${st.uid} ${(st.mode & 0o7777).toString(8)} ${body}`
  }
  return out
}

describe('another local user plants the names a sudo user without XDG_RUNTIME_DIR used in /tmp', () => {
  const tag = String(process.pid).slice(-5)
  let victim: TestUser
  let attacker: TestUser
  let ns: PrivateNamespace
  let instanceDir: string
  const planted = '/tmp/setup-binfmt'
  let plantedLock: string

  beforeAll(async () => {
    ns = await PrivateNamespace.start({ users: true })
    victim = await createUser(`sbv${tag}`, { sudo: true })
    attacker = await createUser(`sba${tag}`)
    plantedLock = `/tmp/setup-binfmt-${victim.uid}`
    instanceDir = join(HOST_DIR, `binfmt_misc-${statSync(ns.root).dev}`)
    // A fresh instance: anything recorded under its device number was a destroyed one's.
    rmSync(instanceDir, { recursive: true, force: true })
  })
  afterAll(async () => {
    await ns?.stop()
    for (const dir of [planted, plantedLock, instanceDir]) {
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
    await removeUser(`sbv${tag}`)
    await removeUser(`sba${tag}`)
  })

  test('state, temp-file link and lock planted there are never used; the table and every file stay as they were', async () => {
    // Nothing of ours may be there already: the test would then not show what it claims.
    expect([existsSync(planted), existsSync(plantedLock)]).toEqual([false, false])
    const precious = join(victim.home, 'precious')
    writeFileSync(precious, 'the victim wrote this\n')
    chownSync(precious, victim.uid, victim.gid)
    // The old fixed state path, with an entry for uninstall to "put back"; a link where the
    // old code wrote its temporary file; a lock held by pid 1, which never exits.
    mkdirSync(planted, { mode: 0o755 })
    writeFileSync(join(planted, 'state.json'), stateWith({ removed: [evil] }))
    symlinkSync(precious, join(planted, 'state.json.tmp'))
    writeFileSync(join(planted, 'evil'), '#!/bin/sh\nid > /tmp/setup-binfmt/pwned\n', {
      mode: 0o755
    })
    mkdirSync(plantedLock, { mode: 0o755 })
    writeFileSync(join(plantedLock, 'lock'), '1')
    for (const dir of [planted, plantedLock]) {
      for (const name of ['', ...readdirSync(dir)]) {
        lchownSync(join(dir, name), attacker.uid, attacker.gid)
      }
    }
    const before = { planted: tree(planted), lock: tree(plantedLock) }

    const cli = (...args: string[]) =>
      ns.exec(asUser(victim, [process.execPath, CLI, ...args]), {
        env: { PATH: process.env.PATH, HOME: victim.home },
        cwd: victim.home,
        allowFailure: true,
        timeoutMs: 60_000
      })
    const install = await cli(
      'install',
      '--platforms',
      'arm64',
      '--source',
      'system',
      '--verify',
      'none'
    )
    expect([install.code, install.stderr]).toEqual([0, expect.stringMatching(/== Register/)])
    expect(install.stdout).toMatch(/^emulators=qemu-aarch64$/m)
    expect(install.stderr).not.toMatch(/waiting/)
    expect(await names(ns)).toEqual(['qemu-aarch64'])

    // The state went to the victim's own folder, the lock to root's.
    const own = join(victim.home, '.local/state/setup-binfmt')
    expect([statSync(own).uid, (statSync(own).mode & 0o777).toString(8)]).toEqual([
      victim.uid,
      '700'
    ])
    const state = join(own, 'state.json')
    expect([statSync(state).uid, (statSync(state).mode & 0o777).toString(8)]).toEqual([
      victim.uid,
      '600'
    ])
    expect([statSync(instanceDir).uid, (statSync(instanceDir).mode & 0o777).toString(8)]).toEqual([
      0,
      '700'
    ])

    const uninstall = await cli('uninstall')
    expect([uninstall.code, uninstall.stderr]).toEqual([
      0,
      expect.stringMatching(/binfmt_misc is as it was before the run \(0 entries\)/)
    ])
    expect(await names(ns)).toEqual([])
    expect(existsSync(state)).toBe(false)
    expect({ planted: tree(planted), lock: tree(plantedLock) }).toEqual(before)
    expect(readFileSync(precious, 'utf8')).toBe('the victim wrote this\n')
  }, 90_000)
})

describe('state the CLI did not write itself', () => {
  let ns: PrivateNamespace
  let dir: string
  beforeEach(async () => {
    ns = await PrivateNamespace.start()
    dir = mkdtempSync(join(tmpdir(), 'state-trust-'))
  })
  afterEach(async () => {
    await ns?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const cli = (state: string, ...args: string[]) =>
    ns.exec([process.execPath, CLI, ...args, '--state', state], {
      env: { ...process.env, SETUP_BINFMT_LOCK_DIR: join(dir, 'lock') },
      allowFailure: true
    })
  const install = ['install', '--platforms', 'arm64', '--source', 'system', '--verify', 'none']

  /** Each a way a state file could be another user's to write, and what is said about it. */
  const places: Array<[string, (state: string) => void, RegExp]> = [
    [
      'a folder anyone can write',
      state => chmodSync(join(state, '..'), 0o777),
      /Refusing to use .*\/shared for setup-binfmt state: it is writable by other users \(mode 0777\), so another local user could change what setup-binfmt does as root\. Use a folder that only root or this user \(uid 0\) can write, and remove or fix .*\/shared/
    ],
    [
      "another user's folder",
      state => chownSync(join(state, '..'), 65534, 65534),
      /Refusing to use .*\/shared for setup-binfmt state: it belongs to uid 65534, not to root or uid 0/
    ],
    [
      'a state file that is a link',
      state => {
        writeFileSync(join(dir, 'elsewhere.json'), stateWith({ removed: [evil] }))
        symlinkSync(join(dir, 'elsewhere.json'), state)
      },
      /Refusing to use .*\/shared\/state\.json for setup-binfmt state: it is a symbolic link/
    ],
    [
      'a state file anyone can write',
      state => {
        writeFileSync(state, stateWith({ removed: [evil] }))
        chmodSync(state, 0o666)
      },
      /Refusing to use .*\/shared\/state\.json for setup-binfmt state: it is writable by other users \(mode 0666\)/
    ]
  ]

  test.each(places)(
    'in %s: install and uninstall refuse it, say why, change nothing',
    async (_, make, message) => {
      const shared = join(dir, 'shared')
      mkdirSync(shared, { mode: 0o700 })
      const state = join(shared, 'state.json')
      make(state)
      for (const args of [install, ['uninstall']]) {
        const result = await cli(state, ...args)
        expect([result.code, result.stderr]).toEqual([1, expect.stringMatching(message)])
      }
      expect(await names(ns)).toEqual([])
    }
  )

  const bad: Array<[string, Partial<RunState> & Record<string, unknown>, RegExp]> = [
    [
      'a plain folder as its binfmt_misc root (uninstall would mount binfmt_misc over it)',
      { root: '/tmp' },
      /names "\/tmp" as its binfmt_misc folder, which is not a binfmt_misc mount; expected \/proc\/sys\/fs\/binfmt_misc or another binfmt_misc mount/
    ],
    [
      'a root reached through a link',
      { root: '/proc/self/root/proc/sys/fs/binfmt_misc' },
      /which goes through a symbolic link/
    ],
    [
      'an entry name that leaves binfmt_misc',
      { created: [{ ...evil, name: '../../../etc/passwd' }] },
      /an entry in 'created' has the name "\.\.\/\.\.\/\.\.\/etc\/passwd"/
    ],
    [
      'a relative interpreter',
      { removed: [{ ...evil, interpreter: 'tmp/evil' }] },
      /an entry in 'removed' has the interpreter "tmp\/evil" \(not an absolute, normalised path\)/
    ],
    [
      'an interpreter path with ..',
      { removed: [{ ...evil, interpreter: '/usr/bin/../../tmp/evil' }] },
      /the interpreter "\/usr\/bin\/\.\.\/\.\.\/tmp\/evil"/
    ],
    [
      'unknown flags',
      { removed: [{ ...evil, flags: 'OCX' }] },
      /an entry in 'removed' has the flags "OCX" \(P, O, C, F in that order\)/
    ]
  ]

  test.each(bad)(
    'naming %s: refused before anything is done with it',
    async (_, change, message) => {
      const own = join(dir, 'own')
      mkdirSync(own, { mode: 0o700 })
      const state = join(own, 'state.json')
      writeFileSync(state, stateWith(change), { mode: 0o600 })
      const before = readFileSync(state, 'utf8')
      const mounts = async () => (await ns.exec(['cat', '/proc/self/mounts'])).stdout
      const mountsBefore = await mounts()
      for (const args of [['uninstall'], install]) {
        const result = await cli(state, ...args)
        expect([result.code, result.stderr]).toEqual([1, expect.stringMatching(message)])
      }
      expect(await names(ns)).toEqual([])
      expect(readFileSync(state, 'utf8')).toBe(before)
      // Nothing was mounted anywhere in the namespace.
      expect(await mounts()).toBe(mountsBefore)
    }
  )
})

describe('writes into binfmt_misc', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nofollow-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test.each([
    ['through sudo', () => sudoWriter()],
    ['as root', () => chooseWriter()]
  ])('%s never follow a link: the file it points to stays as it was', async (_, writer) => {
    const target = join(dir, 'root-owned')
    writeFileSync(target, 'keep\n')
    const link = join(dir, 'qemu-aarch64')
    symlinkSync(target, link)
    await expect((await writer()).write(link, '-1')).rejects.toThrow(
      /Too many levels of symbolic links|ELOOP/
    )
    expect(readFileSync(target, 'utf8')).toBe('keep\n')
  })

  test('and never create a file', async () => {
    await expect(
      sudoWriter().write(join(dir, 'register'), ':x:M::\\x7f::/bin/true:')
    ).rejects.toThrow(/No such file/)
    expect(readdirSync(dir)).toEqual([])
    // The table itself is still written through sudo as before.
    const ns = await PrivateNamespace.start()
    try {
      const table = new BinfmtTable(ns.root, sudoWriter())
      await table.register(wantedEntry('aarch64', qemuStatic('aarch64'), 'F'))
      expect(await names(ns)).toEqual(['qemu-aarch64'])
      await table.remove('qemu-aarch64')
      expect(await names(ns)).toEqual([])
    } finally {
      await ns.stop()
    }
  })
})
