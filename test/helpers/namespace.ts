// A private binfmt_misc table: a user namespace (Linux 6.7+) with its own mount namespace
// and its own binfmt_misc instance, kept alive by a sleeping process. The host's global
// table is never touched. Entries are read and written from here through
// /proc/<pid>/root/proc/sys/fs/binfmt_misc; programs run inside with nsenter.

import { spawn, type ChildProcess } from 'node:child_process'
import { readlinkSync, writeFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  run,
  launch,
  type ExecOptions,
  type ExecResult,
  type Starter
} from '../../src/util/exec.js'

function nsOf(pid: number): string {
  try {
    return readlinkSync(`/proc/${pid}/ns/mnt`)
  } catch {
    return ''
  }
}

export const BINFMT = '/proc/sys/fs/binfmt_misc'
/** How many uids and gids a namespace started with `users: true` maps. */
const IDS = 65536

export class PrivateNamespace {
  private constructor(private readonly child: ChildProcess) {}

  get pid(): number {
    return this.child.pid!
  }

  /** The namespace's binfmt_misc folder, as seen from the host. */
  get root(): string {
    return `/proc/${this.pid}/root${BINFMT}`
  }

  /**
   * Start a namespace with a fresh, empty binfmt_misc instance. With `mounted: false` a tmpfs
   * covers the folder instead, so the code under test finds it unmounted and mounts its own.
   * Either way the host's instance, which the new mount namespace inherits, is covered and out
   * of reach. With `users: true` the namespace maps uids and gids 0-65535 to the same ids
   * outside (written from here, as root), so a program can run as another user in there.
   */
  static async start({ mounted = true, users = false } = {}): Promise<PrivateNamespace> {
    const map = users ? [] : ['--map-root-user']
    const child = spawn('unshare', ['--user', ...map, '--mount', '--', 'sleep', 'infinity'], {
      stdio: 'ignore'
    })
    const ns = new PrivateNamespace(child)
    // unshare makes the namespaces, then becomes sleep: wait until the mount namespace is new.
    const own = readlinkSync('/proc/self/ns/mnt')
    for (let i = 0; nsOf(child.pid!) === own; i++) {
      if (i > 400) throw new Error('unshare did not enter new namespaces')
      await sleep(5)
    }
    if (users) {
      writeFileSync(`/proc/${child.pid}/uid_map`, `0 0 ${IDS}\n`)
      writeFileSync(`/proc/${child.pid}/gid_map`, `0 0 ${IDS}\n`)
    }
    await ns.exec(
      mounted
        ? ['mount', '-t', 'binfmt_misc', 'binfmt_misc', BINFMT]
        : ['mount', '-t', 'tmpfs', 'tmpfs', BINFMT]
    )
    return ns
  }

  /** Run a command inside the namespace, as its root. */
  exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return run(['nsenter', '-t', String(this.pid), '-U', '-m', '--', ...argv], options)
  }

  /** Start a program inside the namespace and leave it running (nsenter becomes it). */
  readonly starter: Starter = (argv, options) =>
    launch(['nsenter', '-t', String(this.pid), '-U', '-m', '--', ...argv], options)

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    const exited = new Promise(resolve => this.child.once('exit', resolve))
    this.child.kill('SIGKILL')
    await exited
  }
}
