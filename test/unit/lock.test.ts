// The host-wide lock and the owners record, with real processes and files.

import { expect, test } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryLog } from '../../src/util/log.js'
import {
  describeOwners,
  isLive,
  ownerHere,
  Owners,
  startTime,
  withLock,
  type LockDir,
  type OwnerRecord
} from '../../src/binfmt/lock.js'
import { wantedEntry } from '../../src/binfmt/register.js'

const entry = wantedEntry('aarch64', '/usr/bin/qemu-aarch64-static', 'POCF')

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync('true').pid!
}

const place = (): LockDir => ({ dir: mkdtempSync(join(tmpdir(), 'lock-')), sudo: false })

test('withLock runs one holder at a time', async () => {
  const lock = place()
  const events: string[] = []
  const hold = (name: string) =>
    withLock(lock, async () => {
      events.push(`${name} in`)
      await new Promise(r => setTimeout(r, 30))
      events.push(`${name} out`)
    })
  await Promise.all([hold('a'), hold('b'), hold('c')])
  expect(events).toHaveLength(6)
  for (let i = 0; i < events.length; i += 2) {
    expect(events[i].replace(' in', '')).toBe(events[i + 1].replace(' out', ''))
  }
  rmSync(lock.dir, { recursive: true })
})

test('an empty lock file (a holder killed between create and write) delays nobody', async () => {
  const lock = place()
  writeFileSync(join(lock.dir, 'lock'), '')
  const log = memoryLog()
  // Under the old rule every run waited out the timeout on such a file; 2 s is far below it.
  expect(await withLock(lock, async () => 'ran', log, 2000)).toBe('ran')
  expect(log.lines.join('\n')).not.toMatch(/waiting/)
  expect(readFileSync(join(lock.dir, 'lock'), 'utf8')).toBe('')
  rmSync(lock.dir, { recursive: true })
})

/**
 * Another setup-binfmt holding the lock: a node process that holds it as withLock does (flock
 * keeps it while cat reads the node's pipe), says so, and sleeps until it is killed.
 */
function holder(lock: LockDir) {
  const script = `
    const { spawn } = require('node:child_process')
    const h = spawn('flock', ['--exclusive', ${JSON.stringify(join(lock.dir, 'lock'))}, 'cat'], { stdio: ['pipe', 'pipe', 'inherit'] })
    h.stdout.once('data', () => process.stdout.write('held\\n'))
    h.stdin.write('\\n')
    setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const held = new Promise<void>(r => child.stdout.once('data', () => r()))
  const exited = new Promise(r => child.once('exit', r))
  return { child, held, exited }
}

test('a holder killed with SIGKILL: of the waiters that saw it die, exactly one holds the lock at a time', async () => {
  const lock = place()
  const first = holder(lock)
  await first.held
  const trace = join(lock.dir, 'trace')
  writeFileSync(trace, '')
  // Eight waiters, each appending in/out around its hold; they all wait on the dead holder.
  const waiters = Array.from({ length: 8 }, (_, i) =>
    withLock(lock, async () => {
      appendFileSync(trace, `in ${i}\n`)
      await new Promise(r => setTimeout(r, 20))
      appendFileSync(trace, `out ${i}\n`)
    })
  )
  await new Promise(r => setTimeout(r, 300))
  expect(readFileSync(trace, 'utf8')).toBe('') // still held by the sleeping holder
  first.child.kill('SIGKILL')
  await first.exited
  await Promise.all(waiters)
  const lines = readFileSync(trace, 'utf8').trim().split('\n')
  expect(lines).toHaveLength(16)
  for (let i = 0; i < lines.length; i += 2) {
    expect([lines[i].split(' ')[0], lines[i + 1]]).toEqual(['in', `out ${lines[i].split(' ')[1]}`])
  }
  rmSync(lock.dir, { recursive: true })
}, 30_000)

test('a lock held by a live process times out naming it, with the fix', async () => {
  const lock = place()
  const other = holder(lock)
  await other.held
  try {
    await expect(withLock(lock, async () => 'never', memoryLog(), 300)).rejects.toThrow(
      /^Another setup-binfmt \(pid \d+\) has held .*\/lock for over 0.3 s: wait for it to finish, or end it if it hangs$/
    )
  } finally {
    other.child.kill('SIGKILL')
    await other.exited
  }
  rmSync(lock.dir, { recursive: true })
})

test('owners: other live runs count; a run whose worker is gone does not', async () => {
  const lock = place()
  const owners = await Owners.read(lock)
  owners.use(entry, 'job-a', process.pid)
  owners.use(entry, 'job-b', deadPid())
  owners.use(entry, 'job-c')
  await owners.save()
  const again = await Owners.read(lock)
  const ids = (list: { id: string }[]) => list.map(o => o.id)
  expect(again.others(entry, 'job-c')).toEqual([
    { id: 'job-a', pid: process.pid, since: expect.any(Number) }
  ])
  expect(ids(again.others(entry, 'job-a'))).toEqual(['job-c'])
  // Another definition under the same name is not ours to share.
  expect(again.others({ ...entry, flags: 'F' }, 'job-c')).toEqual([])
  again.release(entry, 'job-a')
  again.release(entry, 'job-b')
  again.release(entry, 'job-c')
  await again.save()
  expect(JSON.parse(readFileSync(join(lock.dir, 'owners.json'), 'utf8'))).toEqual({})
  rmSync(lock.dir, { recursive: true })
})

/** A sleeping process, named `name`, that the test ends. */
async function sleeper(name = 'sleep') {
  const dir = mkdtempSync(join(tmpdir(), 'sleeper-'))
  const program = join(dir, name)
  copyFileSync('/bin/sleep', program)
  const child = spawn(program, ['300'], { stdio: 'ignore' })
  await new Promise(r => child.once('spawn', r))
  return {
    pid: child.pid!,
    async stop() {
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
      rmSync(dir, { recursive: true })
    }
  }
}

test("startTime reads field 22 of /proc/PID/stat, whatever the process's name holds", async () => {
  // A name with spaces and parentheses: splitting the whole line on spaces would misread it.
  const odd = await sleeper('x) 1 2 (y')
  try {
    expect(readFileSync(`/proc/${odd.pid}/stat`, 'utf8')).toContain('(x) 1 2 (y)')
    const ticks = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString())
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0])
    // Started after this test's process, and before now, in clock ticks since boot.
    expect(startTime(odd.pid)).toBeGreaterThanOrEqual(startTime(process.pid)!)
    expect(startTime(odd.pid)).toBeLessThanOrEqual(Math.ceil(uptime * ticks))
  } finally {
    await odd.stop()
  }
  expect(startTime(odd.pid)).toBeUndefined()
})

test('owners: a live pid with another start time is a reused pid, stale; records without one go by the pid', async () => {
  const lock = place()
  const other = await sleeper()
  try {
    const start = startTime(other.pid)!
    const since = Date.now()
    // As written by runs: one whose worker got this pid after it died, one whose worker is
    // this very process, and two from before start times were recorded.
    const record: Record<string, OwnerRecord> = {
      [entry.name]: {
        entry,
        owners: {
          reused: { since, pid: other.pid, start: start - 1 },
          same: { since, pid: other.pid, start },
          old: { since, pid: other.pid },
          'old-dead': { since, pid: deadPid() }
        }
      }
    }
    writeFileSync(join(lock.dir, 'owners.json'), JSON.stringify(record))
    const owners = await Owners.read(lock)
    const others = owners.others(entry, 'me')
    expect(others).toEqual([
      { id: 'same', pid: other.pid, since },
      { id: 'old', pid: other.pid, since }
    ])
    expect(describeOwners(others.slice(0, 1))).toBe(
      `run same (pid ${other.pid}, since ${new Date(since).toISOString()})`
    )

    // What use() records is the start time others() then finds.
    owners.use(entry, 'job', other.pid)
    await owners.save()
    const saved = JSON.parse(readFileSync(join(lock.dir, 'owners.json'), 'utf8')) as Record<
      string,
      OwnerRecord
    >
    expect(saved[entry.name].owners.job).toEqual({
      since: expect.any(Number),
      pid: other.pid,
      start,
      pidns: expect.stringMatching(/^pid:\[\d+\]$/)
    })
    expect((await Owners.read(lock)).others(entry, 'me').map(o => o.id)).toEqual([
      'same',
      'old',
      'job'
    ])
  } finally {
    await other.stop()
  }
  // The process is gone: no run counts any more.
  expect((await Owners.read(lock)).others(entry, 'me')).toEqual([])
  rmSync(lock.dir, { recursive: true })
})

test('owners: forget drops every run recorded for an entry and names the others', async () => {
  const lock = place()
  const owners = await Owners.read(lock)
  owners.use(entry, 'me', process.pid)
  owners.use(entry, 'crashed')
  expect(owners.forget(entry, 'me')).toEqual([{ id: 'crashed', since: expect.any(Number) }])
  expect(owners.tracks(entry)).toBe(false)
  expect(owners.forget(entry, 'me')).toEqual([])
  rmSync(lock.dir, { recursive: true })
})

test('isLive: a job container counts while the engine runs it; a pid in another pid namespace by age alone', () => {
  const now = Date.now()
  const id = 'a'.repeat(64)
  const inJob = { since: now, container: id }
  expect(isLive(inJob, now, new Set([id]))).toBe(true)
  expect(isLive(inJob, now, new Set(['b'.repeat(64)]))).toBe(false)
  // Another container's pid: not ours to look up; a dead pid here says nothing of it.
  const elsewhere = { since: now, pid: deadPid(), pidns: 'pid:[1]' }
  expect(isLive(elsewhere, now)).toBe(true)
  expect(isLive(elsewhere, now + 25 * 60 * 60 * 1000)).toBe(false)
  expect(isLive({ ...elsewhere, pidns: ownerHere(process.pid).pidns }, now)).toBe(false)
  // This process, as use() records it: live, and too old past the age given.
  const me = ownerHere(process.pid)
  expect(isLive(me, now)).toBe(true)
  expect(isLive(me, now + 1000, undefined, 500)).toBe(false)
})
