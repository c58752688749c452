// Our own wrapper, not @actions/exec: that one has no timeout and does not report the signal
// that ended a command.
//
// The one way this project runs another program: an argv array, never a shell string.
// The command line is logged at debug level; a failure names the command, its exit status
// and the last line it wrote to stderr.
//
// Node spawns through execvp, and execvp hands a file the kernel answers with ENOEXEC to
// /bin/sh, so a text file or a truncated ELF file would run as a shell script. The command is
// therefore resolved here, and only an ELF file or a #! script is started, by its absolute path.

import { spawn } from 'node:child_process'
import { accessSync, closeSync, constants as fs, openSync, readSync, statSync } from 'node:fs'
import { constants } from 'node:os'
import { delimiter, resolve as resolvePath } from 'node:path'
import type { Readable } from 'node:stream'
import type { Log } from './log.js'

export interface ExecResult {
  readonly code: number
  /** The signal that ended the command, when one did (then code is 128 + its number). */
  readonly signal?: string
  readonly stdout: string
  readonly stderr: string
}

export interface ExecOptions {
  /** Bytes written to the command's standard input, or a stream piped into it (a large file). */
  readonly input?: string | Buffer | Readable
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

/** The file execvp would start for `command`: itself when it names a path, else the first on PATH. */
export function resolveCommand(
  command: string,
  path = process.env.PATH ?? '',
  cwd = process.cwd()
): string | undefined {
  const candidates = command.includes('/')
    ? [resolvePath(cwd, command)]
    : path.split(delimiter).map(dir => resolvePath(cwd, dir || '.', command))
  return candidates.find(file => {
    try {
      accessSync(file, fs.X_OK)
      return statSync(file).isFile()
    } catch {
      return false
    }
  })
}

/** Throw unless the kernel itself runs `file` (ELF or #!), so execvp never passes it to /bin/sh. */
export function checkRunnable(file: string): void {
  const head = Buffer.alloc(4)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, 4, 0)
  } finally {
    closeSync(fd)
  }
  if (head.readUInt32BE(0) === 0x7f454c46 || head.subarray(0, 2).toString('latin1') === '#!') return
  throw new Error(
    `Refusing to run ${file}: it is neither an ELF program nor a #! script, so it would run ` +
      `as a /bin/sh script; check that the file is the program you meant`
  )
}

export function run(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const [command, ...args] = argv
  options.log?.debug(`exec: ${JSON.stringify(argv)}`)
  const env = options.env ?? process.env
  const file = resolveCommand(command, env.PATH, options.cwd)
  // Not found fails at once: spawn's ENOENT would leave its timeout running (a missing docker
  // held every step for the whole engine-check timeout).
  if (!file) {
    const e = new Error(`Cannot run ${command}: spawn ${command} ENOENT`)
    return Promise.reject(Object.assign(e, { code: 'ENOENT' }))
  }
  try {
    checkRunnable(file)
  } catch (e) {
    return Promise.reject(e as Error)
  }
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      argv0: command,
      env,
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
    const input = options.input ?? ''
    const stream = typeof input === 'string' || Buffer.isBuffer(input) ? undefined : input
    child.on('close', (code, signal) => {
      stream?.destroy() // a command that exited before reading all its input leaves it open
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
    if (!stream) child.stdin.end(input)
    else {
      stream.on('error', e => {
        child.kill()
        reject(new Error(`Cannot run ${command}: its input failed: ${e.message}`))
      })
      stream.pipe(child.stdin)
    }
  })
}

/** A command left running while we need it, such as a lock holder. */
export interface Started {
  readonly pid: number | undefined
  /** Resolves on the first bytes the command writes to standard output. */
  readonly output: Promise<void>
  /** Resolves when it ends, whatever its exit status. */
  readonly exited: Promise<ExecResult>
  /** Close its standard input: a holder that reads it to the end then exits. */
  end(): void
}

/**
 * Start a command and leave it running: `input` is written to its standard input, which stays
 * open until end() or until this process dies (then the command sees end of file).
 */
export function start(
  argv: readonly string[],
  options: { input?: string; log?: Log } = {}
): Started {
  const [command, ...args] = argv
  options.log?.debug(`exec: ${JSON.stringify(argv)}`)
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  const err: Buffer[] = []
  child.stderr.on('data', (b: Buffer) => err.push(b))
  const exited = new Promise<ExecResult>(resolve => {
    child.on('error', e =>
      resolve({ code: -1, stdout: '', stderr: `Cannot run ${command}: ${e.message}` })
    )
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? 128 + (signal ? constants.signals[signal] : 0),
        stdout: '',
        stderr: Buffer.concat(err).toString(),
        signal: signal ?? undefined
      })
    )
  })
  const output = new Promise<void>(resolve => child.stdout.once('data', () => resolve()))
  child.stdout.resume()
  child.stdin.on('error', () => {})
  if (options.input) child.stdin.write(options.input)
  return { pid: child.pid, output, exited, end: () => void child.stdin.end() }
}

/** A program left running by `launch`, to be killed. */
export interface Launched {
  readonly pid: number
  /** Kill it (SIGKILL) and wait until it is gone; nothing when it already ended. */
  stop(): Promise<void>
}

/** Something that starts a program and leaves it running: `launch`, or a wrapper (tests). */
export type Starter = (
  argv: readonly string[],
  options?: { readonly env?: NodeJS.ProcessEnv; readonly log?: Log }
) => Promise<Launched>

/** Start a program with no input or output and leave it running; resolves once it runs. */
export const launch: Starter = (argv, options = {}) => {
  const [command, ...args] = argv
  options.log?.debug(`launch: ${JSON.stringify(argv)}`)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: 'ignore' })
    const exited = new Promise<void>(done => child.once('close', () => done()))
    child.once('error', e => reject(new Error(`Cannot run ${command}: ${e.message}`)))
    child.once('spawn', () =>
      resolve({
        pid: child.pid!,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
          await exited
        }
      })
    )
  })
}
