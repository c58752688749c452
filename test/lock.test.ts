// The host-wide lock and the owners record, with real processes and files.

import { expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryLog } from '../src/util/log.js'
import { Owners, withLock } from '../src/binfmt/lock.js'
import { wantedEntry } from '../src/binfmt/register.js'

const entry = wantedEntry('aarch64', '/usr/bin/qemu-aarch64-static', 'POCF')

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync('true').pid!
}

test('withLock runs one holder at a time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'))
  const events: string[] = []
  const hold = (name: string) =>
    withLock(dir, async () => {
      events.push(`${name} in`)
      await new Promise(r => setTimeout(r, 30))
      events.push(`${name} out`)
    })
  await Promise.all([hold('a'), hold('b'), hold('c')])
  for (let i = 0; i < events.length; i += 2) {
    expect(events[i].replace(' in', '')).toBe(events[i + 1].replace(' out', ''))
  }
  rmSync(dir, { recursive: true })
})

test('a lock whose holder died is taken over, and said so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'))
  writeFileSync(join(dir, 'lock'), String(deadPid()))
  const log = memoryLog()
  expect(await withLock(dir, async () => 'ran', log)).toBe('ran')
  expect(log.lines.join('\n')).toMatch(
    /taking over the binfmt_misc lock .*: its holder \(pid \d+\) is gone/
  )
  rmSync(dir, { recursive: true })
})

test('a lock held by a live process times out with the fix', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'))
  writeFileSync(join(dir, 'lock'), String(process.pid))
  await expect(withLock(dir, async () => 'never', memoryLog(), 100)).rejects.toThrow(
    new RegExp(
      `Another setup-binfmt \\(pid ${process.pid}\\) has held .*lock for over 0.1 s; if none runs, delete that file`
    )
  )
  rmSync(dir, { recursive: true })
})

test('owners: other live runs count; a run whose worker is gone does not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'owners-'))
  const owners = Owners.read(dir)
  owners.use(entry, 'job-a', process.pid)
  owners.use(entry, 'job-b', deadPid())
  owners.use(entry, 'job-c')
  owners.save()
  const again = Owners.read(dir)
  expect(again.others(entry, 'job-c')).toEqual(['job-a'])
  expect(again.others(entry, 'job-a')).toEqual(['job-c'])
  // Another definition under the same name is not ours to share.
  expect(again.others({ ...entry, flags: 'F' }, 'job-c')).toEqual([])
  again.release(entry, 'job-a')
  again.release(entry, 'job-b')
  again.release(entry, 'job-c')
  again.save()
  expect(JSON.parse(readFileSync(join(dir, 'owners.json'), 'utf8'))).toEqual({})
  rmSync(dir, { recursive: true })
})
