// The runner's side of an action step, through @actions/core: inputs, outputs, state, log
// commands, groups and the job summary. Only src/action/ imports it; the core takes a Log
// (util/log.ts), so the CLI prints no workflow commands.

import * as core from '@actions/core'
import { safeLine, type Log } from '../util/log.js'

/**
 * A workflow command's message: core escapes %, CR and LF, so a message keeps its own line
 * breaks; every line is made safe first (controls made visible, see safeLine).
 */
function commandText(text: string): string {
  return text
    .split(/\r?\n/)
    .map(line => safeLine(line).replace(/^\u200b/, ''))
    .join('\n')
}

/** The runner's file behind `variable`; core would fall back to deprecated stdout commands. */
function requireFile(variable: string): void {
  if (!process.env[variable]) {
    throw new Error(`${variable} is not set: this must run as a GitHub Actions step`)
  }
}

/** An input as the runner passes it (INPUT_<NAME>), trimmed. */
export const getInput = (name: string): string => core.getInput(name)

export function setOutput(name: string, value: string): void {
  requireFile('GITHUB_OUTPUT')
  core.setOutput(name, value)
}

export function saveState(name: string, value: string): void {
  requireFile('GITHUB_STATE')
  core.saveState(name, value)
}

export const getState = (name: string): string => core.getState(name)

/** A plain log line: one line, whatever the message holds (see safeLine). */
export const info = (message: string) => core.info(safeLine(message))
export const debug = (message: string) => core.debug(commandText(message))
export const notice = (message: string) => core.notice(commandText(message))
export const warning = (message: string) => core.warning(commandText(message))

export const setFailed = (message: string) => core.setFailed(commandText(message))

export const group = <T>(name: string, fn: () => Promise<T>): Promise<T> =>
  core.group(commandText(name), fn)

/** The project's Log, written as workflow commands. */
export const runnerLog: Log = { info, debug, notice, warning, group }

/** core.summary writes the HTML it is given as it is: the text in it is escaped here. */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A job summary, built with core.summary and appended to GITHUB_STEP_SUMMARY by write(). */
export class Summary {
  private readonly parts: ((s: typeof core.summary) => void)[] = []

  heading(text: string, level = 3): this {
    this.parts.push(s => s.addHeading(html(text), level))
    return this
  }

  table(header: readonly string[], rows: readonly (readonly string[])[]): this {
    this.parts.push(s =>
      s.addTable([
        header.map(h => ({ data: html(h), header: true })),
        ...rows.map(r => r.map(html))
      ])
    )
    return this
  }

  list(items: readonly string[]): this {
    this.parts.push(s => s.addList(items.map(html)))
    return this
  }

  paragraph(text: string): this {
    this.parts.push(s => s.addRaw(`<p>${html(text)}</p>`, true))
    return this
  }

  /** Append to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) there is none. */
  async write(): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return
    core.summary.emptyBuffer()
    for (const part of this.parts) part(core.summary)
    await core.summary.write()
  }
}
