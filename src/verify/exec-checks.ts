// Prove each registered platform runs: execute its probe through the kernel (binfmt_misc,
// flags and interpreter all take part), then again inside a chroot where the interpreter's
// path does not exist, which only works with the F flag. Failures say what is likely wrong.

import { existsSync } from 'node:fs'
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BinfmtTable, Entry } from '../binfmt/table.js'
import { run, type ExecResult, type Runner } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { claimedBy } from '../platform/native.js'
import { ociPlatforms } from '../platform/names.js'
import { probeMarker, probeProgram } from '../platform/probes.js'
import { makeTempDir } from '../util/temp.js'

export interface VerifyResult {
  readonly target: string
  readonly platform: string
  readonly method: 'exec' | 'chroot' | 'exe' | 'argv0' | 'setuid' | 'docker' | 'podman' | 'image'
  readonly ok: boolean
  readonly ms: number
  /** On failure: command, output, status, likely cause and fix. */
  readonly detail?: string
}

export interface Check {
  readonly target: string
  /** The entry this run expects to run the target. */
  readonly entry: Entry
}

/** A command's result and how long it took; a command that cannot start is a result too. */
export async function timed(
  fn: () => Promise<ExecResult>
): Promise<{ result: ExecResult; ms: number }> {
  const start = performance.now()
  const result = await fn().catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }))
  return { result, ms: Math.round(performance.now() - start) }
}

/** One log line per check: platform, target, method, verdict and time. */
export function logResults(results: VerifyResult[], log: Log): VerifyResult[] {
  for (const r of results) {
    log.info(`${r.platform} (${r.target}) ${r.method}: ${r.ok ? 'ok' : 'FAILED'} in ${r.ms} ms`)
  }
  return results
}

/** Run every probe directly and from a chroot; all checks run, then the caller decides. */
export async function verifyExec(
  table: BinfmtTable,
  checks: readonly Check[],
  log: Log,
  exec: Runner = run,
  /** Also run each probe from a chroot (needs root or sudo -n). */
  { chroot: inChroot = true }: { chroot?: boolean } = {}
): Promise<VerifyResult[]> {
  const dir = await makeTempDir('verify')
  try {
    // Platforms in parallel: each check is mostly QEMU starting up.
    const perTarget = await Promise.all(
      checks.map(c => checkTarget(table, c, dir, log, exec, inChroot))
    )
    return logResults(perTarget.flat(), log)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function checkTarget(
  table: BinfmtTable,
  { target, entry }: Check,
  dir: string,
  log: Log,
  exec: Runner,
  inChroot: boolean
): Promise<VerifyResult[]> {
  const program = probeProgram(target)
  const path = join(dir, `probe-${target}`)
  await writeFile(path, program)
  await chmod(path, 0o755)
  const platform = ociPlatforms(target)[0]
  const expected = `${probeMarker(target)}\n`

  const direct = await timed(() => exec([path], { allowFailure: true, log }))
  const directOk = direct.result.code === 0 && direct.result.stdout === expected
  const results: VerifyResult[] = [
    {
      target,
      platform,
      method: 'exec',
      ok: directOk,
      ms: direct.ms,
      detail: directOk ? undefined : await diagnose(table, entry, program, [path], direct.result)
    }
  ]
  if (!directOk || !entry.flags.includes('F') || !inChroot) return results

  // A root holding only the probe: the interpreter's path does not exist in there.
  const root = join(dir, `root-${target}`)
  await mkdir(root)
  await writeFile(join(root, 'probe'), program, { mode: 0o755 })
  // chroot needs root; others already need sudo -n to change binfmt_misc. (An unprivileged
  // user namespace would do too, but Ubuntu 24.04 forbids those by default.)
  const chroot = ['chroot', root, '/probe']
  const argv = process.getuid?.() === 0 ? chroot : ['sudo', '-n', ...chroot]
  const inRoot = await timed(() => exec(argv, { allowFailure: true, log }))
  const rootOk = inRoot.result.code === 0 && inRoot.result.stdout === expected
  results.push({
    target,
    platform,
    method: 'chroot',
    ok: rootOk,
    ms: inRoot.ms,
    detail: rootOk
      ? undefined
      : explain(
          argv,
          inRoot.result,
          `the interpreter is not reachable from a chroot although ${entry.name} has the F flag`,
          'check that the interpreter is static; re-register with flags including F'
        )
  })
  return results
}

function explain(argv: readonly string[], result: ExecResult, cause: string, fix: string): string {
  const output = `${result.stdout}${result.stderr}`.trim().slice(0, 500) || '(no output)'
  return `${argv.join(' ')} exited with ${result.code}: ${output}. Likely cause: ${cause}. Fix: ${fix}.`
}

/**
 * With `status` at 0 the kernel runs no entry, so the probe is not even handed to QEMU (and
 * the shell may try it as a script): say so rather than blame the interpreter. Writing 1
 * enables it again; -1 would remove every entry.
 */
async function disabledAsAWhole(
  table: BinfmtTable,
  argv: readonly string[],
  result: ExecResult
): Promise<string | undefined> {
  if ((await table.enabledAsAWhole()) !== false) return undefined
  const root = table.root
  return explain(
    argv,
    result,
    `binfmt_misc is disabled as a whole (${root}/status reads 'disabled'), so the kernel runs no entry, ours included`,
    `enable it as root with: echo 1 > ${root}/status (if something disabled it on purpose, ask first)`
  )
}

/** Look at the table to say why a probe did not run. */
async function diagnose(
  table: BinfmtTable,
  entry: Entry,
  program: Buffer,
  argv: readonly string[],
  result: ExecResult
): Promise<string> {
  const off = await disabledAsAWhole(table, argv, result)
  if (off) return off
  const current = await table.get(entry.name)
  if (!current) {
    return explain(
      argv,
      result,
      `binfmt_misc entry ${entry.name} is missing (something removed it)`,
      'run setup-binfmt again'
    )
  }
  if (!current.enabled) {
    return explain(
      argv,
      result,
      `binfmt_misc entry ${entry.name} is disabled`,
      `echo 1 > ${table.root}/${entry.name}`
    )
  }
  const claim = claimedBy(program, await table.inMatchOrder())
  if (!claim) {
    return explain(
      argv,
      result,
      `no enabled entry matches this platform's ELF header (wrong magic or mask in ${entry.name})`,
      'remove the entry and register it again with setup-binfmt'
    )
  }
  if (claim.name !== entry.name) {
    return explain(
      argv,
      result,
      `entry ${claim.name} takes precedence over ${entry.name} and runs ${claim.interpreter}`,
      `remove or disable ${claim.name}, or use reset: true`
    )
  }
  if (!current.flags.includes('F') && !existsSync(current.interpreter)) {
    return explain(
      argv,
      result,
      `the interpreter ${current.interpreter} is gone and ${entry.name} lacks the F flag, so the kernel looks for it at every start`,
      'register with flags including F (the default POCF)'
    )
  }
  if (result.signal) {
    return explain(
      argv,
      result,
      `the interpreter ${current.interpreter} crashed (${result.signal})`,
      'use another QEMU version (qemu-version)'
    )
  }
  return explain(
    argv,
    result,
    `the interpreter ${current.interpreter} failed to run the program`,
    'check the interpreter runs: <interpreter> --version; try another QEMU version'
  )
}
