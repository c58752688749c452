// What the kernel's table really holds, against the real kernel in a private binfmt_misc
// instance: a table disabled as a whole, the interpreter an F entry keeps open, the order the
// kernel matches entries in, and entries `reset` could not register again exactly.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { BinfmtTable } from '../src/binfmt/table.js'
import type { Runner } from '../src/util/exec.js'
import { memoryLog } from '../src/util/log.js'
import { wantedEntry } from '../src/binfmt/register.js'
import { verifyExec } from '../src/verify/exec-checks.js'
import { qemuStatic } from './helpers/fixtures.js'
import { PrivateNamespace } from './helpers/namespace.js'

let ns: PrivateNamespace
let table: BinfmtTable
let inside: Runner

beforeEach(async () => {
  ns = await PrivateNamespace.start()
  table = await BinfmtTable.open({ root: ns.root })
  inside = (argv, options) => ns.exec(argv, options)
})
afterEach(async () => ns?.stop())

describe('binfmt_misc disabled as a whole', () => {
  test('verification names the status file and the fix, not the interpreter', async () => {
    const entry = wantedEntry('aarch64', qemuStatic('aarch64'), 'POCF')
    await table.register(entry)
    const status = `${ns.root}/status`
    await writeFile(status, '0')
    try {
      expect(await table.enabledAsAWhole()).toBe(false)
      const [result] = await verifyExec(table, [{ target: 'aarch64', entry }], memoryLog(), inside)
      expect(result.ok).toBe(false)
      expect(result.detail).toMatch(
        `Likely cause: binfmt_misc is disabled as a whole (${status} reads 'disabled'), so the kernel runs no entry, ours included. ` +
          `Fix: enable it as root with: echo 1 > ${status}`
      )
      expect(result.detail).not.toMatch(/failed to run the program/)
    } finally {
      await writeFile(status, '1')
    }
    // The fix named works, and the table is as it was.
    expect(await table.enabledAsAWhole()).toBe(true)
    const [again] = await verifyExec(table, [{ target: 'aarch64', entry }], memoryLog(), inside)
    expect(again.ok).toBe(true)
    expect(await table.list()).toEqual([{ ...entry, extension: undefined }])
  })
})
