// Changing binfmt_misc through a container engine, for a process that cannot change it itself
// (an unprivileged `container:` job, a user without sudo but with the Docker socket). Each
// change is one short-lived privileged helper container running the registrar (a static
// program of our own, src/binfmt/registrar-program.ts). The helper image is built in memory
// and loaded with `docker load`: no registry. It carries the interpreters, so the F flag
// makes the kernel open them from inside the helper and keep them after it exits.

import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { errnoName } from '../util/errno.js'
import { run, type ExecResult } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { sha256 } from '../util/hash.js'
import type { Writer } from '../binfmt/table.js'
import {
  HELPER_TABLE,
  isInitialUserNamespace,
  parseDump,
  registrarArch,
  registrarProgram,
  type Dump,
  type RegistrarArch
} from '../binfmt/registrar-program.js'
import { imageArchive, type ImageFile } from '../verify/images.js'
import { dockerError, LABEL, type Engine } from '../verify/containers.js'
import { engineRecord } from './record.js'

/** Where the helper image keeps interpreters: a folder per file digest, so a path names its bytes. */
export const HELPER_INTERPRETERS = '/setup-binfmt'

const HELPER_REPOSITORY = 'setup-binfmt-helper'
/** Where a helper that needs the host's files has the host's root, read-only. */
const HOST_ROOT = '/host'
const RUN_TIMEOUT = 120_000

/** What works instead, for an engine whose privileged containers cannot reach the host's table. */
const ALTERNATIVES =
  'register from the host instead: as root or with sudo (registrar: direct), once per boot with ' +
  "'sudo setup-binfmt export' (systemd-binfmt then loads the entries at every boot), or from a " +
  'rootful Docker or Podman that allows --privileged'

/** A container engine able to run the registrar privileged on the host's kernel. */
export class Helper {
  private readonly tags: string[] = []
  /** The local file behind each interpreter path in the helper images. */
  readonly localFiles = new Map<string, string>()

  private constructor(
    readonly engine: Engine,
    readonly arch: RegistrarArch,
    private readonly log?: Log
  ) {}

  get label(): string {
    return LABEL[this.engine.name]
  }

  /** Check that the engine can change the host's table: rootful, and on this architecture. */
  static async start(engine: Engine, log?: Log): Promise<Helper> {
    const query =
      engine.name === 'podman'
        ? ['info', '--format', '{{.Host.Arch}} {{.Host.Security.Rootless}}']
        : ['info', '--format', '{{.Architecture}} {{json .SecurityOptions}}']
    const info = await run([...engine.command, ...query], { log, timeoutMs: 30_000 })
    const [arch, ...rest] = info.stdout.trim().split(' ')
    const security = rest.join(' ')
    const label = LABEL[engine.name]
    if (/rootless|^true$/.test(security)) {
      throw new Error(
        `${label} runs rootless here (${engine.name} info: ${security}): its privileged containers live in a ` +
          `user namespace and cannot change the host's binfmt_misc. To get emulation, ${ALTERNATIVES}.`
      )
    }
    const hostArch = registrarArch(arch)
    const ours = registrarArch(process.arch)
    if (!hostArch) {
      throw new Error(
        `${label} runs on ${arch}; registering through a helper container works on x86_64 and aarch64 hosts. ` +
          `Use registrar: direct on that host`
      )
    }
    if (hostArch !== ours) {
      throw new Error(
        `${label} runs on ${arch} and this process on ${process.arch}: the interpreters got here would not run ` +
          `on the engine's host. Run setup-binfmt on a machine of the engine's architecture`
      )
    }
    log?.debug(`${engine.name}: rootful on ${arch} (${security})`)
    return new Helper(engine, hostArch, log)
  }

  /**
   * Build and load a helper image: the registrar and, when given, the interpreters. Later runs
   * use it. Returns the path each interpreter has inside the helper.
   */
  async load(
    interpreters: ReadonlyMap<string, string> = new Map()
  ): Promise<ReadonlyMap<string, string>> {
    const files: ImageFile[] = [
      { path: '/registrar', mode: 0o755, content: registrarProgram(this.arch) },
      { path: HELPER_TABLE, directory: true }
    ]
    const paths = new Map<string, string>()
    for (const [target, local] of interpreters) {
      const content = await readFile(local)
      const path = `${HELPER_INTERPRETERS}/${sha256(content).slice(0, 16)}/${basename(local)}`
      paths.set(target, path)
      this.localFiles.set(path, local)
      if (!files.some(f => f.path === path)) files.push({ path, mode: 0o755, content })
    }
    const tag = `${HELPER_REPOSITORY}:${process.pid}-${randomBytes(4).toString('hex')}`
    const { archive } = imageArchive([
      {
        tag,
        platform: this.arch === 'x86_64' ? 'linux/amd64' : 'linux/arm64',
        files,
        entrypoint: ['/registrar']
      }
    ])
    this.log?.debug(`${this.engine.name}: loading ${tag} (${archive.length} bytes)`)
    try {
      await run([...this.engine.command, 'load', '-q'], {
        input: archive,
        timeoutMs: RUN_TIMEOUT,
        log: this.log
      })
    } catch (e) {
      throw new Error(`Cannot load the helper image into ${this.label}: ${(e as Error).message}`, {
        cause: e
      })
    }
    this.tags.push(tag)
    return paths
  }

  /**
   * Run the registrar once with these operations (see registrar-program.ts); with `hostRoot`
   * the host's root is bound read-only at /host, for `c`.
   */
  async run(ops: readonly string[], { hostRoot = false } = {}): Promise<ExecResult> {
    const name = `${HELPER_REPOSITORY}-${randomBytes(4).toString('hex')}`
    // Only what the registrar needs, not --privileged (which also fails where the engine's
    // own bounding set lacks a capability): CAP_SYS_ADMIN to mount binfmt_misc and write to it
    // and to enter the host's mount namespace, CAP_SYS_PTRACE to open that namespace through
    // /proc/1 (--pid=host), no AppArmor, seccomp or SELinux confinement of mount and setns.
    // --userns=host: an engine that remaps users would make the helper's table a private one.
    const argv = [
      ...this.engine.command,
      'run',
      '--rm',
      '--cap-add',
      'SYS_ADMIN',
      '--cap-add',
      'SYS_PTRACE',
      '--security-opt',
      'apparmor=unconfined',
      '--security-opt',
      'seccomp=unconfined',
      '--security-opt',
      'label=disable',
      '--pid=host',
      '--userns=host',
      '--network',
      'none',
      '--pull',
      'never',
      '--name',
      name,
      ...(hostRoot ? ['-v', `/:${HOST_ROOT}:ro`] : []),
      // Podman as root raises the container's limits above its own, which fails without
      // CAP_SYS_RESOURCE (inside a container); the registrar needs a handful of files.
      ...(this.engine.name === 'podman'
        ? ['--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024']
        : []),
      ...(this.engine.runOptions ?? []),
      await this.image(),
      ...ops
    ]
    const r = await run(argv, { allowFailure: true, timeoutMs: RUN_TIMEOUT, log: this.log })
    if (r.signal) {
      await run([...this.engine.command, 'rm', '-f', name], { allowFailure: true, log: this.log })
    }
    return r
  }

  /** The newest helper image loaded, loading one with the registrar alone when none is. */
  async image(): Promise<string> {
    if (this.tags.length === 0) await this.load()
    return this.tags[this.tags.length - 1]
  }

  /** Remove the images this helper loaded. */
  async close(): Promise<void> {
    const tags = this.tags.splice(0)
    if (tags.length === 0) return
    const r = await run([...this.engine.command, 'rmi', ...tags], {
      allowFailure: true,
      timeoutMs: RUN_TIMEOUT,
      log: this.log
    }).catch((e: Error) => ({ code: -1, stderr: e.message, stdout: '' }))
    if (r.code !== 0) {
      this.log?.warning(
        `${this.engine.name} rmi ${tags.join(' ')} failed: ${dockerError(r.stderr)}; remove it by hand`
      )
    }
  }
}

/** The registrar's failure as an error; `code` is the errno name, as table.ts expects. */
function registrarError(helper: Helper, r: ExecResult, what: string): Error {
  const stage = /registrar: (\S+) failed/.exec(r.stderr)?.[1]
  if (!stage) {
    const detail = dockerError(r.stderr) || `exit ${r.code}`
    const hint = /privileged|user namespace|userns/i.test(detail)
      ? ` ${helper.label} refuses privileged containers here. To get emulation, ${ALTERNATIVES}.`
      : ''
    return new Error(`The ${helper.engine.name} helper container could not run (${detail}).${hint}`)
  }
  const errno = errnoName(r.code)
  if (stage === 'write') {
    return Object.assign(new Error(`${what}: ${errno}`), { code: errno })
  }
  const hint =
    errno === 'EPERM' || errno === 'EACCES'
      ? ` The engine does not give the helper full privileges (a security profile, or a user namespace). To get emulation, ${ALTERNATIVES}.`
      : ''
  return new Error(`The helper's ${stage} of binfmt_misc failed: ${errno}.${hint}`)
}

/**
 * The table through the helper: every read is a dump, every write one helper run that
 * dumps the table again afterwards, so reads in between cost nothing.
 */
export function engineWriter(helper: Helper, log?: Log): Writer {
  let last: Dump | undefined
  // Once per step the registrar tries to mount binfmt_misc on the host when it is not (`h`):
  // since Linux 6.7 a table nobody has mounted empties when the helper's mount goes.
  let hostMountTried = false
  // Set when `h` failed: whether the write outlived the helper is then for a fresh read to say.
  let hostUnreached: string | undefined
  const dump = async (
    ops: readonly string[],
    what: string,
    options: { hostRoot?: boolean } = {}
  ): Promise<Dump> => {
    const r = await helper.run(ops, options)
    const wroteAndDumped = r.stderr.startsWith('w\n') && r.stdout.startsWith('/proc/self/uid_map\0')
    if (r.code !== 0 && ops.at(-1) === 'h' && wroteAndDumped) {
      hostUnreached = `${r.stderr.replace(/^(w\n)+/, '').trim()}: ${errnoName(r.code)}`
      log?.debug(
        `${helper.engine.name} helper: cannot reach the host's mount namespace (${hostUnreached})`
      )
    } else if (r.code !== 0) throw registrarError(helper, r, what)
    const d = parseDump(r.stdout)
    if (!isInitialUserNamespace(d.uidMap)) {
      throw new Error(
        `The ${helper.engine.name} helper container runs in a user namespace (uid_map ${JSON.stringify(d.uidMap.trim())}), ` +
          `where binfmt_misc is not the host's. To get emulation, ${ALTERNATIVES}.`
      )
    }
    last = d
    return d
  }
  const files = async () => (last ?? (await dump(['m', HELPER_TABLE, 'd'], 'reading'))).files
  // An entry written in a table that nobody on the host mounts goes with the helper's mount
  // (Linux 6.7+): a second helper, mounting afresh, shows whether it stayed.
  const checkOutlived = async (line: string | undefined) => {
    const why = hostUnreached
    hostUnreached = undefined
    const entry = line?.split(':')[1]
    if (!entry) return
    const after = await dump(['m', HELPER_TABLE, 'd'], 'reading')
    if (after.files.has(entry)) return
    throw new Error(
      `The entry ${entry} registered through the ${helper.label} helper vanished when the helper exited: the host has no binfmt_misc mounted at /proc/sys/fs/binfmt_misc, and the helper could not enter the host's mount namespace to mount it (${why}). Mount it on the host ('sudo mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc', or enable systemd's proc-sys-fs-binfmt_misc.automount), then run again`
    )
  }
  return {
    files,
    write: async (file, data) => {
      if (!last) await files() // the user namespace check comes before any change
      const name = basename(file)
      // A line whose interpreter is in the helper resolves there; any other (an entry reset
      // removed, put back) resolves on the host, where its registrant found it.
      const interpreter = name === 'register' ? (data.split(':')[6] ?? '') : ''
      const inHelper = name !== 'register' || interpreter.startsWith(`${HELPER_INTERPRETERS}/`)
      const write = ['w', name, data]
      const ops = inHelper
        ? ['m', HELPER_TABLE, ...write, 'd', ...(hostMountTried ? [] : ['h'])]
        : ['m', HELPER_TABLE, 'c', HOST_ROOT, ...write, 'd']
      hostMountTried = true
      log?.debug(`${helper.engine.name} helper: ${ops.join(' ')}`)
      const what = `Writing '${data}' to binfmt_misc ${name} through the ${helper.label} helper`
      await dump(ops, what, { hostRoot: !inHelper })
      if (hostUnreached !== undefined) await checkOutlived(name === 'register' ? data : undefined)
    },
    mount: async () => {},
    place: interpreters => {
      // Registration reads the table afresh, under the lock: it may have changed meanwhile.
      last = undefined
      return helper.load(interpreters)
    },
    localFile: path => helper.localFiles.get(path),
    close: () => helper.close(),
    shared: engineRecord(helper.engine, () => helper.image(), log)
  }
}
