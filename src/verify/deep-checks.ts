// Deeper checks, of what the registered flags promise beyond running at all, with the deep
// probes (they print their effective uid, argv[0] and /proc/self/exe):
//   exe     always: /proc/self/exe names the program, not QEMU (tools that re-exec themselves);
//   argv0   with P: a program run through a link of another name sees that name (busybox);
//   setuid  with C: a setuid-root program run by a non-root user runs as root (sudo, su).
// A flag not registered is not checked. Targets without a deep probe get only the exec checks.

import { readFileSync } from 'node:fs'
import { chmod, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { lastLine, run, type ExecResult, type Runner } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { ociPlatforms } from '../platform/names.js'
import { DEEP_PROBE_TARGETS, deepProbeProgram, parseDeepProbe } from '../platform/probes.js'
import { logResults, timed, type Check, type VerifyResult } from './exec-checks.js'
import { makeTempDir } from '../util/temp.js'

/** The user a root process runs the setuid probe as (nobody on Debian, Ubuntu and Fedora). */
export const NOBODY = 65534

/** Run the deep checks of every target that has a deep probe; all run, the caller decides. */
export async function verifyDeep(
  checks: readonly Check[],
  log: Log,
  exec: Runner = run
): Promise<VerifyResult[]> {
  const deep = checks.filter(c => DEEP_PROBE_TARGETS.includes(c.target))
  if (deep.length === 0) return []
  const dir = await makeTempDir('deep')
  try {
    // The setuid probe runs as another user, who must reach it.
    await chmod(dir, 0o755)
    const setuidBlocked = deep.some(c => c.entry.flags.includes('C')) ? setuidBlocker(dir) : ''
    if (setuidBlocked) log.warning(`setuid check skipped: ${setuidBlocked}`)
    const perTarget = await Promise.all(
      deep.map(c => checkTarget(c, dir, !setuidBlocked, log, exec))
    )
    return logResults(perTarget.flat(), log)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function explain(argv: readonly string[], result: ExecResult, cause: string, fix: string): string {
  const output =
    `${JSON.stringify(result.stdout)} ${result.stderr.trim()}`.trim().slice(0, 500) || '(none)'
  return `${argv.join(' ')} exited with ${result.code}, output ${output}. Likely cause: ${cause}. Fix: ${fix}.`
}

async function checkTarget(
  { target, entry }: Check,
  dir: string,
  setuid: boolean,
  log: Log,
  exec: Runner
): Promise<VerifyResult[]> {
  const platform = ociPlatforms(target)[0]
  const program = deepProbeProgram(target)
  const path = join(dir, `deep-${target}`)
  await writeFile(path, program, { mode: 0o755 })
  const results: VerifyResult[] = []
  const result = (method: VerifyResult['method'], ok: boolean, ms: number, detail: string) =>
    results.push({ target, platform, method, ok, ms, detail: ok ? undefined : detail })

  // Through a link of another name, found on PATH as a shell finds it: argv[0] is the bare
  // name, the path the kernel opens is the link's.
  const name = `setup-binfmt-renamed-${target}`
  await symlink(path, join(dir, name))
  const env = { ...process.env, PATH: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}` }
  const linked = await timed(() =>
    exec([name], { allowFailure: true, log, env, encoding: 'latin1' })
  )
  const out = linked.result.code === 0 ? parseDeepProbe(target, linked.result.stdout) : undefined
  const want = await realpath(path)
  result(
    'exe',
    out?.exe === want,
    linked.ms,
    explain(
      [name],
      linked.result,
      out
        ? `readlink /proc/self/exe answered ${JSON.stringify(out.exe)}, not the program ${want}: ${entry.interpreter} does not hide itself`
        : `the deep probe did not run or was cut short under ${entry.interpreter}`,
      'use another QEMU version (qemu-version)'
    )
  )
  if (entry.flags.includes('P')) {
    result(
      'argv0',
      out?.argv0 === name,
      linked.ms,
      explain(
        [name],
        linked.result,
        !out
          ? `the deep probe did not run or was cut short under ${entry.interpreter}`
          : out.argv0 === join(dir, name)
            ? `argv[0] arrived as the full path: the kernel did not preserve it (P needs Linux 5.12+) or ${entry.interpreter} ignores AT_FLAGS (QEMU before 6.0)`
            : `argv[0] arrived as ${JSON.stringify(out.argv0)}, expected ${JSON.stringify(name)}`,
        'use Linux 5.12+ and a QEMU of the pinned lines, or register without P'
      )
    )
  }
  const suid =
    entry.flags.includes('C') && setuid ? await checkSetuid(target, dir, log, exec) : undefined
  return suid ? [...results, suid] : results
}

async function checkSetuid(
  target: string,
  dir: string,
  log: Log,
  exec: Runner
): Promise<VerifyResult | undefined> {
  const platform = ociPlatforms(target)[0]
  const path = join(dir, `setuid-${target}`)
  await writeFile(path, deepProbeProgram(target), { mode: 0o755 })
  const root = process.getuid?.() === 0
  const start = performance.now()
  // A setuid-root file: root owns it, then the bit (chown clears it). Root runs it as nobody;
  // anyone else runs it as themselves, after sudo made it root's.
  if (root) {
    await chmod(path, 0o4755)
  } else {
    for (const argv of [
      ['sudo', '-n', 'chown', '0:0', path],
      ['sudo', '-n', 'chmod', '4755', path]
    ]) {
      const r = await exec(argv, { allowFailure: true, log })
      if (r.code !== 0) {
        const detail = explain(argv, r, 'no passwordless sudo', 'run as root or with sudo -n')
        return { target, platform, method: 'setuid', ok: false, ms: 0, detail }
      }
    }
  }
  const argv = root
    ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', path]
    : [path]
  const { result } = await timed(() => exec(argv, { allowFailure: true, log, encoding: 'latin1' }))
  const out = result.code === 0 ? parseDeepProbe(target, result.stdout) : undefined
  // setpriv could not become nobody (a user namespace that maps root alone): nothing ran
  // under emulation, so this says nothing about binfmt_misc.
  if (root && !out && /^setpriv: (setres[ug]id|setgroups) failed/m.test(result.stderr)) {
    log.warning(
      `setuid check of ${platform} skipped: cannot run a program as uid ${NOBODY} here (${lastLine(result.stderr)})`
    )
    return undefined
  }
  const ok = out?.euid === 0
  const cause = out
    ? `the setuid-root program ran with effective uid ${out.euid}: the kernel took the credentials from the interpreter, not the program (C flag not in effect)`
    : 'the setuid probe did not run or was cut short'
  return {
    target,
    platform,
    method: 'setuid',
    ok,
    ms: Math.round(performance.now() - start),
    detail: ok
      ? undefined
      : explain(argv, result, cause, 'register with flags including C (the default POCF)')
  }
}

/** Why setuid programs cannot work in `dir` whatever binfmt_misc does, or '' when they can. */
export function setuidBlocker(dir: string, status = procText('/proc/self/status')): string {
  if (/^NoNewPrivs:\s*1$/m.test(status)) {
    return 'this process has no_new_privs set (a NoNewPrivileges service or container), so no setuid program gains root here'
  }
  const mount = mountOf(dir, procText('/proc/self/mountinfo'))
  if (mount?.options.includes('nosuid')) {
    return `${dir} is on ${mount.point}, mounted nosuid; set RUNNER_TEMP to a folder on a suid mount`
  }
  return ''
}

function procText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** The mount (from /proc/self/mountinfo text) that holds `path`: the longest mount point. */
export function mountOf(
  path: string,
  mountinfo: string
): { point: string; options: string[] } | undefined {
  let best: { point: string; options: string[] } | undefined
  for (const line of mountinfo.split('\n')) {
    // id parent major:minor root point options [optional fields] - type source super-options
    const f = line.split(' ')
    if (f.length < 6) continue
    const point = f[4].replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)))
    const inside = point === '/' || path === point || path.startsWith(`${point}/`)
    if (inside && (!best || point.length >= best.point.length)) {
      best = { point, options: f[5].split(',') }
    }
  }
  return best
}
