// Before any test: fetch the foreign test programs and Debian's QEMU .debs (cached in .cache/),
// stage the built action where every user can read it, and remember the host's global
// binfmt_misc table, which global-teardown checks is unchanged.
import { execFileSync } from 'node:child_process'
import { hostTable, SNAPSHOT } from './host-table.mjs'
import { chmodSync, cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The host's table mounted where the kernel's interface is, as systemd's automount does on
 * runners at boot: a fresh machine without systemd has none, and a table mounted only inside a
 * helper container empties when the helper exits (Linux 6.7+). Mounted, never unmounted.
 */
function mountHostTable() {
  if (existsSync('/proc/sys/fs/binfmt_misc/register') || process.getuid?.() !== 0) return
  execFileSync('mount', ['-t', 'binfmt_misc', 'binfmt_misc', '/proc/sys/fs/binfmt_misc'])
}

/**
 * A copy of dist/ that the tests' other users (a sudo user, nobody) can run: the checkout may
 * sit in a folder only root may enter (/root, a mktemp -d). test/helpers/runner.ts finds it
 * through SETUP_BINFMT_TEST_DIST; global-teardown removes it.
 */
function stageDist() {
  const dir = mkdtempSync(join(tmpdir(), 'setup-binfmt-test-dist-'))
  chmodSync(dir, 0o755)
  cpSync('dist', join(dir, 'dist'), { recursive: true })
  process.env.SETUP_BINFMT_TEST_DIST = join(dir, 'dist')
}

export default function globalSetup() {
  execFileSync(process.execPath, ['scripts/fetch-fixtures.mjs'], { stdio: 'inherit' })
  // Debian's .debs the built-in manifest pins, served by the download tests from 127.0.0.1.
  execFileSync(process.execPath, ['scripts/package-qemu.mjs', '--fetch'], { stdio: 'inherit' })
  mountHostTable()
  stageDist()
  writeFileSync(SNAPSHOT, JSON.stringify(hostTable()))
}
