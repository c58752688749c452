// The defaults, run for real (issue #10): the action with nothing but its platforms set, as a
// non-root user with passwordless sudo in the docker group (a GitHub-hosted runner's user),
// against the GLOBAL table, so source: auto downloads the built-in manifest's pinned version and
// verify: auto runs Docker; verify: auto with no engine; platforms: all; and an arm64 host's
// plan and its shipped arm64 build, emulated here.
//
// The first test and the last download from deb.debian.org (71 MB and 64 MB): the per-target
// files the built-in manifest names first are on github.com, which does not resolve on the
// machines these tests run on, so both fall back to the pinned .deb of the same version. The
// first changes the global table and uses Docker: run it with the exclusive lock; whatever
// happens, every entry it added is removed again and the user it made is removed.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { acquire } from '../../src/qemu/acquire.js'
import { DEFAULT_MANIFEST } from '../../src/qemu/builtin-manifest.js'
import { selectRelease, type ManifestFile } from '../../src/qemu/manifest.js'
import { qemuVersion } from '../../src/qemu/system.js'
import { CONTAINER_TARGETS, ociPlatforms, parsePlatforms } from '../../src/platform/names.js'
import { nativeTargets } from '../../src/platform/native.js'
import { makePlan } from '../../src/platform/plan.js'
import { probeMarker, probeProgram } from '../../src/platform/probes.js'
import { resolveCommand, run, type Runner } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { GlobalEntries } from '../helpers/global-table.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { distEntry, inputs, readStep, runnerStep, stepEnv } from '../helpers/runner.js'
import { asUser, createUser, removeUser, type TestUser } from '../helpers/users.js'
import { qemuStatic } from '../helpers/fixtures.js'

const asRoot = process.getuid?.() === 0
const rootTest = asRoot ? test : test.skip

/** The release the built-in manifest gives without qemu-version, and its files for `arch`. */
const release = selectRelease(DEFAULT_MANIFEST)
const fileFor = (arch: string, pick: (f: ManifestFile) => boolean) => {
  const file = release.files.find(f => f.arch === arch && pick(f))
  if (!file) throw new Error(`The built-in manifest has no such ${arch} file of ${release.version}`)
  return file
}
const debFor = (arch: string) => fileFor(arch, f => f.format === 'deb')
const perTarget = (arch: string, target: string) =>
  fileFor(arch, f => f.format !== 'deb' && f.targets.includes(target))

/** Write each target's probe into `dir`; their paths. */
async function writeProbes(dir: string, targets: readonly string[]): Promise<Map<string, string>> {
  const paths = new Map<string, string>()
  for (const t of targets) {
    const path = join(dir, `probe-${t}`)
    await writeFile(path, probeProgram(t), { mode: 0o755 })
    paths.set(t, path)
  }
  return paths
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('the defaults on a runner: a user with sudo and Docker, the global table', () => {
  const USER = `sbdefaults${process.pid}`
  let user: TestUser
  let dir = ''
  let global: GlobalEntries | undefined

  beforeAll(async () => {
    if (!asRoot) return
    // A GitHub-hosted runner's user: passwordless sudo, and the docker group for the socket.
    user = await createUser(USER, { sudo: true, groups: ['docker'] })
    dir = mkdtempSync(join(tmpdir(), 'defaults-'))
    chownSync(dir, user.uid, user.gid)
  })

  afterAll(async () => {
    if (!asRoot) return
    // Whatever happened: the table as it was, then the user and its files gone.
    const problems = (await global?.removeNew()) ?? []
    await removeUser(USER)
    if (dir) rmSync(dir, { recursive: true, force: true })
    expect(problems).toEqual([])
  })

  /** One step as the runner runs it for this user: the command files are the user's. */
  async function step(entry: 'main' | 'post', env: Record<string, string>) {
    const { files, env: full } = stepEnv(dir, entry, {
      HOME: user.home,
      USER: user.name,
      // The runner's tool cache, in the test's folder rather than the machine's.
      RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
      // The global table: its lock and owners record are root's, under /run, as on a runner
      // (reached through sudo), not the private folder stepEnv gives a namespace's table.
      SETUP_BINFMT_LOCK_DIR: '',
      // This machine reaches the internet through TLS that Node trusts only with the system's
      // CA bundle; a runner step inherits such settings from the runner's environment too.
      ...(process.env.NODE_EXTRA_CA_CERTS
        ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS }
        : {}),
      ...env
    })
    for (const f of Object.values(files)) chownSync(f, user.uid, user.gid)
    const result = await run(asUser(user, [process.execPath, distEntry(entry)]), {
      env: full,
      allowFailure: true,
      timeoutMs: 540_000
    })
    return { ...result, ...readStep(files) }
  }

  rootTest(
    'only platforms set: the pinned .deb when the per-target files cannot be had, registered POCF through sudo, checked in Docker, restored by post',
    async () => {
      global = await GlobalEntries.snapshot()
      const before = await BinfmtTable.read()
      const deb = debFor('x64')
      const tarball = perTarget('x64', 'aarch64')

      const main = await step('main', { INPUT_PLATFORMS: 'arm64,arm' })
      // Shown whole when it fails: the pinned .deb was not had either.
      expect(main.stdout).not.toContain("trying the distribution's QEMU package")
      expect(main.stdout).not.toMatch(/::error::/)
      expect(main.code).toBe(0)
      expect(main.outputs).toEqual({
        platforms: 'linux/amd64,linux/386,linux/arm64,linux/arm/v7,linux/arm/v6',
        'emulated-platforms': 'linux/arm64,linux/arm/v7,linux/arm/v6',
        emulators: 'qemu-aarch64,qemu-arm',
        'qemu-version': release.version,
        // Both from the one .deb, from its first URL: the per-target files were not had.
        'qemu-files': deb.download_url,
        'cache-hit': 'false'
      })

      // The sudo path: this user is not root, and sudo -n lets it change the table.
      expect(main.stdout).toMatch(
        /registrar: direct \(this process can change binfmt_misc: sudo -n\)/
      )
      // source auto: tool cache empty, the per-target file fails, the same version's .deb.
      expect(main.stdout).toContain(`tool cache: no QEMU ${release.version} for aarch64, arm`)
      expect(main.stdout).toContain(
        `::notice::QEMU ${release.version}: ${tarball.filename} could not be had (Could not download ${tarball.download_url}: `
      )
      expect(main.stdout).toMatch(/trying the next file of the same version for aarch64\n/)
      expect(main.stdout).toContain(`downloading ${deb.filename} (deb) for aarch64, arm`)
      expect(main.stdout).toContain(`QEMU ${release.version} from download\n`)
      expect(main.stdout).toContain(`aarch64, arm: from ${deb.download_url}\n`)
      // Pinned all the same: no warning that the distribution's package was taken instead.
      expect(main.stdout).not.toMatch(/::warning::/)
      // verify auto: the kernel, a chroot (through sudo) and Docker, which the user may use.
      for (const [platform, t] of [
        ['linux/arm64', 'aarch64'],
        ['linux/arm/v7', 'arm']
      ]) {
        for (const method of ['exec', 'chroot', 'docker']) {
          expect(main.stdout).toMatch(
            new RegExp(`^${escape(platform)} \\(${t}\\) ${method}: ok in \\d+ ms$`, 'm')
          )
        }
      }
      expect(main.stdout).toMatch(/containers: checking with docker/)

      // The job summary: one row per platform, with the version, the flags and the file.
      const from = `download, ${deb.size} bytes; from ${deb.download_url}`
      // Every check passed, the setuid one too (its probe made root's through sudo).
      const checks = ['exec', 'chroot', 'exe', 'argv0', 'setuid', 'docker']
        .map(m => `${m} ok \\d+ ms`)
        .join(', ')
      for (const [platforms, t] of [
        ['linux/arm64', 'aarch64'],
        ['linux/arm/v7, linux/arm/v6', 'arm']
      ]) {
        expect(main.summary).toMatch(
          new RegExp(
            `<td>${escape(platforms)}</td><td>${t}</td><td>qemu-${t}</td><td>${escape(release.version)}</td>` +
              `<td>POCF</td><td>registered; ${escape(from)}</td><td>${checks}</td>`
          )
        )
      }
      expect(main.summary).toContain('<p>Native: x86_64, i386, i486</p>')

      // The global table: both entries POCF, each holding the interpreter of the pinned version
      // from the user's tool cache, and the kernel runs a foreign probe through each.
      const table = await BinfmtTable.read()
      for (const t of ['aarch64', 'arm']) {
        const entry = table.find(e => e.name === `qemu-${t}`)
        expect(entry).toMatchObject({
          enabled: true,
          flags: 'POCF',
          interpreter: join(dir, 'tool-cache', `qemu-${t}`, release.version, 'x64', `qemu-${t}`)
        })
        expect(await qemuVersion(entry!.interpreter)).toBe(release.version)
      }
      const probes = await writeProbes(dir, ['aarch64', 'arm'])
      for (const [t, path] of probes) {
        const ran = await run(asUser(user, [path]))
        expect(ran.stdout).toBe(`${probeMarker(t)}\n`)
      }

      const post = await step('post', { STATE_binfmt: main.state.binfmt })
      expect(post.code).toBe(0)
      expect(post.stdout).not.toMatch(/::warning::/)
      expect(post.stdout).toMatch(/removed qemu-arm\n.*removed qemu-aarch64/s)
      expect(post.stdout).toMatch(/binfmt_misc is as it was before the run/)
      expect(post.summary).toMatch(/Removed: qemu-arm, qemu-aarch64/)
      expect(post.summary).toMatch(/The table equals its state before the job/)
      expect(await BinfmtTable.read()).toEqual(before)
      // Nothing of the probe images is left in Docker.
      const images = await run(['docker', 'images', '-q', 'setup-binfmt-probe'])
      expect(images.stdout.trim()).toBe('')
    },
    600_000
  )
})

describe('in a private namespace (no global table)', () => {
  let ns: PrivateNamespace
  let dir: string

  beforeEach(async () => {
    ns = await PrivateNamespace.start()
    dir = mkdtempSync(join(tmpdir(), 'defaults-ns-'))
  })
  afterEach(async () => {
    await ns?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const step = (entry: 'main' | 'post', env: Record<string, string>) =>
    runnerStep(ns, dir, entry, env, { timeoutMs: 300_000 })

  test('verify auto with no container engine on PATH: the exec checks run, the container check is skipped', async () => {
    // PATH: every program of the usual PATH, by symbolic link, but docker's and podman's.
    const bin = join(dir, 'bin')
    mkdirSync(bin)
    const linked = new Set<string>()
    for (const folder of (process.env.PATH ?? '').split(delimiter)) {
      let names: string[]
      try {
        names = readdirSync(folder)
      } catch {
        continue
      }
      for (const name of names) {
        // The first of a name on PATH, as a lookup finds it.
        if (/^(docker|podman)/.test(name) || linked.has(name)) continue
        symlinkSync(join(folder, name), join(bin, name))
        linked.add(name)
      }
    }
    expect([resolveCommand('docker', bin), resolveCommand('podman', bin)]).toEqual([
      undefined,
      undefined
    ])
    const table = await BinfmtTable.open({ root: ns.root })
    const main = await step('main', {
      ...inputs({ platforms: 'arm64', source: 'system', verify: 'auto' }),
      PATH: bin
    })
    expect(main.stdout).not.toMatch(/::error::/)
    expect(main.code).toBe(0)
    expect(main.stdout).toMatch(/^linux\/arm64 \(aarch64\) exec: ok in \d+ ms$/m)
    expect(main.stdout).toContain(
      'containers: neither Docker nor Podman answers, container check skipped (verify: auto)'
    )
    expect(main.stdout).not.toMatch(/\(aarch64\) (docker|podman):/)
    expect(main.outputs.emulators).toBe('qemu-aarch64')
    expect((await table.list()).map(e => e.name)).toEqual(['qemu-aarch64'])

    const post = await step('post', { STATE_binfmt: main.state.binfmt, PATH: bin })
    expect(post.code).toBe(0)
    expect(await table.list()).toEqual([])
  }, 120_000)

  test('platforms all with source system: every target of the plan registered and verified', async () => {
    const table = await BinfmtTable.open({ root: ns.root })
    // The plan the project itself makes here: this host's native targets found by its probes
    // (run in the namespace, whose table is empty), dropped from the ten container platforms.
    const inNs: Runner = (argv, options) => ns.exec(argv, options)
    const native = await nativeTargets(await table.inMatchOrder(), memoryLog(), inNs)
    const plan = makePlan(parsePlatforms('all'), native, memoryLog())
    expect(plan.targets.length).toBeGreaterThan(0)
    expect(plan.targets.every(t => (CONTAINER_TARGETS as readonly string[]).includes(t))).toBe(true)

    const main = await step('main', inputs({ platforms: 'all', source: 'system' }))
    expect(main.stdout).not.toMatch(/::error::/)
    expect(main.code).toBe(0)
    // all: the native ones are dropped without a notice each.
    expect(main.stdout).not.toMatch(/runs natively on this host/)
    const nativePlatforms = CONTAINER_TARGETS.filter(t => native.has(t)).flatMap(ociPlatforms)
    const emulated = plan.targets.flatMap(ociPlatforms)
    expect(main.outputs).toMatchObject({
      platforms: [...nativePlatforms, ...emulated].join(','),
      'emulated-platforms': emulated.join(','),
      emulators: plan.targets.map(t => `qemu-${t}`).join(','),
      'qemu-files': plan.targets.map(qemuStatic).join(',')
    })
    const entries = await table.list()
    expect(entries.map(e => e.name).sort()).toEqual(plan.targets.map(t => `qemu-${t}`).sort())
    for (const e of entries) expect(e.flags).toBe('POCF')
    const probes = await writeProbes(dir, plan.targets)
    for (const t of plan.targets) {
      const platform = escape(ociPlatforms(t)[0])
      for (const method of ['exec', 'chroot']) {
        expect(main.stdout).toMatch(
          new RegExp(`^${platform} \\(${t}\\) ${method}: ok in \\d+ ms$`, 'm')
        )
      }
      expect((await ns.exec([probes.get(t)!])).stdout).toBe(`${probeMarker(t)}\n`)
    }

    const post = await step('post', { STATE_binfmt: main.state.binfmt })
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/binfmt_misc is as it was before the run/)
    expect(await table.list()).toEqual([])
  }, 300_000)
})

describe('an arm64 host, emulated on this x86_64 one', () => {
  // This machine is x86_64: an arm64 host's kernel is stood in for by QEMU. Its probes run
  // through qemu-aarch64-static, which refuses any other architecture's program as an arm64
  // kernel without binfmt_misc entries would; with AArch32 support that kernel also runs arm
  // programs, which qemu-arm-static stands in for.
  const aarch64: Runner = (argv, options) => run([qemuStatic('aarch64'), ...argv], options)
  const aarch32: Runner = async (argv, options = {}) => {
    const r = await aarch64(argv, { ...options, allowFailure: true })
    return r.code === 0 ? r : run([qemuStatic('arm'), ...argv], options)
  }

  test('native targets and the plan: aarch64 alone, or aarch64 and arm with AArch32', async () => {
    const log = memoryLog()
    expect([...(await nativeTargets([], log, aarch64, 'arm64'))]).toEqual(['aarch64'])
    const withArm = await nativeTargets([], log, aarch32, 'arm64')
    expect([...withArm].sort()).toEqual(['aarch64', 'arm'])

    const all = parsePlatforms('all')
    const others = (native: readonly string[]) => CONTAINER_TARGETS.filter(t => !native.includes(t))
    expect(makePlan(all, new Set(['aarch64']), log)).toEqual({
      targets: others(['aarch64']),
      native: ['aarch64']
    })
    expect(makePlan(all, withArm, log).targets).toEqual(others(['aarch64', 'arm']))
    // Asked for by name, a native platform is not registered, and the log says why.
    const named = memoryLog()
    expect(makePlan(parsePlatforms('arm64,arm,amd64'), withArm, named).targets).toEqual(['x86_64'])
    expect(named.lines.join('\n')).toMatch(/aarch64 runs natively on this host/)
    expect(named.lines.join('\n')).toMatch(/arm runs natively on this host/)
  })

  describe('the shipped arm64 build', () => {
    let dir: string
    const saved = process.env.RUNNER_TOOL_CACHE

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'defaults-arm64-'))
      process.env.RUNNER_TOOL_CACHE = join(dir, 'tool-cache')
    })
    afterAll(() => {
      if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE
      else process.env.RUNNER_TOOL_CACHE = saved
      rmSync(dir, { recursive: true, force: true })
    })

    test('source auto for an arm64 host: the pinned arm64 .deb; its interpreters run the probes under qemu-aarch64', async () => {
      const plan = makePlan(parsePlatforms('all'), new Set(['aarch64']), memoryLog())
      const log = memoryLog()
      // One attempt per URL: github.com fails at once here, and the default three attempts
      // with their backoff would add 3 s for each of the plan's per-target files.
      const got = await acquire(
        { source: 'auto', targets: plan.targets, arch: 'arm64', download: { attempts: 1 } },
        log
      )
      const deb = debFor('arm64')
      expect(got).toMatchObject({
        source: 'download',
        version: release.version,
        cacheHit: false,
        downloadedBytes: deb.size
      })
      expect(got.files).toEqual([{ file: deb.download_url, targets: plan.targets }])
      const text = log.lines.join('\n')
      const x86 = perTarget('arm64', 'x86_64')
      expect(text).toContain(
        `QEMU ${release.version}: ${x86.filename} could not be had (Could not download ${x86.download_url}: `
      )
      expect(text).toContain(`downloading ${deb.filename} (deb) for ${plan.targets.join(', ')}`)

      // Each interpreter is the arm64 build (acquire checked its ELF header for arm64), and
      // runs its target's probe under qemu-aarch64-static: the shipped build really works.
      const probes = await writeProbes(dir, plan.targets)
      for (const t of plan.targets) {
        const interpreter = got.interpreters.get(t)!
        expect(interpreter).toBe(
          join(dir, 'tool-cache', `qemu-${t}`, release.version, 'arm64', `qemu-${t}`)
        )
        const ran = await aarch64([interpreter, probes.get(t)!])
        expect([t, ran.stdout]).toEqual([t, `${probeMarker(t)}\n`])
      }
      // And it says which version it is.
      const version = await aarch64([got.interpreters.get('x86_64')!, '--version'])
      expect(version.stdout).toMatch(new RegExp(`version ${escape(release.version)}\\b`))
    }, 600_000)
  })
})
