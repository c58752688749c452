// Before any test: fetch the foreign test programs and Debian's QEMU .debs (cached in .cache/),
// and remember the host's global binfmt_misc table, which global-teardown checks is unchanged.
import { execFileSync } from 'node:child_process'
import { hostTable, SNAPSHOT } from './host-table.mjs'
import { writeFileSync } from 'node:fs'

export default function globalSetup() {
  execFileSync(process.execPath, ['scripts/fetch-fixtures.mjs'], { stdio: 'inherit' })
  // Debian's .debs the built-in manifest pins, served by the download tests from 127.0.0.1.
  execFileSync(process.execPath, ['scripts/package-qemu.mjs', '--fetch'], { stdio: 'inherit' })
  writeFileSync(SNAPSHOT, JSON.stringify(hostTable()))
}
