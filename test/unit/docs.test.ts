// The documentation against the code: README's inputs and outputs tables against action.yml,
// action.yml against what src/ reads and writes, the CLI's options (docs/cli.md) against the
// action's inputs, and the messages quoted in docs/troubleshooting.md and docs/bad-input.md
// against the messages src/ really prints.

import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { INPUT_NAMES } from '../../src/action/inputs.js'
import { DEFAULTS } from '../../src/options.js'

const read = (path: string) => readFileSync(path, 'utf8')
const README = read('README.md')
const CLI_DOC = read('docs/cli.md')
const TROUBLESHOOTING = read('docs/troubleshooting.md')
const BAD_INPUT = read('docs/bad-input.md')
/** Every Markdown document a user reads: README.md and docs/. */
const DOCUMENTS = [
  'README.md',
  ...readdirSync('docs')
    .filter(f => f.endsWith('.md'))
    .map(f => join('docs', f))
]

/** CLI options with no action input: the action has step state, logs and outputs instead. */
const CLI_ONLY = ['state', 'json', 'verbose', 'help']
/** Inputs with no CLI option: the CLI undoes an install with `setup-binfmt uninstall`. */
const ACTION_ONLY = ['cleanup']

interface Field {
  readonly default?: string
}

/** The entries of a map of action.yml (inputs, outputs) with their `default`, as a string. */
function actionFields(map: Record<string, { default?: unknown } | null> | undefined) {
  return new Map<string, Field>(
    Object.entries(map ?? {}).map(([name, field]) => [
      name,
      { default: field?.default === undefined ? undefined : String(field.default ?? '') }
    ])
  )
}

/** The text of a `## Heading` section of a Markdown document, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n')
  const start = lines.findIndex(l => l.trim() === `## ${heading}`)
  if (start < 0) throw new Error(`README.md has no '## ${heading}' section`)
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l))
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

/** Rows of the first Markdown table in `text`: cells trimmed, backticks around a cell removed. */
function tableRows(text: string): string[][] {
  const rows = text
    .split('\n')
    .filter(l => l.trim().startsWith('|'))
    .map(l =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map(c => c.trim().replace(/^`(.*)`$/, '$1'))
    )
  // Without the |---| separator and the header above it.
  return rows.filter(r => !r.every(c => /^:?-+:?$/.test(c))).slice(1)
}

/** name -> default from README's Inputs table (name | default | description). */
function readmeInputs(): Map<string, string> {
  return new Map(tableRows(section(README, 'Inputs')).map(r => [r[0], r[1] ?? '']))
}

function readmeOutputs(): string[] {
  return tableRows(section(README, 'Outputs')).map(r => r[0])
}

/** The `with:` keys of every step in the parsed YAML `node` whose `uses:` matches `uses`. */
function withKeys(node: unknown, uses: RegExp): string[] {
  if (Array.isArray(node)) return node.flatMap(n => withKeys(n, uses))
  if (!node || typeof node !== 'object') return []
  const step = node as { uses?: unknown; with?: unknown }
  const own =
    typeof step.uses === 'string' &&
    uses.test(step.uses) &&
    step.with &&
    typeof step.with === 'object'
      ? Object.keys(step.with)
      : []
  return [...own, ...Object.values(node).flatMap(v => withKeys(v, uses))]
}

/** The ```yaml blocks of a Markdown document, parsed. */
function yamlBlocks(markdown: string): unknown[] {
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map(m => parseYaml(m[1]) as unknown)
}

const action = parseYaml(read('action.yml')) as {
  inputs?: Record<string, { default?: unknown } | null>
  outputs?: Record<string, { default?: unknown } | null>
}
const inputs = actionFields(action.inputs)
const outputs = actionFields(action.outputs)

/** The USAGE text of src/cli/cli.ts (read as text: importing cli.ts would run the CLI). */
function cliUsage(): string {
  const source = read('src/cli/cli.ts')
  const match = /const USAGE = `([\s\S]*?)`\n/.exec(source)
  if (!match) throw new Error('src/cli/cli.ts has no USAGE template literal')
  return match[1]
}

function usageOptions(usage: string, heading: string): string[] {
  const lines = usage.split('\n')
  const start = lines.findIndex(l => l.trim() === heading)
  if (start < 0) throw new Error(`USAGE in src/cli/cli.ts has no '${heading}' block`)
  const names: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break
    const option = /^\s+--([a-z][a-z0-9-]*)/.exec(line)
    if (option) names.push(option[1])
  }
  return names
}

describe('action.yml', () => {
  test('the parser reads every input and output', () => {
    expect(inputs.size).toBeGreaterThan(0)
    expect(outputs.size).toBeGreaterThan(0)
    for (const [name, field] of inputs) {
      if (field.default === undefined) throw new Error(`input ${name} has no default`)
    }
  })

  test('src/action/inputs.ts INPUT_NAMES reads exactly the inputs action.yml declares', () => {
    const declared = [...inputs.keys()].sort()
    const names: string[] = [...INPUT_NAMES].sort()
    const notRead = declared.filter(n => !names.includes(n))
    const undeclared = names.filter(n => !declared.includes(n))
    if (notRead.length > 0 || undeclared.length > 0) {
      throw new Error(
        `INPUT_NAMES in src/action/inputs.ts and the inputs of action.yml differ: ` +
          `declared but never read: ${notRead.join(', ') || 'none'}; ` +
          `read but not declared: ${undeclared.join(', ') || 'none'}`
      )
    }
  })

  test('the defaults in action.yml are the ones the option parser applies', () => {
    for (const [name, fallback] of Object.entries(DEFAULTS)) {
      expect({ name, default: inputs.get(name)?.default }).toEqual({ name, default: fallback })
    }
  })

  test('src/action/main-step.ts sets exactly the outputs action.yml declares', () => {
    const set = [...read('src/action/main-step.ts').matchAll(/setOutput\('([^']+)'/g)].map(
      m => m[1]
    )
    expect(set.sort()).toEqual([...outputs.keys()].sort())
  })
})

describe('README.md', () => {
  test('the Inputs table lists every input of action.yml with its default', () => {
    const documented = readmeInputs()
    const problems: string[] = []
    for (const [name, field] of inputs) {
      if (!documented.has(name)) problems.push(`${name} is missing`)
      else if (documented.get(name) !== field.default) {
        problems.push(
          `${name} has default '${documented.get(name)}', action.yml says '${field.default}'`
        )
      }
    }
    if (problems.length > 0) throw new Error(`README.md Inputs table: ${problems.join('; ')}`)
  })

  test('the Inputs table has no input action.yml lacks', () => {
    const extra = [...readmeInputs().keys()].filter(n => !inputs.has(n))
    expect(extra).toEqual([])
  })

  test('the Outputs table lists exactly the outputs of action.yml', () => {
    const documented = readmeOutputs()
    expect({
      missing: [...outputs.keys()].filter(n => !documented.includes(n)),
      extra: documented.filter(n => !outputs.has(n))
    }).toEqual({ missing: [], extra: [] })
  })

  test('every with: key given to the action in the documents and the workflows is an input', () => {
    const workflows = readdirSync('.github/workflows').map(f => join('.github/workflows', f))
    const given = [
      ...DOCUMENTS.flatMap(f =>
        withKeys(yamlBlocks(read(f)), /^setup-binfmt\/setup-binfmt@/).map(k => [f, k])
      ),
      ...workflows.flatMap(f => withKeys(parseYaml(read(f)), /^\.\/?$/).map(k => [f, k]))
    ]
    expect(given.length).toBeGreaterThan(0)
    expect(given.filter(([, k]) => !inputs.has(k))).toEqual([])
  })

  test('every document it links to in docs/ exists', () => {
    const links = [...README.matchAll(/\]\((docs\/[^)#]+)/g)].map(m => m[1])
    expect(links.length).toBeGreaterThan(0)
    expect(links.filter(l => !DOCUMENTS.includes(l))).toEqual([])
  })
})

/** src/ as one text; concatenated literals ('a' +\n 'b') read as one string, as printed. */
function sourceText(): string {
  return readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.ts'))
    .map(f => read(join('src', f)))
    .join('\n')
    .replace(/[`'"]\s*\+\s*[`'"]/g, '')
}

/** The parts of each quoted message that src/ does not contain. */
function unprinted(messages: readonly string[]): string[] {
  const source = sourceText()
  const problems: string[] = []
  for (const line of messages.filter(l => l.trim())) {
    // <placeholders> stand for what the program fills in; the text between must be real.
    for (const piece of line.split(/<[^<>\n]+>/)) {
      // Quotes and punctuation next to a placeholder may belong to the filled-in part.
      const fragment = piece.replace(/^['".,:;)\s]+/, '').replace(/['"(\s]+$/, '')
      if (fragment.length >= 6 && !source.includes(fragment)) {
        problems.push(`'${fragment}' (from: ${line.trim()})`)
      }
    }
  }
  return problems
}

describe('docs/', () => {
  test('docs/cli.md shows every install option of the CLI', () => {
    const missing = usageOptions(cliUsage(), 'Options for install:').filter(
      o => !CLI_DOC.includes(`--${o}`)
    )
    expect(missing).toEqual([])
  })

  test('every message quoted in docs/troubleshooting.md is one src/ prints', () => {
    const blocks = [...TROUBLESHOOTING.matchAll(/```text\n([\s\S]*?)```/g)]
    expect(blocks.length).toBeGreaterThan(0)
    const problems = unprinted(blocks.flatMap(b => b[1].split('\n')))
    if (problems.length > 0) {
      throw new Error(
        `docs/troubleshooting.md quotes messages src/ does not print:\n${problems.join('\n')}`
      )
    }
  })
  test('every message in the docs/bad-input.md table is one test/kernel/bad-input.test.ts checks', () => {
    // The page says each line has a test: the text of each quoted message (between the
    // <placeholders> and `...`) must be in one of that test's expected messages.
    const expected = [
      ...read('test/kernel/bad-input.test.ts').matchAll(
        /(?:^|[\s,])\/((?:\\.|[^/\\\n])+)\/(?=,|\]|$)/gm
      )
    ].map(m => m[1].replace(/\\(.)/g, '$1'))
    expect(expected.length).toBeGreaterThan(0)
    const rows = BAD_INPUT.split('\n')
      .filter(l => l.trim().startsWith('|'))
      .map(l => l.trim().split(/(?<!\\)\|/)[3] ?? '')
      .slice(2) // the header and the |---| separator
    expect(rows.length).toBeGreaterThan(0)
    const messages = rows.map(cell => [...cell.matchAll(/`([^`]+)`/g)].map(m => m[1]))
    expect(messages.filter(m => m.length === 0)).toEqual([])
    const problems = messages.flat().filter(message => {
      const pieces = message
        .split(/<[^<>]+>|\.\.\./)
        .map(p => p.replace(/^['".,:;)\s]+/, '').replace(/['"(:\s]+$/, ''))
      return !expected.some(e => pieces.every(p => p.length < 6 || e.includes(p)))
    })
    expect(problems).toEqual([])
  })
})

describe('CLI and action', () => {
  const usage = cliUsage()
  const install = usageOptions(usage, 'Options for install:')
  const common = usageOptions(usage, 'Common options:')

  test('every install option of the CLI is an action input', () => {
    expect(install.length).toBeGreaterThan(0)
    expect(install.filter(o => !inputs.has(o))).toEqual([])
  })

  test('the other options are the documented CLI-only ones', () => {
    expect(common.filter(o => !CLI_ONLY.includes(o))).toEqual([])
  })

  test('every action input except cleanup is a CLI install option', () => {
    const missing = [...inputs.keys()].filter(n => !install.includes(n) && !ACTION_ONLY.includes(n))
    expect(missing).toEqual([])
  })

  test('every option USAGE shows is one the CLI parses', () => {
    const source = read('src/cli/cli.ts')
    const parsed = /options:\s*\{([\s\S]*?)\n\s*\}\n\s*\}\)/.exec(source)?.[1] ?? ''
    const names = [...parsed.matchAll(/^\s*'?([a-z][a-z0-9-]*)'?:\s*\{/gm)].map(m => m[1])
    expect([...install, ...common].filter(o => !names.includes(o))).toEqual([])
  })
})
