// Emulation as containers see it: Docker (and Podman) run foreign images through the host's
// global binfmt_misc table, so a registered entry only helps `docker run --platform` when its
// interpreter can be opened from inside the container (the F flag).
//
// Every function takes the container engine as an option: `docker` (the default) or
// `podman`, whose load, run and rmi take the same arguments. Podman as root needs no daemon.
//
// The engines, and one container per target: dockerSmoke builds one tiny image per target in
// memory (images.ts) holding the target's probe as /probe, loads them all with one `load`,
// runs them all at once with --platform, and removes them again; container-check.ts uses it
// for targets without a chain probe. dockerUname runs `uname -m` in a user's image per target.
//
// Measured on a 2-core machine with docker.io 20.10: one `docker load` of three probe images
// takes about 0.4 s; the three runs together about 0.8 s; `docker rmi` 0.05 s. Hence the
// chain of container-check.ts: one `import` (0.1 s) and one run.

import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { run, type ExecResult } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { imageArchive, type ImageSpec } from './images.js'
import { ociPlatforms } from '../platform/names.js'
import { probeMarker, probeProgram } from '../platform/probes.js'

export interface SmokeResult {
  readonly target: string
  /** The OCI platform run, as given to `docker run --platform`. */
  readonly platform: string
  readonly ok: boolean
  /** Wall time of the `docker run`, in milliseconds. */
  readonly ms: number
  /** The docker command line that ran. */
  readonly command: string[]
  /** Its exit status (125: docker itself failed; 126, 127: the command could not start). */
  readonly code: number
  /** When ok, what the container printed; otherwise what went wrong, with docker's error. */
  readonly output: string
}

export interface DockerOptions {
  /** Timeout of each `docker run`; default 60 s, for dockerUname 300 s (it may pull). */
  readonly timeoutMs?: number
  /** The container engine to drive; default docker. */
  readonly engine?: EngineName | Engine
}

// --- Container engines -------------------------------------------------------------------

export const ENGINE_NAMES = ['docker', 'podman'] as const
export type EngineName = (typeof ENGINE_NAMES)[number]

/** A container engine: its name and the argv prefix every command starts with. */
export interface Engine {
  readonly name: EngineName
  /** The program and its global options, e.g. ['podman', '--root', '/tmp/store']. */
  readonly command: readonly string[]
  /** Extra options for every `run`, e.g. ['--ulimit', 'nofile=1024:1024']. */
  readonly runOptions?: readonly string[]
}

/** An engine by name, with global options (before the subcommand) and run options. */
export function containerEngine(
  name: EngineName,
  options: { global?: readonly string[]; run?: readonly string[] } = {}
): Engine {
  return { name, command: [name, ...(options.global ?? [])], runOptions: options.run ?? [] }
}

export function engineOf(engine: EngineName | Engine | undefined): Engine {
  return typeof engine === 'object' ? engine : containerEngine(engine ?? 'docker')
}

export const LABEL: Record<EngineName, string> = { docker: 'Docker', podman: 'Podman' }

/** The repository of the probe images; the tag is the target. */
export const PROBE_REPOSITORY = 'setup-binfmt-probe'

export function probeImageTag(target: string): string {
  return `${PROBE_REPOSITORY}:${target}`
}

/** The platform a target's containers are run as: the first (newest) of its OCI platforms. */
export function dockerPlatform(target: string): string {
  return ociPlatforms(target)[0]
}

/** The probe image of a target: /probe alone, run as the entrypoint. */
export function probeImage(target: string): ImageSpec {
  return {
    tag: probeImageTag(target),
    platform: dockerPlatform(target),
    files: [{ path: '/probe', mode: 0o755, content: probeProgram(target) }],
    entrypoint: ['/probe']
  }
}

export const RUN_TIMEOUT = 60_000
const PULL_TIMEOUT = 300_000
const QUICK_TIMEOUT = 10_000

/**
 * True when the engine answers: a Docker daemon `docker version`, Podman (no daemon) `podman
 * version`. Whether it can run containers is for the container check's first container to show
 * (`podman info` would cost more than that container).
 */
export async function dockerAvailable(
  log?: Log,
  engine: EngineName | Engine = 'docker'
): Promise<boolean> {
  const e = engineOf(engine)
  const query =
    e.name === 'podman'
      ? ['version', '--format', '{{.Client.Version}}']
      : ['version', '--format', '{{.Server.Version}}']
  try {
    const r = await run([...e.command, ...query], {
      allowFailure: true,
      timeoutMs: QUICK_TIMEOUT,
      log
    })
    if (r.code === 0 && r.stdout.trim()) {
      log?.debug(`${e.name}: ${e.name === 'podman' ? '' : 'server '}${r.stdout.trim()} answers`)
      return true
    }
    log?.debug(
      `${e.name}: ${e.name === 'podman' ? 'podman version fails' : 'no daemon answers'} ` +
        `(exit ${r.code}: ${dockerError(r.stderr)})`
    )
    return false
  } catch (err) {
    log?.debug(`${e.name}: ${(err as Error).message}`)
    return false
  }
}

/** The first engine that answers, in the order given (Docker first), or undefined. */
export async function availableEngine(
  log?: Log,
  candidates: ReadonlyArray<EngineName | Engine> = ENGINE_NAMES
): Promise<Engine | undefined> {
  for (const candidate of candidates) {
    if (await dockerAvailable(log, candidate)) return engineOf(candidate)
  }
  return undefined
}

/**
 * Run each target's probe in a container, all targets at once. A result is ok when the
 * container printed exactly the probe's marker line and exited 0. Throws only when the probe
 * images cannot be built or loaded; the images are removed again in every case.
 */
export async function dockerSmoke(
  targets: readonly string[],
  log?: Log,
  options: DockerOptions = {}
): Promise<SmokeResult[]> {
  return withProbeImages(targets, log, options, unique => runProbes(unique, log, options))
}

function runProbes(targets: readonly string[], log: Log | undefined, options: DockerOptions) {
  return Promise.all(
    targets.map(target =>
      runContainer(target, [probeImageTag(target)], `${probeMarker(target)}\n`, log, options)
    )
  )
}

/** Load the probe images of `targets` with one `load`, run `fn`, and remove them again. */
async function withProbeImages<T>(
  targets: readonly string[],
  log: Log | undefined,
  options: DockerOptions,
  fn: (unique: string[]) => Promise<T>
): Promise<T> {
  const unique = [...new Set(targets)]
  if (unique.length === 0) return fn(unique)
  const engine = engineOf(options.engine)
  const { archive } = imageArchive(unique.map(probeImage))
  const tags = unique.map(probeImageTag)
  try {
    log?.debug(`${engine.name}: loading ${tags.join(', ')} (${archive.length} bytes)`)
    try {
      await run([...engine.command, 'load', '-q'], {
        input: archive,
        timeoutMs: RUN_TIMEOUT,
        log
      })
    } catch (e) {
      throw new Error(
        `Cannot load the probe images into ${LABEL[engine.name]}: ${(e as Error).message}`,
        { cause: e }
      )
    }
    return await fn(unique)
  } finally {
    await removeImages(engine, tags, log)
  }
}

/** What `uname -m` prints for each target's containers; the first is what QEMU reports. */
const UNAME_MACHINES: Readonly<Record<string, readonly string[]>> = {
  x86_64: ['x86_64'],
  // Native 32-bit x86 containers on an x86_64 kernel may report x86_64 (no linux32 personality).
  i386: ['i686', 'i586', 'i486', 'i386', ...(process.arch === 'x64' ? ['x86_64'] : [])],
  aarch64: ['aarch64'],
  aarch64_be: ['aarch64_be'],
  // armv8l: 32-bit ARM run natively on an arm64 kernel.
  arm: ['armv7l', 'armv8l', 'armv6l'],
  armeb: ['armv7b', 'armv8b'],
  riscv64: ['riscv64'],
  riscv32: ['riscv32'],
  ppc64le: ['ppc64le'],
  ppc64: ['ppc64'],
  ppc: ['ppc'],
  s390x: ['s390x'],
  mips64el: ['mips64'],
  mips64: ['mips64'],
  mips: ['mips'],
  mipsel: ['mips'],
  loongarch64: ['loongarch64']
}

/** The machine names `uname -m` may print in a container of `target`. */
export function unameMachines(target: string): readonly string[] {
  return Object.hasOwn(UNAME_MACHINES, target) ? UNAME_MACHINES[target] : [target]
}

/**
 * Run `uname -m` in `image` for each target and compare with the target's machine name.
 * One target after the other: a run for a platform the local image is not pulls it, which
 * moves the image's tag, and runs in parallel would race on that tag.
 */
export async function dockerUname(
  image: string,
  targets: readonly string[],
  log?: Log,
  options: DockerOptions = {}
): Promise<SmokeResult[]> {
  const results: SmokeResult[] = []
  for (const target of new Set(targets)) {
    results.push(
      await runContainer(target, [image, 'uname', '-m'], undefined, log, {
        ...options,
        timeoutMs: options.timeoutMs ?? PULL_TIMEOUT
      })
    )
  }
  return results
}

/**
 * `docker run` one container of `target`'s platform. With `expected`, ok means exactly that
 * output; without, the output must be one of the target's `uname -m` names.
 */
async function runContainer(
  target: string,
  imageAndArgs: readonly string[],
  expected: string | undefined,
  log: Log | undefined,
  options: DockerOptions
): Promise<SmokeResult> {
  const platform = dockerPlatform(target)
  const engine = engineOf(options.engine)
  // Named, so a container whose docker client timed out can be removed.
  const name = `setup-binfmt-${target}-${randomBytes(4).toString('hex')}`
  const command = [...engine.command, 'run', '--rm', '--network', 'none', '--name', name]
  command.push(...(engine.runOptions ?? []))
  // Probe images are local: never let a platform mismatch turn into a registry pull.
  if (expected !== undefined) command.push('--pull', 'never')
  command.push('--platform', platform, ...imageAndArgs)

  const { r, ms } = await runNamed(engine, command, name, options.timeoutMs ?? RUN_TIMEOUT, log)
  const printed = r.stdout.trim()
  const machines = unameMachines(target)
  const ok =
    r.code === 0 && (expected !== undefined ? r.stdout === expected : machines.includes(printed))
  const want = expected !== undefined ? JSON.stringify(expected.trim()) : machines.join(' or ')
  const timeout = options.timeoutMs ?? RUN_TIMEOUT
  const output = ok ? printed : failure(engine, target, r, want, timeout)
  const result: SmokeResult = { target, platform, ok, ms, command, code: r.code, output }
  log?.debug(
    `${engine.name} ${platform} (${target}): ${ok ? 'ok' : 'FAILED'} in ${ms} ms: ${output}`
  )
  return result
}

/**
 * Run a `run --name name` command line; when the client is killed by its timeout, the
 * container may still run, and is removed by name.
 */
export async function runNamed(
  engine: Engine,
  command: readonly string[],
  name: string,
  timeoutMs: number,
  log?: Log
): Promise<{ r: ExecResult; ms: number }> {
  const start = performance.now()
  const r: ExecResult = await run(command, { allowFailure: true, timeoutMs, log }).catch(
    (e: Error) => ({ code: -1, stdout: '', stderr: e.message })
  )
  const ms = Math.round(performance.now() - start)
  if (r.signal) {
    await run([...engine.command, 'rm', '-f', name], {
      allowFailure: true,
      timeoutMs: QUICK_TIMEOUT,
      log
    })
  }
  return { r, ms }
}

/** What went wrong, in one line: exit status, what was printed, the engine's error, a hint. */
export function failure(
  engine: Engine,
  target: string,
  r: ExecResult,
  want: string,
  timeoutMs: number
): string {
  const parts: string[] = [`exit ${r.code}`]
  if (r.signal) {
    parts.push(
      `${engine.name} run was killed by ${r.signal} (its timeout is ${timeoutMs / 1000} s)`
    )
  }
  const printed = r.stdout.trim()
  if (printed || r.code === 0) {
    const shown = printed.length > 200 ? `${printed.slice(0, 200)}...` : printed
    parts.push(`printed ${JSON.stringify(shown)} instead of ${want}`)
  }
  const error = dockerError(r.stderr)
  if (error) parts.push(error)
  const hint = hintFor(engine, target, r.stderr)
  if (hint) parts.push(hint)
  return parts.join('; ')
}

export function hintFor(engine: Engine, target: string, stderr: string): string | undefined {
  if (/exec format error/i.test(stderr) && ownUserNamespace()) {
    return (
      `this process runs in a user namespace (uid_map ${JSON.stringify(ownUserNamespace())}), whose binfmt_misc ` +
      `is its own: the entries registered here are not in the host's table, which ${LABEL[engine.name]}'s ` +
      `containers use. Register from the host (as root or with sudo), or through the engine (registrar: ${engine.name})`
    )
  }
  if (/exec format error/i.test(stderr)) {
    return (
      `the kernel found no binfmt_misc entry for ${target} programs that works in containers ` +
      `(register qemu-${target} with the F flag, so the interpreter is opened outside the container)`
    )
  }
  if (/no such file or directory/i.test(stderr) && /exec|runc|OCI runtime/i.test(stderr)) {
    return (
      `an interpreter path in binfmt_misc does not exist inside the container ` +
      `(register qemu-${target} with the F flag)`
    )
  }
  if (/does not match the specified platform/i.test(stderr)) {
    return `the image is not built for ${dockerPlatform(target)}`
  }
  // Podman, with --pull never, when no local image has the platform.
  if (/image not known/i.test(stderr)) {
    return `no local image for ${dockerPlatform(target)} (not loaded, or not built for it)`
  }
  if (/Cannot connect to the Docker daemon|Is the docker daemon running/i.test(stderr)) {
    return 'no Docker daemon answers'
  }
  if (/cgroups in hybrid mode not supported/i.test(stderr)) {
    return (
      `${engine.name}'s OCI runtime crun cannot run containers on this host's cgroup v1 or hybrid ` +
      `hierarchy: use runc (runtime = "runc" under [engine] in containers.conf)`
    )
  }
  // runc raising the container's limits above its own (Podman as root asks for 1048576
  // open files) without CAP_SYS_RESOURCE, as inside an unprivileged container.
  if (/setting rlimit/i.test(stderr)) {
    return (
      `${engine.name} cannot set the container's resource limits here (no CAP_SYS_RESOURCE): ` +
      `give it limits within this process's, e.g. default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"] ` +
      `in containers.conf`
    )
  }
  return undefined
}

/**
 * This process's uid_map when it is not the initial user namespace's (then its binfmt_misc,
 * on Linux 6.7+, may be a private instance the engine's containers do not use), else ''.
 */
function ownUserNamespace(): string {
  try {
    const map = readFileSync('/proc/self/uid_map', 'utf8').trim().replace(/\s+/g, ' ')
    return map === '0 0 4294967295' ? '' : map
  } catch {
    return ''
  }
}

/** The last line of docker's stderr that says something (not "Run 'docker run --help'..."). */
export function dockerError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !/^(Run|See) 'docker .*--help'/.test(l))
  return lines[lines.length - 1] ?? ''
}

/** Remove images by tag; one that is gone already is fine, anything else is a warning. */
export async function removeImages(
  engine: Engine,
  tags: readonly string[],
  log?: Log
): Promise<void> {
  const r = await run([...engine.command, 'rmi', ...tags], {
    allowFailure: true,
    timeoutMs: RUN_TIMEOUT,
    log
  }).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }))
  if (r.code === 0) return
  const problems = r.stderr
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !/no such image|image not known/i.test(l))
  if (problems.length > 0) {
    log?.warning(`${engine.name} rmi ${tags.join(' ')} failed: ${problems[problems.length - 1]}`)
  }
}
