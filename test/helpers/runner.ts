// Run the built action's steps exactly as the runner does: node dist/<step>/index.js with
// INPUT_* variables and the GITHUB_* command files, inside a private binfmt_misc namespace;
// and the built CLI's command line.

import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { run, type ExecOptions } from '../../src/util/exec.js'
import type { PrivateNamespace } from './namespace.js'

/** Parse the runner's key<<delimiter files (GITHUB_OUTPUT, GITHUB_STATE); later values win. */
/** The built CLI, as users run it. */
/** The built action as the tests run it: global-setup's copy, which every user can read. */
export const DIST = process.env.SETUP_BINFMT_TEST_DIST ?? resolve('dist')

/** One built entry point: dist/<entry>/index.js. */
export const distEntry = (entry: 'main' | 'post' | 'cli') => join(DIST, entry, 'index.js')

export const CLI = distEntry('cli')

/** The command line that runs the built CLI with `args`. */
export const cliArgv = (...args: string[]) => [process.execPath, CLI, ...args]

/** The built CLI on the host with `--state state` after its arguments; a failure is a result. */
export const cliWithState =
  (state: string, env?: NodeJS.ProcessEnv) =>
  (...args: string[]) =>
    run(cliArgv(...args, '--state', state), { allowFailure: true, env })

/** install of arm64, arm and riscv64 checked by `engine` alone, as the e2e tests run it. */
export const installChecked = (cli: ReturnType<typeof cliWithState>, engine: string) =>
  cli('install', '--platforms', 'arm64,arm,riscv64', '--source', 'system', '--verify', engine)

/** The container check's line for each platform installChecked registers. */
export const checkedLines = (engine: string) =>
  ['linux/arm64 (aarch64)', 'linux/arm/v7 (arm)', 'linux/riscv64 (riscv64)'].map(
    p => new RegExp(`^${p.replace(/[()/]/g, '\\$&')} ${engine}: ok in \\d+ ms$`, 'm')
  )

export function readCommandFile(path: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = readFileSync(path, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const end = lines.indexOf(m[2], i + 1)
    values[m[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return values
}

/** The environment a step gets; `dir` holds the command files and the runner's temp folder. */
export function stepEnv(dir: string, entry: 'main' | 'post', env: Record<string, string>) {
  const files = {
    GITHUB_OUTPUT: join(dir, `${entry}-output`),
    GITHUB_STATE: join(dir, `${entry}-state`),
    GITHUB_STEP_SUMMARY: join(dir, `${entry}-summary`)
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  return {
    files,
    env: {
      PATH: process.env.PATH,
      RUNNER_TEMP: dir,
      // This namespace's table is not the host's: keep its lock and owners apart too.
      SETUP_BINFMT_LOCK_DIR: join(dir, 'lock'),
      GITHUB_ACTIONS: 'true',
      ...files,
      ...env
    }
  }
}

export function readStep(files: ReturnType<typeof stepEnv>['files']) {
  return {
    outputs: readCommandFile(files.GITHUB_OUTPUT),
    state: readCommandFile(files.GITHUB_STATE),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
  }
}

export async function runnerStep(
  ns: PrivateNamespace,
  dir: string,
  entry: 'main' | 'post',
  env: Record<string, string>,
  options: ExecOptions = {}
) {
  const { files, env: full } = stepEnv(dir, entry, env)
  const result = await ns.exec([process.execPath, distEntry(entry)], {
    env: full,
    allowFailure: true,
    ...options
  })
  return { ...result, ...readStep(files) }
}

/** INPUT_* variables; containers use the host's table, not a namespace's: verify by exec. */
export const inputs = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries({ verify: 'exec', ...values }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
  )
