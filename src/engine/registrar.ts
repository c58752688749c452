// Which way this run changes binfmt_misc: directly (as root, or through sudo) or through a
// container engine's privileged helper. `auto` takes the direct way when this process can
// change the table itself, and the engine otherwise.

import { constants } from 'node:fs'
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chooseWriter, DEFAULT_ROOT, type Writer } from '../binfmt/table.js'
import { isInitialUserNamespace } from '../binfmt/registrar-program.js'
import { lastLine, run } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { availableEngine, containerEngine, ENGINE_NAMES } from '../verify/containers.js'
import { engineWriter, Helper } from './helper.js'
import { engineRecord } from './record.js'

export const REGISTRARS = ['auto', 'direct', 'docker', 'podman'] as const
export type RegistrarChoice = (typeof REGISTRARS)[number]
/** The way taken: recorded with the run, so that post and uninstall take it again. */
export type Registrar = Exclude<RegistrarChoice, 'auto'>

export interface ChosenRegistrar {
  readonly registrar: Registrar
  readonly writer: Writer
}

const CAP_SYS_ADMIN = 21n

/** Why this process cannot change the table at `root` itself, or undefined when it can. */
export async function whyNotDirect(root: string, log?: Log): Promise<string | undefined> {
  if (process.getuid?.() !== 0) {
    const probe = await run(['sudo', '-n', 'true'], { allowFailure: true, log }).catch(
      (e: Error) => ({ code: -1, stderr: e.message, stdout: '' })
    )
    if (probe.code === 0) return undefined
    return (
      `Changing binfmt_misc needs root, and this user (uid ${process.getuid?.()}) has no ` +
      `passwordless sudo (sudo -n true: ${lastLine(probe.stderr) || `exit ${probe.code}`})`
    )
  }
  // Reading status first triggers systemd's automount, where there is one.
  await readFile(join(root, 'status')).catch(() => undefined)
  const register = join(root, 'register')
  const mounted = await access(register).then(
    () => true,
    () => false
  )
  if (mounted) {
    return access(register, constants.W_OK).then(
      () => undefined,
      (e: NodeJS.ErrnoException) =>
        `binfmt_misc at ${root} is not writable here (${e.code}: an unprivileged container?)`
    )
  }
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '')
  const capEff = BigInt(`0x${/^CapEff:\s*([0-9a-f]+)/im.exec(status)?.[1] ?? '0'}`)
  if (((capEff >> CAP_SYS_ADMIN) & 1n) === 0n) {
    return `binfmt_misc is not mounted at ${root} and this process may not mount it (no CAP_SYS_ADMIN: an unprivileged container?)`
  }
  const uidMap = await readFile('/proc/self/uid_map', 'utf8').catch(() => '')
  if (!isInitialUserNamespace(uidMap)) {
    return (
      `binfmt_misc is not mounted at ${root} and this process is in a user namespace ` +
      `(uid_map ${JSON.stringify(uidMap.trim())}): a binfmt_misc it mounts is its own, which the host's containers do not use`
    )
  }
  return undefined
}

/**
 * The direct writer, joined to Docker's lock and owners record when Docker answers here as
 * root's: on a self-hosted machine `container:` jobs keep theirs there (each job container has
 * its own /run), and a direct run that used root's folder alone would remove entries they use.
 * Not on GitHub-hosted runners, which run one job per machine.
 */
async function directWriter(root: string, log: Log): Promise<Writer> {
  const writer = await chooseWriter(log)
  // Docker's record is for the table of the initial user namespace, the one its containers
  // use: a process in another user namespace has a binfmt_misc of its own.
  const uidMap = await readFile('/proc/self/uid_map', 'utf8').catch(() => '')
  const alone =
    root !== DEFAULT_ROOT ||
    !isInitialUserNamespace(uidMap) ||
    process.env.RUNNER_ENVIRONMENT === 'github-hosted' ||
    process.env.SETUP_BINFMT_LOCK_DIR
  if (alone) return writer
  const engine = await availableEngine(log, ['docker'])
  const helper =
    engine &&
    (await Helper.start(engine, log).catch((e: Error) => {
      log.debug(`binfmt_misc lock and owners record: root's folder alone (${e.message})`)
      return undefined
    }))
  if (!helper) return writer
  log.debug(
    `binfmt_misc lock and owners record: root's folder and ${helper.label}'s, shared with container: jobs`
  )
  return {
    ...writer,
    shared: engineRecord(helper.engine, () => helper.image(), log, { alongsideHost: true }),
    close: async () => {
      await writer.close?.()
      await helper.close()
    }
  }
}

/** The registrar for this run, logged with the reason it was taken. */
export async function chooseRegistrar(
  choice: RegistrarChoice,
  root: string,
  log: Log
): Promise<ChosenRegistrar> {
  if (choice === 'direct' || (choice === 'auto' && root !== DEFAULT_ROOT)) {
    log.info(`registrar: direct${choice === 'auto' ? ` (a table of its own at ${root})` : ''}`)
    return { registrar: 'direct', writer: await directWriter(root, log) }
  }
  if (choice === 'auto') {
    const why = await whyNotDirect(root, log)
    if (why === undefined) {
      log.info(
        `registrar: direct (this process can change binfmt_misc: ${process.getuid?.() === 0 ? 'root' : 'sudo -n'})`
      )
      return { registrar: 'direct', writer: await directWriter(root, log) }
    }
    const direct = `${why}. Run as root, or allow this user to run sudo without a password.`
    const engine = await availableEngine(log, ENGINE_NAMES)
    if (!engine) {
      throw new Error(
        `${direct} Neither Docker nor Podman answers ('docker version', 'podman version') to register through a ` +
          `privileged helper container instead: give this job a rootful engine (the Docker socket, or podman as root)`
      )
    }
    const helper = await Helper.start(engine, log).catch((e: Error) => {
      throw new Error(`${direct} ${e.message}`, { cause: e })
    })
    log.info(`registrar: ${engine.name}, through a privileged helper container (${why})`)
    return { registrar: engine.name, writer: engineWriter(helper, log) }
  }
  const helper = await Helper.start(containerEngine(choice), log).catch((e: Error) => {
    throw new Error(`registrar '${choice}': ${e.message}`, { cause: e })
  })
  log.info(`registrar: ${choice}, through a privileged helper container (asked for)`)
  return { registrar: choice, writer: engineWriter(helper, log) }
}

/** The writer for a recorded run: the way it took, again (post, uninstall). */
export async function reopenRegistrar(
  registrar: Registrar | undefined,
  root: string,
  log: Log
): Promise<Writer> {
  if (!registrar || registrar === 'direct') return directWriter(root, log)
  const helper = await Helper.start(containerEngine(registrar), log)
  log.info(`registrar: ${registrar}, as the recorded run did`)
  return engineWriter(helper, log)
}
