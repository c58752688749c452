import { readTable } from './table.mjs'

const saved = process.env.STATE_table
if (!saved) {
  console.log('::error::no table was saved: the main step of table-check did not run')
  process.exit(1)
}
const before = JSON.parse(saved)
const after = readTable()
const problems = []
for (const [name, text] of Object.entries(before)) {
  if (!(name in after)) problems.push(`${name} is missing`)
  else if (after[name] !== text) problems.push(`${name} changed:\n${text}---\n${after[name]}`)
}
for (const name of Object.keys(after)) {
  if (!(name in before)) problems.push(`${name} was added:\n${after[name]}`)
}
if (problems.length > 0) {
  for (const p of problems) console.log(`::error::binfmt_misc after the job: ${p.split('\n')[0]}`)
  console.log(problems.join('\n'))
  process.exit(1)
}
console.log(`binfmt_misc is exactly as before the job (${Object.keys(before).length} entries)`)
