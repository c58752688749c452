// The binfmt_misc table as the kernel prints it: entry name -> its file's text.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = '/proc/sys/fs/binfmt_misc'

export function readTable() {
  if (!existsSync(join(ROOT, 'register'))) return {}
  const table = {}
  for (const name of readdirSync(ROOT).sort()) {
    if (name === 'register' || name === 'status') continue
    table[name] = readFileSync(join(ROOT, name), 'utf8')
  }
  return table
}
