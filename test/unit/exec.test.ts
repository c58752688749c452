// The exec wrapper never lets execvp hand a file to /bin/sh: a file the kernel cannot run
// itself (neither ELF nor #!) is refused before anything starts. Standard input may be a stream.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveCommand, run } from '../../src/util/exec.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'exec-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('no shell fallback', () => {
  test('an executable text file without #! is refused, not run as a shell script', async () => {
    const marker = join(dir, 'ran')
    const script = join(dir, 'qemu-aarch64')
    writeFileSync(script, `touch ${marker}\n`, { mode: 0o755 })
    await expect(run([script, '--version'])).rejects.toThrow(
      `Refusing to run ${script}: it is neither an ELF program nor a #! script, so it would run as a /bin/sh script`
    )
    expect(existsSync(marker)).toBe(false)
  })
  test('the same file found on PATH is refused too', async () => {
    const marker = join(dir, 'ran-from-path')
    writeFileSync(join(dir, 'planted-tool'), `touch ${marker}\n`, { mode: 0o755 })
    await expect(
      run(['planted-tool'], { env: { ...process.env, PATH: `${dir}:/usr/bin` } })
    ).rejects.toThrow(/Refusing to run .*planted-tool/)
    expect(existsSync(marker)).toBe(false)
  })
  test('ELF programs and #! scripts still run, found on PATH as execvp would', async () => {
    const script = join(dir, 'hello')
    writeFileSync(script, '#!/bin/sh\necho "hello $0"\n', { mode: 0o755 })
    expect((await run([script])).stdout).toBe(`hello ${script}\n`)
    expect((await run(['true'])).code).toBe(0)
    expect(resolveCommand('true', `${dir}:/usr/bin:/bin`)).toMatch(/^\/(usr\/)?bin\/true$/)
  })
  test('a missing command fails as before, naming it, and leaves no timer holding the process', async () => {
    const timers = () => process.getActiveResourcesInfo().filter(r => r === 'Timeout').length
    const before = timers()
    await expect(run(['no-such-command-here'], { timeoutMs: 600_000 })).rejects.toThrow(
      /Cannot run no-such-command-here: spawn no-such-command-here ENOENT/
    )
    // A timer left running would keep a CLI or a step alive for the whole timeout.
    expect(timers()).toBe(before)
  })
})

describe('standard input from a stream', () => {
  test('a file is piped in whole, and a command that stops reading early still ends', async () => {
    const file = join(dir, 'big-input')
    const data = Buffer.alloc(3 << 20, 'x')
    writeFileSync(file, data)
    const counted = await run(['wc', '-c'], { input: createReadStream(file) })
    expect(counted.stdout.trim()).toBe(String(data.length))
    const head = await run(['head', '-c', '10'], { input: createReadStream(file) })
    expect(head.stdout).toBe('x'.repeat(10))
  })
})
