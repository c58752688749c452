// The container check: does emulation work where containers run? Every foreign probe runs in
// ONE container of this host's own platform, for the cost of one start: its entrypoint is a
// chain probe of the host (probes.ts), which prints its marker and execs the first foreign
// link, which prints its marker and execs the next, and so on. Each foreign exec goes through
// the host's binfmt_misc from inside the container, which needs an interpreter the container
// can reach (the F flag): what `docker run --platform` of a foreign image needs too.
//
// The links reach the engine as a folder Podman runs as the container's root, or as one Docker
// `import` of a tar of them (no image config to build or load), removed again in every case. The host's own link shows that the engine runs containers at all: when
// it does not print, the failure is the engine's, not emulation's. A link whose exec fails
// stops its chain; the links after it run in another round, so every target gets a verdict.
// Targets without a chain probe run as one container each, with --platform (dockerSmoke).

import { randomBytes } from 'node:crypto'
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { errnoName } from '../util/errno.js'
import { run } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { makeTempDir } from '../util/temp.js'
import { layerTar, type ImageFile } from './images.js'
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

/** The first round's image, made before the engine is known to answer (see prepareChain). */
export interface PreparedChain {
  readonly engine: Engine
  readonly links: readonly string[]
  readonly image: Promise<ChainImage>
}

/** The foreign targets, and the first round's links: the host's, then each chained target's. */
function plan(targets: readonly string[], hostTarget: string) {
  const foreign = [...new Set(targets)].filter(t => t !== hostTarget)
  const chained = foreign.filter(t => CHAIN_PROBE_TARGETS.includes(t))
  return { foreign, chained, links: [hostTarget, ...chained] }
}

/**
 * Start making the first round's image, for the engine about to be asked whether it answers:
 * both take a round trip to the daemon, so they overlap. Hand it to containerCheck, or to
 * discardChain when another engine is taken.
 */
export function prepareChain(
  engine: Engine,
  targets: readonly string[],
  hostTarget: string,
  log?: Log,
  options: DockerOptions = {}
): PreparedChain {
  const { links } = plan(targets, hostTarget)
  const image = chainImage(engine, chainFiles(links), options.timeoutMs ?? RUN_TIMEOUT, log)
  image.catch(() => {}) // awaited later, by containerCheck or discardChain
  return { engine, links, image }
}

export async function discardChain(prepared: PreparedChain): Promise<void> {
  await prepared.image.then(
    i => i.remove(),
    () => {}
  )
}

export async function containerCheck(
  targets: readonly string[],
  hostTarget: string,
  log?: Log,
  options: DockerOptions & { prepared?: PreparedChain } = {}
): Promise<ContainerCheck> {
  const { foreign, chained } = plan(targets, hostTarget)
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
  options: DockerOptions & { prepared?: PreparedChain }
): Promise<ContainerCheck> {
  const engine = engineOf(options.engine)
  const results: SmokeResult[] = []
  let launcher: SmokeResult | undefined
  let pending = [...targets]
  let prepared = options.prepared
  do {
    const links = [host, ...pending]
    const early = prepared && sameLinks(prepared.links, links) ? prepared.image : undefined
    prepared = undefined
    const round = await runChain(engine, links, log, options, early)
    launcher ??= round.launcher
    if (!round.launcher.ok) return { launcher: round.launcher, results: [] }
    results.push(...round.decided)
    pending = round.rest
  } while (pending.length > 0)
  return { launcher, results }
}

const sameLinks = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((t, i) => t === b[i])

const LINK_DIR = '/setup-binfmt'
const linkPath = (i: number) => `${LINK_DIR}/${i}`

interface Round {
  readonly launcher: SmokeResult
  /** Verdicts for the links up to the first that failed. */
  readonly decided: SmokeResult[]
  /** The links after a failed one, not run. */
  readonly rest: string[]
}

/** Each link execs the next; the last is a plain probe. */
function chainFiles(links: readonly string[]): ImageFile[] {
  const last = links.length - 1
  return links.map((target, i) => ({
    path: linkPath(i),
    mode: 0o755,
    content: i < last ? chainProgram(target, linkPath(i + 1)) : probeProgram(target)
  }))
}

async function runChain(
  engine: Engine,
  links: readonly string[],
  log: Log | undefined,
  options: DockerOptions,
  early?: Promise<ChainImage>
): Promise<Round> {
  const last = links.length - 1
  const name = `setup-binfmt-chain-${randomBytes(4).toString('hex')}`
  const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT
  log?.debug(`${engine.name}: links ${links.join(' -> ')}`)
  const image = await (early ?? chainImage(engine, chainFiles(links), timeoutMs, log))
  const command = [...engine.command, 'run', '--rm', '--network', 'none', '--name', name]
  command.push(...(engine.runOptions ?? []), ...image.run, linkPath(0))
  try {
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
    await image.remove()
  }
}

/** Where the chain's container comes from, as `run` arguments, and how it goes again. */
export interface ChainImage {
  readonly run: readonly string[]
  remove(): Promise<void>
}

/**
 * Podman runs a folder as the container's root (`--rootfs`): no image to import or remove, two
 * commands fewer. Docker has no such option: one `import` of the links as a layer.
 */
async function chainImage(
  engine: Engine,
  files: readonly ImageFile[],
  timeoutMs: number,
  log: Log | undefined
): Promise<ChainImage> {
  if (engine.name === 'podman') {
    const dir = await makeTempDir('chain')
    const remove = () => rm(dir, { recursive: true, force: true })
    try {
      const root = join(dir, 'rootfs')
      // Podman, as root or as this user, reads the folder; the programs must be executable.
      await chmod(dir, 0o755)
      for (const f of files) {
        await mkdir(dirname(join(root, f.path)), { recursive: true })
        await writeFile(join(root, f.path), f.content ?? '', { mode: f.mode })
      }
      return { run: ['--rootfs', root], remove }
    } catch (e) {
      await remove()
      throw e
    }
  }
  const tag = `${PROBE_REPOSITORY}:chain-${randomBytes(4).toString('hex')}`
  try {
    await run([...engine.command, 'import', '-', tag], { input: layerTar(files), timeoutMs, log })
  } catch (e) {
    await removeImages(engine, [tag], log)
    throw new Error(
      `Cannot import the probe image into ${LABEL[engine.name]}: ${(e as Error).message}`,
      {
        cause: e
      }
    )
  }
  return { run: ['--pull', 'never', tag], remove: () => removeImages(engine, [tag], log) }
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
    const name = errnoName(errno)
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

/** The kernel's words for the errors an exec of a probe meets, as hintFor reads them. */
const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOEXEC: 'exec format error',
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOMEM: 'cannot allocate memory',
  ELIBBAD: 'accessing a corrupted shared library'
}
