// The kernel's limit on an interpreter path is the whole register line (1920 bytes), not 128
// characters: a long tool cache path registers and runs, in a private binfmt_misc namespace.

import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from '@jest/globals'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { registerLine, BinfmtTable } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { storeCached } from '../../src/qemu/cache.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'

let dir: string
let ns: PrivateNamespace
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'long-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(async () => {
  ns = await PrivateNamespace.start()
})
afterEach(async () => ns?.stop())

/** A folder under `dir` whose path is exactly `length` characters (components of 200 or less). */
function folderOf(length: number): string {
  let path = dir
  while (path.length < length) {
    const part = 'd'.repeat(Math.min(200, length - path.length - 1))
    if (part.length === 0) path += 'x'
    path = join(path, part)
  }
  mkdirSync(path, { recursive: true })
  return path
}

test('a 100-character RUNNER_TOOL_CACHE: the cached interpreter registers and runs', async () => {
  process.env.RUNNER_TOOL_CACHE = folderOf(100)
  const path = await storeCached('qemu-aarch64', '10.0.13', 'x64', qemuStatic('aarch64'))
  expect(path.length).toBeGreaterThan(128)
  const table = await BinfmtTable.open({ root: ns.root })
  await table.register(wantedEntry('aarch64', path, 'F'))
  expect(readFileSync(join(ns.root, 'qemu-aarch64'), 'utf8')).toContain(`interpreter ${path}\n`)
  expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout.trim()).toBe('aarch64')
})

test('the limit is the 1920-byte line: at 1920 it runs, at 1921 it is refused before writing', async () => {
  const entry = (interpreter: string) => wantedEntry('aarch64', interpreter, 'F')
  const overhead = registerLine(entry('/')).length - 1
  const atLimit = join(folderOf(1920 - overhead - 2), 'q')
  expect(registerLine(entry(atLimit)).length).toBe(1920)
  copyFileSync(qemuStatic('aarch64'), atLimit)
  const table = await BinfmtTable.open({ root: ns.root })
  await table.register(entry(atLimit))
  expect((await ns.exec([busybox('arm64'), 'uname', '-m'])).stdout.trim()).toBe('aarch64')
  await table.remove('qemu-aarch64')

  const over = `${atLimit}x`
  copyFileSync(qemuStatic('aarch64'), over)
  await expect(table.register(entry(over))).rejects.toThrow(
    "The registration line for 'qemu-aarch64' is 1921 bytes; the kernel takes at most 1920: use a shorter interpreter path"
  )
  expect((await BinfmtTable.read(ns.root)).map(e => e.name)).toEqual([])
})
