// The container check: does emulation work where containers run? Every foreign probe runs in
// ONE container of this host's own platform, for the cost of one start: its entrypoint is a
// chain probe of the host (probes.ts), which prints its marker and execs the first foreign
// link, which prints its marker and execs the next, and so on. Each foreign exec goes through
// the host's binfmt_misc from inside the container, which needs an interpreter the container
// can reach (the F flag): what `docker run --platform` of a foreign image needs too.
//
// The image is one `import` of a tar of the links (no image config to build or load), removed
// again in every case. The host's own link shows that the engine runs containers at all: when
// it does not print, the failure is the engine's, not emulation's. A link whose exec fails
// stops its chain; the links after it run in another round, so every target gets a verdict.
// Targets without a chain probe run as one container each, with --platform (dockerSmoke).

import { randomBytes } from 'node:crypto'
import { constants } from 'node:os'
import { run } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { layerTar } from './images.js'
import {
  CHAIN_PROBE_TARGETS,
  chainExecErrno,
  chainProgram,
  probeMarker,
  probeProgram
} from '../platform/probes.js'
import {
  dockerPlatform,
  dockerSmoke,
  engineOf,
  failure,
  hintFor,
  LABEL,
  PROBE_REPOSITORY,
  removeImages,
  RUN_TIMEOUT,
  runNamed,
  type DockerOptions,
  type Engine,
  type SmokeResult
} from './containers.js'

/** What the container check found: whether the engine runs containers at all, then each target. */
export interface ContainerCheck {
  /** The probe of this host's own platform: when it fails, the engine cannot start containers here. */
  readonly launcher: SmokeResult
  /** The foreign targets' probes, in the order asked; none when the launcher failed. */
  readonly results: SmokeResult[]
}

export async function containerCheck(
  targets: readonly string[],
  hostTarget: string,
  log?: Log,
  options: DockerOptions = {}
): Promise<ContainerCheck> {
  const foreign = [...new Set(targets)].filter(t => t !== hostTarget)
  const chained = foreign.filter(t => CHAIN_PROBE_TARGETS.includes(t))
  const alone = foreign.filter(t => !CHAIN_PROBE_TARGETS.includes(t))
  const [chain, separate] = await Promise.all([
    chainCheck(hostTarget, chained, log, options),
    alone.length > 0 ? dockerSmoke(alone, log, options) : Promise.resolve([])
  ])
  if (!chain.launcher.ok) return { launcher: chain.launcher, results: [] }
  const all = [...chain.results, ...separate]
  return {
    launcher: chain.launcher,
    results: foreign.map(t => all.find(r => r.target === t) as SmokeResult)
  }
}

/** Rounds of one chain each, until every target has a verdict or the launcher fails. */
async function chainCheck(
  host: string,
  targets: readonly string[],
  log: Log | undefined,
  options: DockerOptions
): Promise<ContainerCheck> {
  const engine = engineOf(options.engine)
  const results: SmokeResult[] = []
  let launcher: SmokeResult | undefined
  let pending = [...targets]
  do {
    const round = await runChain(engine, [host, ...pending], log, options)
    launcher ??= round.launcher
    if (!round.launcher.ok) return { launcher: round.launcher, results: [] }
    results.push(...round.decided)
    pending = round.rest
  } while (pending.length > 0)
  return { launcher, results }
}

const LINK_DIR = '/setup-binfmt'
const linkPath = (i: number) => `${LINK_DIR}/${i}`

interface Round {
  readonly launcher: SmokeResult
  /** Verdicts for the links up to the first that failed. */
  readonly decided: SmokeResult[]
  /** The links after a failed one, not run. */
  readonly rest: string[]
}

async function runChain(
  engine: Engine,
  links: readonly string[],
  log: Log | undefined,
  options: DockerOptions
): Promise<Round> {
  const last = links.length - 1
  const files = links.map((target, i) => ({
    path: linkPath(i),
    mode: 0o755,
    content: i < last ? chainProgram(target, linkPath(i + 1)) : probeProgram(target)
  }))
  const id = randomBytes(4).toString('hex')
  const tag = `${PROBE_REPOSITORY}:chain-${id}`
  const name = `setup-binfmt-chain-${id}`
  const command = [...engine.command, 'run', '--rm', '--network', 'none', '--name', name]
  command.push(...(engine.runOptions ?? []), '--pull', 'never', tag, linkPath(0))
  const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT
  log?.debug(`${engine.name}: importing ${tag} (links ${links.join(' -> ')})`)
  try {
    try {
      await run([...engine.command, 'import', '-', tag], {
        input: layerTar(files),
        timeoutMs,
        log
      })
    } catch (e) {
      throw new Error(
        `Cannot import the probe image into ${LABEL[engine.name]}: ${(e as Error).message}`,
        { cause: e }
      )
    }
    const { r, ms } = await runNamed(engine, command, name, timeoutMs, log)
    const lines = r.stdout.split('\n')
    let printed = 0
    while (printed < links.length && lines[printed] === probeMarker(links[printed])) printed++
    const allOk = printed === links.length && r.code === 0
    const verdict = (target: string, ok: boolean, output: string): SmokeResult => {
      const platform = dockerPlatform(target)
      log?.debug(`${engine.name} ${platform} (${target}): ${ok ? 'ok' : 'FAILED'}: ${output}`)
      return { target, platform, ok, ms, command, code: r.code, output }
    }
    if (printed === 0) {
      const output = failure(engine, links[0], r, JSON.stringify(probeMarker(links[0])), timeoutMs)
      return { launcher: verdict(links[0], false, output), decided: [], rest: [] }
    }
    const ok = links.slice(0, allOk ? links.length : Math.min(printed, last))
    const decided = ok.map(t => verdict(t, true, probeMarker(t)))
    if (allOk) return { launcher: decided[0], decided: decided.slice(1), rest: [] }
    const failed = ok.length
    const why = linkFailure(engine, links, failed, r.code, r.stdout)
    decided.push(verdict(links[failed], false, why))
    return { launcher: decided[0], decided: decided.slice(1), rest: links.slice(failed + 1) }
  } finally {
    await removeImages(engine, [tag], log)
  }
}

/** Why link `i` printed nothing, from the exit status of the exec that started it. */
function linkFailure(
  engine: Engine,
  links: readonly string[],
  i: number,
  code: number,
  stdout: string
): string {
  const target = links[i]
  const errno = chainExecErrno(links[i - 1], code)
  if (errno !== undefined && !stdout.includes(probeMarker(target))) {
    const name = ERRNO_NAMES.get(errno) ?? `errno ${errno}`
    const text = ERRNO_TEXT[name] ?? name
    const hint = hintFor(engine, target, `exec ${linkPath(i)}: ${text}`)
    return `the ${target} probe could not be started in the container: ${text} (${name})${hint ? `; ${hint}` : ''}`
  }
  const signal = code > 128 && code < 160 ? ` (signal ${code - 128}: its interpreter crashed)` : ''
  const lines = stdout.split('\n').slice(i).join('\n').trim()
  return (
    `exit ${code}${signal}; the ${target} probe printed ${JSON.stringify(lines.slice(0, 200))} ` +
    `instead of ${JSON.stringify(probeMarker(target))}`
  )
}

/** errno numbers by name (libuv's names cover only some, ENOEXEC not among them). */
const ERRNO_NAMES = new Map(Object.entries(constants.errno).map(([name, n]) => [n, name]))

/** The kernel's words for the errors an exec of a probe meets, as hintFor reads them. */
const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOEXEC: 'exec format error',
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOMEM: 'cannot allocate memory',
  ELIBBAD: 'accessing a corrupted shared library'
}
