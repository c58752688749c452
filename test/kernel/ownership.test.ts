// Who owns an entry, and for how long: runs of different users on one host, an entry that was
// there before a run, the CLI in a `run:` step, and uninstall racing an install on one state
// file. The built CLI and action in private binfmt_misc namespaces; a copy of bash named
// Runner.Worker stands in for the runner's worker process, whose life is the job's.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { fileStore } from '../../src/binfmt/journal.js'
import { HOST_DIR, startTime, withLock, type OwnerRecord } from '../../src/binfmt/lock.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { distEntry, inputs, readStep, stepEnv, CLI } from '../helpers/runner.js'
import { asUser, createUser, removeUser } from '../helpers/users.js'

const ARM64 = ['--platforms', 'arm64', '--source', 'system', '--verify', 'none']

let ns: PrivateNamespace
let dir: string
let worker: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'owners-'))
  worker = join(dir, 'Runner.Worker')
  copyFileSync('/bin/bash', worker)
})
afterEach(async () => {
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const names = async () => (await BinfmtTable.read(ns.root)).map(e => e.name)
const owners = (lockDir: string) =>
  JSON.parse(readFileSync(join(lockDir, 'owners.json'), 'utf8')) as Record<string, OwnerRecord>

test('a root runner and a sudo user on one host share one lock and one owners record', async () => {
  ns = await PrivateNamespace.start({ users: true })
  const name = `sbu${String(process.pid).slice(-5)}`
  const instance = join(HOST_DIR, `binfmt_misc-${statSync(ns.root).dev}`)
  // A fresh instance: anything recorded under its device number was a destroyed one's.
  rmSync(instance, { recursive: true, force: true })
  try {
    const user = await createUser(name, { sudo: true })
    const asRoot = (...args: string[]) =>
      ns.exec([process.execPath, CLI, ...args, '--state', join(dir, 'root.json')], {
        env: { PATH: process.env.PATH, HOME: dir },
        allowFailure: true
      })
    const asSudoUser = (...args: string[]) =>
      ns.exec(asUser(user, [process.execPath, CLI, ...args]), {
        env: { PATH: process.env.PATH, HOME: user.home },
        cwd: user.home,
        allowFailure: true
      })
    expect((await asRoot('install', ...ARM64, '--platforms', 'arm64,arm')).code).toBe(0)
    const second = await asSudoUser('install', ...ARM64)
    expect([second.code, second.stderr]).toEqual([
      0,
      expect.stringMatching(/qemu-aarch64: an identical entry is already registered .*reusing it/)
    ])
    // One record, root's, with both runs in it.
    const record = owners(instance)
    expect(Object.keys(record['qemu-aarch64'].owners)).toHaveLength(2)
    expect(Object.keys(record['qemu-arm'].owners)).toHaveLength(1)

    // Root's run ends first: the entry the user's run still uses stays.
    expect((await asRoot('uninstall')).code).toBe(0)
    expect(await names()).toEqual(['qemu-aarch64'])
    expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout).toBe('aarch64\n')
    // The last one out removes it.
    expect((await asSudoUser('uninstall')).code).toBe(0)
    expect(await names()).toEqual([])
    expect(owners(instance)).toEqual({})
  } finally {
    rmSync(instance, { recursive: true, force: true })
    await removeUser(name)
  }
})

describe('in a private namespace', () => {
  beforeEach(async () => {
    ns = await PrivateNamespace.start()
  })

  /** One action step, run by a worker process that lives only as long as the step. */
  async function step(entry: 'main' | 'post', env: Record<string, string>) {
    const { files, env: full } = stepEnv(dir, entry, env)
    const argv = [worker, '-c', '"$@"; true', 'worker', process.execPath, distEntry(entry)]
    const result = await ns.exec(argv, { env: full, allowFailure: true })
    return { ...result, ...readStep(files) }
  }

  test('an entry left by a job with cleanup: false is reused by the next job, which never removes it', async () => {
    const first = await step(
      'main',
      inputs({ platforms: 'arm64', source: 'system', cleanup: 'false' })
    )
    expect(first.code).toBe(0)
    const firstPost = await step('post', { STATE_binfmt: first.state.binfmt })
    expect(firstPost.stdout).toMatch(/cleanup is false: leaving qemu-aarch64 as it is/)
    const left = await BinfmtTable.read(ns.root)
    expect(left.map(e => e.name)).toEqual(['qemu-aarch64'])

    // The first job is over (its worker is gone); the next one finds the entry in the table.
    const next = await step('main', inputs({ platforms: 'arm64', source: 'system' }))
    expect(next.code).toBe(0)
    expect(next.stdout).toMatch(
      /qemu-aarch64: an identical entry is already registered .*reusing it/
    )
    const post = await step('post', { STATE_binfmt: next.state.binfmt })
    expect(post.code).toBe(0)
    expect(post.stdout).not.toMatch(/removed qemu-aarch64/)
    expect(post.stdout).toMatch(/binfmt_misc is as it was before the run \(1 entries\)/)
    expect(await BinfmtTable.read(ns.root)).toEqual(left)
  })

  test("the CLI in a run: step owns its entry for as long as the job's worker lives, not its step's shell", async () => {
    const lockDir = join(dir, 'lock')
    const env = { ...process.env, SETUP_BINFMT_LOCK_DIR: lockDir }
    // Worker -> the step's shell -> setup-binfmt install; the shell ends, the worker stays.
    const script = `sh -c '"$@"; true' sh "$@"; echo step-done; sleep 300; true`
    const job = spawn(
      'nsenter',
      [
        '-t',
        String(ns.pid),
        '-U',
        '-m',
        '--',
        worker,
        '-c',
        script,
        'worker',
        process.execPath,
        CLI,
        'install',
        ...ARM64,
        '--state',
        join(dir, 'a.json')
      ],
      {
        env: { ...env, GITHUB_ACTIONS: 'true' },
        detached: true,
        stdio: ['ignore', 'pipe', 'ignore']
      }
    )
    try {
      await new Promise<void>((done, fail) => {
        job.stdout.on('data', (b: Buffer) => b.toString().includes('step-done') && done())
        job.once('exit', code => fail(new Error(`the job ended early (${code})`)))
      })
      expect(Object.values(owners(lockDir)['qemu-aarch64'].owners)).toEqual([
        {
          since: expect.any(Number),
          pid: job.pid,
          start: startTime(job.pid!),
          pidns: expect.stringMatching(/^pid:\[\d+\]$/)
        }
      ])

      // Another job installs and uninstalls the same platform while the first one runs.
      const other = (...args: string[]) =>
        ns.exec([process.execPath, CLI, ...args, '--state', join(dir, 'b.json')], {
          env,
          allowFailure: true
        })
      expect((await other('install', ...ARM64)).code).toBe(0)
      expect((await other('uninstall')).code).toBe(0)
      expect(await names()).toEqual(['qemu-aarch64'])
      expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout).toBe('aarch64\n')
    } finally {
      process.kill(-job.pid!, 'SIGKILL')
    }
    const last = await ns.exec(
      [process.execPath, CLI, 'uninstall', '--state', join(dir, 'a.json')],
      {
        env,
        allowFailure: true
      }
    )
    expect([last.code, await names()]).toEqual([0, []])
  })

  test("a dead run's owner whose pid another process now has keeps nothing; the same process does", async () => {
    const lockDir = join(dir, 'lock')
    const env = { ...process.env, SETUP_BINFMT_LOCK_DIR: lockDir }
    const cli = (...args: string[]) =>
      ns.exec([process.execPath, CLI, ...args, '--state', join(dir, 'a.json')], {
        env,
        allowFailure: true
      })
    // The namespace's sleep stands in for a worker: alive, with a known start time.
    const claim = async (start: number) => {
      expect((await cli('install', ...ARM64)).code).toBe(0)
      const record = owners(lockDir)
      record['qemu-aarch64'].owners.other = { since: Date.now(), pid: ns.pid, start }
      writeFileSync(join(lockDir, 'owners.json'), JSON.stringify(record))
      return cli('uninstall')
    }
    const same = await claim(startTime(ns.pid)!)
    expect(same.stderr).toMatch(
      new RegExp(`kept qemu-aarch64: still used by run other \\(pid ${ns.pid}, since `)
    )
    expect(await names()).toEqual(['qemu-aarch64'])
    await (await BinfmtTable.open({ root: ns.root })).remove('qemu-aarch64')
    rmSync(join(lockDir, 'owners.json'))

    // The pid is alive, but it started at another time: another process got the dead run's pid.
    const reused = await claim(startTime(ns.pid)! - 1)
    expect([reused.code, reused.stderr]).toEqual([0, expect.stringMatching(/removed qemu-aarch64/)])
    expect(await names()).toEqual([])
    expect(owners(lockDir)).toEqual({})
  })

  test('a crashed run recorded as an owner keeps the entry; uninstall --forget-owners forgets it and removes the entry', async () => {
    const lockDir = join(dir, 'lock')
    const env = { ...process.env, SETUP_BINFMT_LOCK_DIR: lockDir }
    const cli = (...args: string[]) =>
      ns.exec([process.execPath, CLI, ...args], { env, allowFailure: true })
    const a = ['--state', join(dir, 'a.json')]
    const b = ['--state', join(dir, 'b.json')]
    expect((await cli('install', ...ARM64, ...a)).code).toBe(0)
    // A run that crashed before its cleanup, outside a runner: no worker pid, so only its
    // age would end its claim, a day from now.
    const since = Date.now()
    const record = owners(lockDir)
    record['qemu-aarch64'].owners.crashed = { since }
    writeFileSync(join(lockDir, 'owners.json'), JSON.stringify(record))
    const who = `run crashed (since ${new Date(since).toISOString()})`

    const kept = await cli('uninstall', ...a)
    expect([kept.code, kept.stderr]).toEqual([
      0,
      expect.stringContaining(`kept qemu-aarch64: still used by ${who}`)
    ])
    expect(await names()).toEqual(['qemu-aarch64'])

    // The next install shares the entry with the crashed run and would keep it too.
    const next = await cli('install', ...ARM64, ...b)
    expect(next.stderr).toContain(`reusing it, shared with ${who}`)
    const forgot = await cli('uninstall', '--forget-owners', ...b)
    expect([forgot.code, forgot.stderr]).toEqual([
      0,
      expect.stringContaining(`--forget-owners: forgot qemu-aarch64's owners ${who}`)
    ])
    expect(forgot.stderr).toMatch(/removed qemu-aarch64 \(the last run using it\)/)
    expect(await names()).toEqual([])
    expect(owners(lockDir)).toEqual({})
  })

  test('uninstall waiting for the lock while an install adds to the same state file undoes that too', async () => {
    const lockDir = join(dir, 'lock')
    const state = join(dir, 'state', 'state.json')
    const env = { ...process.env, SETUP_BINFMT_LOCK_DIR: lockDir }
    const cli = ['nsenter', '-t', String(ns.pid), '-U', '-m', '--', process.execPath, CLI]
    const install = await ns.exec([process.execPath, CLI, 'install', ...ARM64, '--state', state], {
      env
    })
    expect(install.code).toBe(0)

    // Hold the lock as an install does; uninstall starts and waits for it.
    let uninstall: Promise<{ code: number | null; stderr: string }> | undefined
    await withLock({ dir: lockDir, sudo: false }, async () => {
      const child = spawn(cli[0], [...cli.slice(1), 'uninstall', '--state', state], {
        env,
        stdio: ['ignore', 'ignore', 'pipe']
      })
      let stderr = ''
      uninstall = new Promise(done => child.once('close', code => done({ code, stderr })))
      await new Promise<void>(waiting =>
        child.stderr.on('data', (b: Buffer) => {
          stderr += b.toString()
          if (stderr.includes('waiting for another setup-binfmt')) waiting()
        })
      )
      // Meanwhile the install holding the lock registers riscv64 and records it, as it does.
      const riscv = wantedEntry('riscv64', qemuStatic('riscv64'), 'POCF')
      const store = fileStore(state)
      const saved = store.load()!
      store.save({ ...saved, created: [...saved.created, riscv] })
      await (await BinfmtTable.open({ root: ns.root })).register(riscv)
      expect(await names()).toEqual(['qemu-aarch64', 'qemu-riscv64'])
    })
    const done = await uninstall!
    expect([done.code, done.stderr]).toEqual([
      0,
      expect.stringMatching(/binfmt_misc is as it was before the run \(0 entries\)/)
    ])
    expect(await names()).toEqual([])
    expect(fileStore(state).load()).toBeUndefined()
  })
})
