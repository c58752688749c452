// Before any test: fetch the foreign test programs (cached in .cache/) and remember the host's
// global binfmt_misc table, which global-teardown checks is unchanged.
import { execFileSync } from 'node:child_process'
import { hostTable, SNAPSHOT } from './host-table.mjs'
import { writeFileSync } from 'node:fs'

export default function globalSetup() {
  execFileSync(process.execPath, ['scripts/fetch-fixtures.mjs'], { stdio: 'inherit' })
  writeFileSync(SNAPSHOT, JSON.stringify(hostTable()))
}
