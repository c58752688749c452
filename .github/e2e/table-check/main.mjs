import { appendFileSync } from 'node:fs'
import { readTable } from './table.mjs'

const table = readTable()
// Step state: a single line, read back by post as STATE_table.
appendFileSync(process.env.GITHUB_STATE, `table=${JSON.stringify(table)}\n`)
const names = Object.keys(table)
console.log(`binfmt_misc now (${names.length} entries): ${names.join(', ') || 'none'}`)
for (const [name, text] of Object.entries(table)) console.log(`== ${name}\n${text.trim()}`)
