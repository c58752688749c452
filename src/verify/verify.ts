// Proving that emulation works once the entries are registered: each platform's probe program
// through the kernel and from a chroot (exec-checks.ts), the deeper probes where those passed
// (deep-checks.ts), then in containers (container-check.ts) with Docker or Podman when asked for or
// available.

import type { Registered } from '../binfmt/register.js'
import type { BinfmtTable } from '../binfmt/table.js'
import type { Runner } from '../util/exec.js'
import type { Log } from '../util/log.js'
import {
  availableEngine,
  dockerUname,
  ENGINE_NAMES,
  engineOf,
  LABEL,
  type Engine,
  type SmokeResult
} from './containers.js'
import { containerCheck, discardChain, prepareChain } from './container-check.js'
import { HOST_ARCHES } from '../platform/host.js'
import { verifyDeep } from './deep-checks.js'
import { verifyExec, type VerifyResult } from './exec-checks.js'

export const VERIFY_METHODS = ['auto', 'exec', 'docker', 'podman', 'none'] as const
export type VerifyMethod = (typeof VERIFY_METHODS)[number]

/** The options verification follows. */
export interface VerifyOptions {
  readonly verify: VerifyMethod
  /** An image the user trusts, to run `uname -m` in per platform; none when absent. */
  readonly smokeImage?: string
  /** Also run each probe from a chroot (needs root or sudo -n); default true. */
  readonly chroot?: boolean
}

/**
 * exec always (unless docker or podman alone was asked), then containers when asked or
 * available: the engine named, else whichever answers, Docker first.
 */
export async function verify(
  table: BinfmtTable,
  registered: readonly Registered[],
  options: VerifyOptions,
  log: Log,
  exec?: Runner
): Promise<VerifyResult[]> {
  const targets = registered.map(r => r.target)
  const results: VerifyResult[] = []
  const named =
    options.verify === 'docker' || options.verify === 'podman' ? options.verify : undefined
  if (!named) {
    const checks = registered.map(r => ({ target: r.target, entry: r.entry }))
    const ran = await verifyExec(table, checks, log, exec, { chroot: options.chroot ?? true })
    const passed = checks.filter(c => ran.some(r => r.target === c.target && r.ok))
    results.push(...ran, ...(await verifyDeep(passed, log, exec)))
  }
  const wantContainers = named !== undefined || options.smokeImage !== undefined
  if (!wantContainers && options.verify !== 'auto') return results
  const candidates = named ? [named] : ENGINE_NAMES
  const hostTarget = HOST_ARCHES[process.arch]?.target ?? 'x86_64'
  // Docker's first probe image is imported while its daemon is asked whether it answers.
  const prepared =
    candidates[0] === 'docker'
      ? prepareChain(engineOf('docker'), targets, hostTarget, log)
      : undefined
  const engine = await availableEngine(log, candidates)
  if (prepared && engine?.name !== 'docker') await discardChain(prepared)
  if (!engine) {
    if (wantContainers) {
      const smoke = options.smokeImage ? ` with smoke-image ${options.smokeImage}` : ''
      throw new Error(
        named === 'podman'
          ? `verify '${options.verify}'${smoke} needs Podman, and 'podman version' fails: install podman (as root it needs no daemon), or use verify: exec`
          : named === 'docker'
            ? `verify '${options.verify}'${smoke} needs Docker, and no Docker daemon answers 'docker version': start it, or use verify: exec`
            : `verify '${options.verify}'${smoke} needs Docker or Podman, and neither answers ('docker version', 'podman version'): start one, or use verify: exec`
      )
    }
    log.info(
      'containers: neither Docker nor Podman answers, container check skipped (verify: auto)'
    )
    return results
  }
  log.info(`containers: checking with ${engine.name}`)
  const fromDocker = (method: 'docker' | 'podman' | 'image', r: SmokeResult): VerifyResult => ({
    target: r.target,
    platform: r.platform,
    method,
    ok: r.ok,
    ms: r.ms,
    detail: r.ok ? undefined : `${r.command.join(' ')}: ${r.output}`
  })
  const check = await containerCheck(targets, hostTarget, log, {
    engine,
    prepared: engine.name === 'docker' ? prepared : undefined
  })
  if (!check.launcher.ok) {
    const words = engineFailure(engine, check.launcher)
    // Asked for containers: the check cannot be done, which is a failure. Otherwise exec and
    // chroot have shown emulation works; the engine's trouble is its own.
    if (wantContainers) throw new Error(`verify '${options.verify}': ${words}, or use verify: exec`)
    log.warning(`${words}. Container check skipped (verify: auto): exec and chroot checks ran`)
    return results
  }
  log.info(
    `containers: ${engine.name} starts ${check.launcher.platform} containers (${check.launcher.ms} ms)`
  )
  results.push(...check.results.map(r => fromDocker(engine.name, r)))
  if (options.smokeImage) {
    const uname = await dockerUname(options.smokeImage, targets, log, { engine })
    results.push(...uname.map(r => fromDocker('image', r)))
  }
  for (const r of results.filter(x => x.method !== 'exec' && x.method !== 'chroot')) {
    log.info(`${r.platform} (${r.target}) ${r.method}: ${r.ok ? 'ok' : 'FAILED'} in ${r.ms} ms`)
  }
  return results
}

/** The engine cannot run containers at all here: what failed, its error, and the fix. */
function engineFailure(engine: Engine, launcher: SmokeResult): string {
  return (
    `${LABEL[engine.name]} cannot start containers here: a container of this host's own platform ` +
    `(${launcher.platform}) fails (${launcher.command.join(' ')}: ${launcher.output}). ` +
    `Fix ${engine.name} so that it runs containers`
  )
}

/** An error describing every failed check, or undefined when all passed. */
export function verificationError(result: {
  readonly verified: readonly VerifyResult[]
}): Error | undefined {
  const failed = result.verified.filter(r => !r.ok)
  if (failed.length === 0) return undefined
  const lines = failed.map(r => `${r.platform} (${r.target}, ${r.method}): ${r.detail}`)
  return new Error(`Emulation does not work for ${failed.length} check(s):\n${lines.join('\n')}`)
}
