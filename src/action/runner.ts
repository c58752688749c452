// The runner's side of an action step: inputs, outputs, state, log commands and the job
// summary, in the formats the GitHub runner reads. Written here instead of importing
// @actions/core, whose import alone (it loads an HTTP client for OIDC) costs about 150 ms of
// every main and post step, more than all of our work on a warm run.

import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { safeLine, type Log } from '../util/log.js'

/**
 * Workflow command data: the runner decodes %25, %0D and %0A, so a message keeps its own
 * line breaks; other controls (escapes, separators) are made visible by safeLine.
 */
function escapeData(text: string): string {
  return text
    .replace(/%/g, '%25')
    .split(/\r?\n/)
    .map(line => safeLine(line).replace(/^\u200b/, ''))
    .join('%0A')
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`)
}

/** An input as the runner passes it: INPUT_<NAME> with spaces as underscores, trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Append `name<<delimiter` blocks to one of the runner's files (GITHUB_OUTPUT, GITHUB_STATE). */
function appendKeyValue(variable: string, name: string, value: string): void {
  const file = process.env[variable]
  if (!file) throw new Error(`${variable} is not set: this must run as a GitHub Actions step`)
  const delimiter = `ghadelimiter_${randomUUID()}`
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`)
}

export const setOutput = (name: string, value: string) =>
  appendKeyValue('GITHUB_OUTPUT', name, value)
export const saveState = (name: string, value: string) =>
  appendKeyValue('GITHUB_STATE', name, value)
export const getState = (name: string) => process.env[`STATE_${name}`] ?? ''

/** A plain log line: one line, whatever the message holds (see safeLine). */
export const info = (message: string) => process.stdout.write(`${safeLine(message)}${EOL}`)
export const debug = (message: string) => command('debug', message)
export const notice = (message: string) => command('notice', message)
export const warning = (message: string) => command('warning', message)

/** The project's Log, written as workflow commands. */
export const runnerLog: Log = { info, debug, notice, warning, group: (name, fn) => group(name, fn) }

export function setFailed(message: string): void {
  process.exitCode = 1
  command('error', message)
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  command('group', name)
  try {
    return await fn()
  } finally {
    command('endgroup', '')
  }
}

const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A job summary, built as HTML and appended to GITHUB_STEP_SUMMARY by write(). */
export class Summary {
  private readonly parts: string[] = []

  heading(text: string, level = 3): this {
    this.parts.push(`<h${level}>${html(text)}</h${level}>`)
    return this
  }

  table(header: readonly string[], rows: readonly (readonly string[])[]): this {
    const row = (cells: readonly string[], tag: string) =>
      `<tr>${cells.map(c => `<${tag}>${html(c)}</${tag}>`).join('')}</tr>`
    this.parts.push(`<table>${row(header, 'th')}${rows.map(r => row(r, 'td')).join('')}</table>`)
    return this
  }

  list(items: readonly string[]): this {
    this.parts.push(`<ul>${items.map(i => `<li>${html(i)}</li>`).join('')}</ul>`)
    return this
  }

  paragraph(text: string): this {
    this.parts.push(`<p>${html(text)}</p>`)
    return this
  }

  /** Append to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) there is none. */
  write(): void {
    const file = process.env.GITHUB_STEP_SUMMARY
    if (file) appendFileSync(file, `${this.parts.join(EOL)}${EOL}`)
  }
}
