// A `container:` job for real: the built action's main and post, and the CLI, run inside an
// unprivileged container (root there, no CAP_SYS_ADMIN, no sudo) with the host's Docker socket
// mounted, the way GitHub runs a job container: one long-lived container, each step a
// `docker exec` in it. setup-binfmt must take the engine path, register into the host's GLOBAL
// table through its helper container, and leave the table as it found it.
//
// The job image is built here with no registry: node and the libraries ldd names, the static
// docker CLI, chroot and setpriv for the checks, Debian's static QEMU, and dist/.
// Run with the exclusive lock (it changes the global table); every entry it added is removed
// again in afterEach, whatever happened.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { BinfmtTable, type Entry } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { run } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { imageArchive, type ImageFile } from '../../src/verify/images.js'
import { dockerSmoke } from '../../src/verify/containers.js'
import { HELPER_INTERPRETERS } from '../../src/engine/helper.js'
import { LOCK_CONTAINER, OWNER_LABEL } from '../../src/engine/record.js'
import { cliArgv, cliWithState, readCommandFile, CLI } from '../helpers/runner.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { qemuStatic } from '../helpers/fixtures.js'
import { podmanEnv } from '../helpers/podman.js'

const TAG = `setup-binfmt-test-job:${process.pid}`
const JOB = `setup-binfmt-test-job-${randomBytes(4).toString('hex')}`
/** A second job on the same host, for the tests of two jobs at once. */
const JOB_B = `${JOB}-b`
const DOCKER_CLI = '/usr/local/bin/docker'

/** A program and the shared libraries ldd says it loads, at their own paths. */
async function withLibraries(path: string, as = path): Promise<ImageFile[]> {
  const files: ImageFile[] = [{ path: as, mode: 0o755, content: readFileSync(path) }]
  const ldd = await run(['ldd', path], { allowFailure: true })
  for (const m of ldd.stdout.matchAll(/(\/\S+) \(0x/g)) {
    const lib = m[1]
    files.push({ path: lib, mode: 0o755, content: readFileSync(realpathSync(lib)) })
  }
  return files
}

function distFiles(): ImageFile[] {
  return ['main', 'post', 'cli'].flatMap(entry =>
    readdirSync(resolve('dist', entry)).map(name => ({
      path: `/action/dist/${entry}/${name}`,
      content: readFileSync(resolve('dist', entry, name))
    }))
  )
}

async function buildJobImage(): Promise<void> {
  const files = new Map<string, ImageFile>()
  const add = (list: ImageFile[]) => list.forEach(f => files.set(f.path, f))
  add(await withLibraries(realpathSync(process.execPath), '/usr/bin/node'))
  add(await withLibraries('/usr/sbin/chroot'))
  add(await withLibraries('/usr/bin/setpriv'))
  // No flock: through the engine, the lock is the engine's (a container only one run creates).
  // Reading an F entry's held interpreter (reset) starts a program through a fifo.
  add(await withLibraries('/usr/bin/mkfifo'))
  add([{ path: '/usr/bin/docker', mode: 0o755, content: readFileSync(DOCKER_CLI) }])
  for (const t of ['aarch64', 'arm']) {
    add([{ path: qemuStatic(t), mode: 0o755, content: readFileSync(qemuStatic(t)) }])
  }
  add(distFiles())
  add([
    { path: '/tmp', directory: true, mode: 0o1777 },
    { path: '/run', directory: true },
    {
      path: '/etc/passwd',
      content: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n'
    }
  ])
  const { archive } = imageArchive([
    {
      tag: TAG,
      platform: 'linux/amd64',
      files: [...files.values()],
      cmd: ['/usr/bin/node', '-e', 'setInterval(() => {}, 1e9)']
    }
  ])
  await run(['docker', 'load', '-q'], { input: archive, timeoutMs: 120_000 })
}

let dir: string
let before: Entry[]
const log = memoryLog()

beforeAll(async () => {
  if (!existsSync(DOCKER_CLI))
    throw new Error(`${DOCKER_CLI} is missing: the job image needs a static docker CLI`)
  await buildJobImage()
}, 180_000)

afterAll(async () => {
  await run(['docker', 'rmi', TAG], { allowFailure: true })
})

/** Start a job container, unprivileged as GitHub starts one: only the socket and `folder`. */
async function startJob(name: string, folder: string): Promise<string> {
  const r = await run([
    'docker',
    'run',
    '-d',
    '--name',
    name,
    '-v',
    '/var/run/docker.sock:/var/run/docker.sock',
    '-v',
    `${folder}:/github`,
    TAG
  ])
  return r.stdout.trim()
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'engine-job-'))
  before = await BinfmtTable.read()
  await startJob(JOB, dir)
})

afterEach(async () => {
  await run(['docker', 'rm', '-f', JOB, JOB_B, LOCK_CONTAINER], { allowFailure: true })
  // The owners record's volumes a failed test left (a passing one leaves none).
  const volumes = await run(['docker', 'volume', 'ls', '-q', '--filter', `label=${OWNER_LABEL}`])
  for (const v of volumes.stdout.split('\n').filter(Boolean)) {
    await run(['docker', 'volume', 'rm', '-f', v], { allowFailure: true })
  }
  // Whatever happened: remove every entry this test added to the global table.
  const table = await BinfmtTable.open({ log })
  const old = new Set(before.map(e => e.name))
  for (const e of await table.list()) {
    if (!old.has(e.name)) await table.remove(e.name).catch(() => undefined)
  }
  rmSync(dir, { recursive: true, force: true })
})

/** One step of the job: `docker exec` in the job container, as the runner does. */
async function step(argv: string[], env: Record<string, string> = {}, job = JOB) {
  const envArgs = Object.entries({ GITHUB_ACTIONS: 'true', RUNNER_TEMP: '/tmp', ...env }).flatMap(
    ([k, v]) => ['-e', `${k}=${v}`]
  )
  return run(['docker', 'exec', ...envArgs, job, ...argv], {
    allowFailure: true,
    timeoutMs: 240_000
  })
}

function actionEnv(name: 'main' | 'post', values: Record<string, string>, folder = dir) {
  for (const f of ['output', 'state', 'summary']) writeFileSync(join(folder, `${name}-${f}`), '')
  return {
    GITHUB_OUTPUT: `/github/${name}-output`,
    GITHUB_STATE: `/github/${name}-state`,
    GITHUB_STEP_SUMMARY: `/github/${name}-summary`,
    ...values
  }
}

/** The host's environment with the host's own lock and record (no test folder for them). */
function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.SETUP_BINFMT_LOCK_DIR
  return env
}

/** The CLI's install of arm64 from the system's QEMU, checked by exec. */
const INSTALL_ARM64 = ['install', '--platforms', 'arm64', '--source', 'system', '--verify', 'exec']

const helperImages = async () =>
  (await run(['docker', 'images', '-q', 'setup-binfmt-helper'])).stdout.trim()

describe('a container: job with the Docker socket and no privileges', () => {
  test('main registers arm64 and arm through the helper; containers run them; post restores the table', async () => {
    const main = await step(
      ['node', '/action/dist/main/index.js'],
      actionEnv('main', {
        INPUT_PLATFORMS: 'arm64,arm',
        INPUT_SOURCE: 'system'
      })
    )
    expect(main.stdout).toMatch(
      /registrar: docker, through a privileged helper container \(binfmt_misc is not mounted at \/proc\/sys\/fs\/binfmt_misc and this process may not mount it \(no CAP_SYS_ADMIN/
    )
    expect(main.stdout).not.toMatch(/::error::/)
    expect(main.code).toBe(0)
    const outputs = readCommandFile(join(dir, 'main-output'))
    expect(outputs['emulated-platforms']).toBe('linux/arm64,linux/arm/v7,linux/arm/v6')
    // Verified inside the job: the kernel, a chroot and containers.
    expect(main.stdout).toMatch(/linux\/arm64 \(aarch64\) exec: ok/)
    expect(main.stdout).toMatch(/linux\/arm64 \(aarch64\) chroot: ok/)
    expect(main.stdout).toMatch(/linux\/arm64 \(aarch64\) docker: ok/)

    // The host's table has them, with the interpreter path inside the helper.
    const host = await BinfmtTable.read()
    for (const name of outputs.emulators.split(',')) {
      const e = host.find(x => x.name === name)
      expect(e?.interpreter).toMatch(new RegExp(`^${HELPER_INTERPRETERS}/[0-9a-f]{16}/qemu-`))
      expect(e?.flags).toBe('POCF')
    }
    // Foreign containers run, started from the host: the helper is long gone.
    const smoke = await dockerSmoke(['aarch64', 'arm'], log)
    expect(smoke.map(r => [r.target, r.ok])).toEqual([
      ['aarch64', true],
      ['arm', true]
    ])
    expect(await helperImages()).toBe('')

    const state = readCommandFile(join(dir, 'main-state'))
    const post = await step(
      ['node', '/action/dist/post/index.js'],
      actionEnv('post', { STATE_binfmt: state.binfmt })
    )
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/registrar: docker, as the recorded run did/)
    expect(post.stdout).toMatch(/binfmt_misc is as it was before the run/)
    expect(post.stdout).not.toMatch(/::warning::/)
    expect(await BinfmtTable.read()).toEqual(before)
    expect(await helperImages()).toBe('')
  }, 300_000)

  test('reset through the helper: post puts the host entry back, its interpreter found on the host', async () => {
    const table = await BinfmtTable.open({ log })
    // An entry of another tool with a host path; one that is there already serves as well.
    let theirs = await table.get('qemu-aarch64')
    if (!theirs) {
      theirs = { ...wantedEntry('aarch64', qemuStatic('aarch64'), 'F'), name: 'qemu-aarch64' }
      await table.register(theirs)
    }
    const hostTable = await BinfmtTable.read()

    const main = await step(
      ['node', '/action/dist/main/index.js'],
      actionEnv('main', {
        INPUT_PLATFORMS: 'arm64',
        INPUT_SOURCE: 'system',
        INPUT_RESET: 'true',
        INPUT_VERIFY: 'exec'
      })
    )
    expect(main.code).toBe(0)
    expect(main.stdout).toContain(
      `reset: removed qemu-aarch64 (${theirs.interpreter}, flags ${theirs.flags})`
    )
    const now = await table.get('qemu-aarch64')
    expect(now?.interpreter).toMatch(new RegExp(`^${HELPER_INTERPRETERS}/`))

    const state = readCommandFile(join(dir, 'main-state'))
    const post = await step(
      ['node', '/action/dist/post/index.js'],
      actionEnv('post', { STATE_binfmt: state.binfmt })
    )
    expect(post.code).toBe(0)
    expect(post.stdout).toContain(
      `put back qemu-aarch64 (${theirs.interpreter}, flags ${theirs.flags})`
    )
    expect(await table.get('qemu-aarch64')).toEqual(theirs)
    expect(await BinfmtTable.read()).toEqual(hostTable)
  }, 300_000)

  test('the CLI: install through the helper, uninstall through it again', async () => {
    const install = await step([
      'node',
      '/action/dist/cli/index.js',
      'install',
      '--platforms',
      'arm64,arm',
      '--source',
      'system',
      '--verify',
      'exec',
      '--state',
      '/github/cli-state.json'
    ])
    expect(install.stderr).toMatch(/registrar: docker, through a privileged helper container/)
    expect(install.code).toBe(0)
    expect(install.stdout).toMatch(
      /^emulated-platforms=linux\/arm64,linux\/arm\/v7,linux\/arm\/v6$/m
    )
    const smoke = await dockerSmoke(['aarch64', 'arm'], log)
    expect(smoke.every(r => r.ok)).toBe(true)

    const status = await step([
      'node',
      '/action/dist/cli/index.js',
      'status',
      '--registrar',
      'docker',
      '--json'
    ])
    expect(status.code).toBe(0)
    const shown = JSON.parse(status.stdout) as { entries: Entry[] }
    expect(shown.entries.map(e => e.name).sort()).toEqual(
      (await BinfmtTable.read()).map(e => e.name).sort()
    )

    const uninstall = await step([
      'node',
      '/action/dist/cli/index.js',
      'uninstall',
      '--state',
      '/github/cli-state.json'
    ])
    expect(uninstall.stderr).toMatch(/binfmt_misc is as it was before the run/)
    expect(uninstall.code).toBe(0)
    expect(await BinfmtTable.read()).toEqual(before)
    expect(await helperImages()).toBe('')
  }, 300_000)

  test('the CLI on the host with registrar podman: through a Podman helper, and back', async () => {
    const cli = CLI
    const state = join(dir, 'podman-state.json')
    // No SETUP_BINFMT_LOCK_DIR: the lock and owners record are Podman's, as in a job container.
    const env = hostEnv(podmanEnv(mkdtempSync(join(dir, 'podman-'))))
    const install = await run(
      [
        process.execPath,
        cli,
        'install',
        '--platforms',
        'arm64',
        '--source',
        'system',
        '--verify',
        'exec',
        '--registrar',
        'podman',
        '--state',
        state
      ],
      { env, allowFailure: true }
    )
    expect(install.stderr).toMatch(
      /registrar: podman, through a privileged helper container \(asked for\)/
    )
    expect(install.code).toBe(0)
    const name = /^emulators=(.*)$/m.exec(install.stdout)?.[1]
    const entry = (await BinfmtTable.read()).find(e => e.name === name)
    expect(entry?.interpreter).toMatch(new RegExp(`^${HELPER_INTERPRETERS}/[0-9a-f]{16}/`))
    // The run is recorded in Podman: one volume, and no lock left held.
    const podmanRecord = async () =>
      (
        await run(['podman', 'volume', 'ls', '-q', '--filter', `label=${OWNER_LABEL}`], { env })
      ).stdout.trim()
    expect(await podmanRecord()).toMatch(/^setup-binfmt-owner-\S+$/)
    const uninstall = await run([process.execPath, cli, 'uninstall', '--state', state], {
      env,
      allowFailure: true
    })
    expect(uninstall.stderr).toMatch(/registrar: podman, as the recorded run did/)
    expect(uninstall.code).toBe(0)
    expect(await podmanRecord()).toBe('')
    const lock = await run(['podman', 'ps', '-aq', '--filter', `name=^${LOCK_CONTAINER}$`], { env })
    expect(lock.stdout.trim()).toBe('')
    expect(await BinfmtTable.read()).toEqual(before)
    const left = await run(['podman', 'images', '-q', 'setup-binfmt-helper'], { env })
    expect(left.stdout.trim()).toBe('')
  }, 180_000)

  test('registrar direct in the job: a clear error, nothing changed', async () => {
    const main = await step(
      ['node', '/action/dist/main/index.js'],
      actionEnv('main', {
        INPUT_PLATFORMS: 'arm64',
        INPUT_SOURCE: 'system',
        INPUT_REGISTRAR: 'direct'
      })
    )
    expect(main.code).toBe(1)
    expect(main.stdout).toMatch(
      /::error::binfmt_misc is not mounted at \/proc\/sys\/fs\/binfmt_misc and mounting it failed/
    )
    expect(await BinfmtTable.read()).toEqual(before)
  }, 120_000)
})

// Each job container has a /run of its own: the lock and owners record are the engine's
// (a lock container and one volume per run), shared by every job on the host's Docker.
describe('two container: jobs on one host', () => {
  const ownerVolumes = async () =>
    (await run(['docker', 'volume', 'ls', '-q', '--filter', `label=${OWNER_LABEL}`])).stdout
      .split('\n')
      .filter(Boolean)
  const lockContainers = async () =>
    (await run(['docker', 'ps', '-aq', '--filter', `name=^${LOCK_CONTAINER}$`])).stdout.trim()
  const mainStep = (job: string, folder: string) =>
    step(
      ['node', '/action/dist/main/index.js'],
      actionEnv(
        'main',
        { INPUT_PLATFORMS: 'arm64', INPUT_SOURCE: 'system', INPUT_VERIFY: 'exec' },
        folder
      ),
      job
    )
  const postStep = (job: string, folder: string) =>
    step(
      ['node', '/action/dist/post/index.js'],
      actionEnv(
        'post',
        { STATE_binfmt: readCommandFile(join(folder, 'main-state')).binfmt },
        folder
      ),
      job
    )
  let dirB: string
  beforeEach(() => {
    dirB = mkdtempSync(join(dir, 'job-b-'))
  })

  test("one job's post keeps the entry the other still uses; the last one out removes it", async () => {
    expect(before.map(e => e.name)).not.toContain('qemu-aarch64')
    const idB = await startJob(JOB_B, dirB)
    const a = await mainStep(JOB, dir)
    expect(a.code).toBe(0)
    expect(a.stdout).toMatch(/aarch64: registered qemu-aarch64/)
    const b = await mainStep(JOB_B, dirB)
    expect(b.code).toBe(0)
    expect(b.stdout).toMatch(
      /qemu-aarch64: an identical entry is already registered .*: reusing it, shared with run \S+ \(container [0-9a-f]{12}, since /
    )
    expect(await ownerVolumes()).toHaveLength(2)
    expect(await lockContainers()).toBe('')

    const postA = await postStep(JOB, dir)
    expect(postA.code).toBe(0)
    expect(postA.stdout).toMatch(
      new RegExp(`kept qemu-aarch64: still used by run \\S+ \\(container ${idB.slice(0, 12)}, `)
    )
    expect((await BinfmtTable.read()).map(e => e.name)).toContain('qemu-aarch64')
    expect(await ownerVolumes()).toHaveLength(1)

    const postB = await postStep(JOB_B, dirB)
    expect(postB.code).toBe(0)
    expect(postB.stdout).toMatch(/removed qemu-aarch64 \(the last run using it\)/)
    expect(await BinfmtTable.read()).toEqual(before)
    expect(await ownerVolumes()).toEqual([])
    expect(await lockContainers()).toBe('')
  }, 300_000)

  test('a job whose container went without its post shares nothing: the next leaves the entry as it found it', async () => {
    expect(before.map(e => e.name)).not.toContain('qemu-aarch64')
    expect((await mainStep(JOB, dir)).code).toBe(0)
    // The runner was killed: its job container goes, its post never runs.
    await run(['docker', 'rm', '-f', JOB])
    await startJob(JOB_B, dirB)
    const b = await mainStep(JOB_B, dirB)
    expect(b.code).toBe(0)
    // Not shared with a run that is over: it was there before B, in B's snapshot, so B
    // leaves it; the gone run's record goes.
    expect(b.stdout).toMatch(
      /qemu-aarch64: an identical entry is already registered .*: reusing it\n/
    )
    const postB = await postStep(JOB_B, dirB)
    expect(postB.code).toBe(0)
    expect(postB.stdout).toMatch(/binfmt_misc is as it was before the run/)
    expect((await BinfmtTable.read()).map(e => e.name)).toContain('qemu-aarch64')
  }, 300_000)

  test("a job on the host and a container: job: the host's uninstall keeps what the container job uses", async () => {
    expect(before.map(e => e.name)).not.toContain('qemu-aarch64')
    // The CLI as root on the host: the direct way, joined to Docker's record.
    const host = cliWithState(join(dir, 'host-state.json'), hostEnv())
    const install = await host(...INSTALL_ARM64)
    expect(install.stderr).toMatch(/registrar: direct/)
    expect(install.stderr).toMatch(/aarch64: registered qemu-aarch64/)
    expect(install.code).toBe(0)
    expect(await ownerVolumes()).toHaveLength(1)

    const id = (await run(['docker', 'inspect', '--format', '{{.Id}}', JOB])).stdout.trim()
    const main = await mainStep(JOB, dir)
    expect(main.code).toBe(0)
    expect(main.stdout).toMatch(
      /qemu-aarch64: an identical entry is already registered .*: reusing it, shared with run /
    )

    const uninstall = await host('uninstall')
    expect(uninstall.code).toBe(0)
    expect(uninstall.stderr).toMatch(
      new RegExp(`kept qemu-aarch64: still used by run \\S+ \\(container ${id.slice(0, 12)}, `)
    )
    expect((await BinfmtTable.read()).map(e => e.name)).toContain('qemu-aarch64')

    const post = await postStep(JOB, dir)
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/removed qemu-aarch64 \(the last run using it\)/)
    expect(await BinfmtTable.read()).toEqual(before)
    expect(await ownerVolumes()).toEqual([])
    expect(await lockContainers()).toBe('')
    expect(await helperImages()).toBe('')
  }, 300_000)

  test("a direct run in a user namespace of its own keeps out of Docker's record: its table is another", async () => {
    const ns = await PrivateNamespace.start()
    try {
      const env = hostEnv()
      const state = join(dir, 'ns-state.json')
      const cli = (...args: string[]) =>
        ns.exec(cliArgv(...args, '--state', state), { env, allowFailure: true })
      const install = await cli(...INSTALL_ARM64)
      expect(install.stderr).toMatch(/aarch64: registered qemu-aarch64/)
      expect(install.code).toBe(0)
      expect(await ownerVolumes()).toEqual([])
      expect((await cli('uninstall')).code).toBe(0)
    } finally {
      await ns.stop()
    }
    expect(await BinfmtTable.read()).toEqual(before)
  }, 120_000)

  test('a lock left by a job that is gone is taken over, with a warning', async () => {
    const idB = await startJob(JOB_B, dirB)
    // A holder in B that dies holding the lock: B's container goes.
    const image = (await run(['docker', 'images', '-q', TAG])).stdout.trim()
    const holder = Buffer.from(JSON.stringify({ since: Date.now(), container: idB })).toString(
      'base64url'
    )
    await run([
      'docker',
      'create',
      '--name',
      LOCK_CONTAINER,
      '--label',
      `setup-binfmt.holder=${holder}`,
      image
    ])
    await run(['docker', 'rm', '-f', JOB_B])
    const a = await mainStep(JOB, dir)
    expect(a.stdout).toMatch(
      /::warning::Removing the Docker lock container of a setup-binfmt that is gone/
    )
    expect(a.code).toBe(0)
    expect((await postStep(JOB, dir)).code).toBe(0)
    expect(await BinfmtTable.read()).toEqual(before)
    expect(await lockContainers()).toBe('')
  }, 300_000)
})
