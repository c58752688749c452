// The one way this project runs another program: an argv array, never a shell string.
// The command line is logged at debug level; a failure names the command, its exit status
// and the last line it wrote to stderr.

import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import type { Log } from './log.js'

export interface ExecResult {
  readonly code: number
  /** The signal that ended the command, when one did (then code is 128 + its number). */
  readonly signal?: string
  readonly stdout: string
  readonly stderr: string
}

export interface ExecOptions {
  /** Bytes written to the command's standard input. */
  readonly input?: string | Buffer
  /** Return a non-zero exit instead of throwing. */
  readonly allowFailure?: boolean
  readonly log?: Log
  readonly env?: NodeJS.ProcessEnv
  readonly cwd?: string
  readonly timeoutMs?: number
  /** Stream standard output here instead of collecting it (large decompressed data). */
  readonly stdout?: NodeJS.WritableStream
  /** How to decode the collected output; latin1 keeps every byte of binary output. */
  readonly encoding?: BufferEncoding
}

export class ExecError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly result: ExecResult
  ) {
    const last = lastLine(result.stderr) || lastLine(result.stdout)
    super(`${argv.join(' ')} exited with ${result.code}${last ? `: ${last}` : ''}`)
    this.name = 'ExecError'
  }
}

export function lastLine(text: string): string {
  const lines = text.trim().split('\n')
  return lines[lines.length - 1]?.trim() ?? ''
}

/** Something that runs a command: `run` itself, or a wrapper that runs it elsewhere (tests). */
export type Runner = (argv: readonly string[], options?: ExecOptions) => Promise<ExecResult>

export function run(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const [command, ...args] = argv
  options.log?.debug(`exec: ${JSON.stringify(argv)}`)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    if (options.stdout) child.stdout.pipe(options.stdout)
    else child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', e => reject(new Error(`Cannot run ${command}: ${e.message}`)))
    child.on('close', (code, signal) => {
      const result = {
        code: code ?? 128 + (signal ? constants.signals[signal] : 0),
        stdout: Buffer.concat(out).toString(options.encoding),
        stderr: Buffer.concat(err).toString() + (signal ? `\nkilled by ${signal}` : ''),
        signal: signal ?? undefined
      }
      if (result.code !== 0 && !options.allowFailure) reject(new ExecError(argv, result))
      else resolve(result)
    })
    child.stdin.on('error', () => {}) // a command that exits without reading its input
    child.stdin.end(options.input ?? '')
  })
}
