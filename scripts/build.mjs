// Bundle each entry with ncc into <out>/<entry>/index.js (out defaults to dist).
// Deterministic: no source maps, no cache, so a rebuild can be compared with dist/.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'

const out = process.argv[2] ?? 'dist'
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
rmSync(out, { recursive: true, force: true })
for (const entry of ['main', 'post', 'cli']) {
  const args = ['build', `src/${entry}.ts`, '-o', join(out, entry), '--no-cache', '--quiet']
  execFileSync(process.execPath, [ncc, ...args, '--target', 'es2022'], { stdio: 'inherit' })
}
