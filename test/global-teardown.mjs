// After all tests: the host's global binfmt_misc table must be exactly as it was.
import { readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { hostTable, SNAPSHOT } from './host-table.mjs'

export default function globalTeardown() {
  const staged = process.env.SETUP_BINFMT_TEST_DIST
  if (staged) rmSync(dirname(staged), { recursive: true, force: true })
  const before = readFileSync(SNAPSHOT, 'utf8')
  const after = JSON.stringify(hostTable())
  if (before !== after) {
    throw new Error(
      `The tests changed the host's binfmt_misc table.\nBefore: ${before}\nAfter:  ${after}`
    )
  }
}
