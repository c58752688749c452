// Members named like an interpreter are streamed to disk, never held in memory, and bounded:
// a small archive of zeros under an interpreter's name is refused, leaving nothing behind.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractInterpreters } from '../../src/qemu/archive/extract.js'
import { MAX_INTERPRETER_BYTES } from '../../src/qemu/archive/members.js'
import { run } from '../../src/util/exec.js'

let dir: string
let temp: string
const savedTemp = process.env.RUNNER_TEMP
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archive-bounds-'))
  temp = join(dir, 'temp')
  mkdirSync(temp)
  process.env.RUNNER_TEMP = temp
})
afterAll(() => {
  process.env.RUNNER_TEMP = savedTemp
  rmSync(dir, { recursive: true, force: true })
})

/** A tar.gz holding usr/bin/qemu-aarch64: `bytes` zeros, written sparse (it gzips to ~0.1%). */
async function zeros(name: string, bytes: number): Promise<string> {
  const stage = join(dir, `stage-${name}`)
  mkdirSync(join(stage, 'usr', 'bin'), { recursive: true })
  const member = join(stage, 'usr', 'bin', 'qemu-aarch64')
  const fd = openSync(member, 'w')
  writeSync(fd, Buffer.alloc(1), 0, 1, bytes - 1)
  closeSync(fd)
  const archive = join(dir, `${name}.tar.gz`)
  await run(['tar', '-czf', archive, '-C', stage, 'usr'])
  rmSync(stage, { recursive: true, force: true })
  return archive
}

/** The highest resident set size seen while `work` runs, above what it was before. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
  try {
    await work()
  } finally {
    clearInterval(sampler)
  }
  return Math.max(peak, process.memoryUsage().rss) - before
}

describe('oversized members', () => {
  test('a member just under the limit goes to disk, not memory', async () => {
    const size = MAX_INTERPRETER_BYTES - 1024
    const archive = await zeros('under', size)
    expect(statSync(archive).size).toBeLessThan(1 << 20)
    const out = join(dir, 'out-under')
    const growth = await peakGrowth(() => extractInterpreters(archive, 'tar.gz', ['aarch64'], out))
    expect(statSync(join(out, 'qemu-aarch64')).size).toBe(size)
    // Held in memory it would be the member twice over (chunks, then their concatenation).
    expect(growth).toBeLessThan(64 << 20)
    expect(readdirSync(temp)).toEqual([])
  })

  test('a member over the limit is refused; nothing is written and the temporary files go', async () => {
    const archive = await zeros('over', MAX_INTERPRETER_BYTES + 1)
    const out = join(dir, 'out-over')
    await expect(extractInterpreters(archive, 'tar.gz', ['aarch64'], out)).rejects.toThrow(
      `Refusing ${archive}: member usr/bin/qemu-aarch64 is over 128 MiB, far more than any QEMU interpreter`
    )
    expect(readdirSync(dir)).not.toContain('out-over')
    expect(readdirSync(temp)).toEqual([])
  })
})
