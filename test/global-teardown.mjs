// After all tests: the host's global binfmt_misc table must be exactly as it was.
import { readFileSync } from 'node:fs'
import { hostTable, SNAPSHOT } from './host-table.mjs'

export default function globalTeardown() {
  const before = readFileSync(SNAPSHOT, 'utf8')
  const after = JSON.stringify(hostTable())
  if (before !== after) {
    throw new Error(
      `The tests changed the host's binfmt_misc table.\nBefore: ${before}\nAfter:  ${after}`
    )
  }
}
