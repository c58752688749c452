// The host's global binfmt_misc table as { name: contents }, empty when it is not mounted.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'

const ROOT = '/proc/sys/fs/binfmt_misc'
mkdirSync('.cache', { recursive: true })
export const SNAPSHOT = '.cache/host-binfmt-before-tests.json'

export function hostTable() {
  if (!existsSync(`${ROOT}/register`)) return {}
  const names = readdirSync(ROOT)
    .filter(n => n !== 'register' && n !== 'status')
    .sort()
  return Object.fromEntries(names.map(n => [n, readFileSync(`${ROOT}/${n}`, 'utf8')]))
}
