// The DaemonSet's pod, simulated with the local Docker engine: the daemon image is built from
// deploy/daemon/Dockerfile with no registry pull, and run with exactly the DaemonSet's
// capabilities, read-only root, volumes, environment and arguments. It registers in the
// host's GLOBAL table, heals an entry wiped on the host, answers its liveness probe, and on
// `docker stop` (SIGTERM, as the kubelet sends) leaves the table as it was. Two deliberate
// differences from a node: the platforms are arm64,arm (the image carries only those
// interpreters), and the lock folder is a temporary one, not the host's /run/setup-binfmt.

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable, type Entry } from '../../src/binfmt/table.js'
import { run } from '../../src/util/exec.js'
import { busyboxImage, qemuStatic } from '../helpers/fixtures.js'
import { daemonPod } from '../helpers/kubernetes.js'
import { until as waitUntil } from '../helpers/poll.js'

const IMAGE = 'localhost/setup-binfmt-daemon:test'
const NAME = `setup-binfmt-daemon-test-${process.pid}`
const FOREIGN = 'localhost/setup-binfmt-daemon-test-busybox:arm64'

let dir: string
let table: BinfmtTable
let before: Entry[]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'daemon-pod-'))
  const qemu = join(dir, 'qemu')
  mkdirSync(qemu)
  for (const t of ['aarch64', 'arm']) copyFileSync(qemuStatic(t), join(qemu, `qemu-${t}-static`))
  const context = join(dir, 'context')
  await run([
    process.execPath,
    'scripts/daemon-rootfs.mjs',
    '--out',
    join(context, 'rootfs'),
    '--qemu-dir',
    qemu
  ])
  await run(['docker', 'build', '-q', '-t', IMAGE, '-f', 'deploy/daemon/Dockerfile', context])
  await run(['docker', 'load', '-q'], { input: busyboxImage(FOREIGN) })
  table = await BinfmtTable.open()
  before = await table.list()
}, 120_000)

afterAll(async () => {
  await run(['docker', 'rm', '-f', NAME], { allowFailure: true })
  // Whatever the daemon left (it should leave nothing): remove entries that were not there.
  const left = (await table.list()).filter(e => !before.some(b => b.name === e.name))
  for (const e of left) await table.remove(e.name)
  await run(['docker', 'rmi', '-f', IMAGE, FOREIGN], { allowFailure: true })
  rmSync(dir, { recursive: true, force: true })
  expect(left.map(e => e.name)).toEqual([])
})

/** `docker run` flags for the DaemonSet's container, read from the manifest. */
function podFlags(): string[] {
  const pod = daemonPod()
  const sc = pod.securityContext
  const flags = ['--user', String(sc.runAsUser ?? 0)]
  for (const cap of sc.capabilities?.drop ?? []) flags.push('--cap-drop', cap)
  for (const cap of sc.capabilities?.add ?? []) flags.push('--cap-add', cap)
  if (sc.readOnlyRootFilesystem) flags.push('--read-only')
  if (sc.privileged) flags.push('--privileged')
  for (const e of pod.env) flags.push('--env', `${e.name}=${e.value}`)
  for (const m of pod.volumeMounts) {
    const volume = pod.volumes.find(v => v.name === m.name)!
    if (volume.emptyDir) {
      // An emptyDir is a fresh folder that allows exec; Docker's tmpfs needs that said.
      flags.push('--tmpfs', `${m.mountPath}:exec`)
    } else if (volume.hostPath?.path === '/run/setup-binfmt') {
      const lock = join(dir, 'lock')
      mkdirSync(lock, { recursive: true })
      flags.push('-v', `${lock}:${m.mountPath}`)
    } else {
      flags.push('-v', `${volume.hostPath!.path}:${m.mountPath}`)
    }
  }
  flags.push('--stop-timeout', String(pod.terminationGracePeriodSeconds ?? 30))
  return flags
}

function podArgs(): string[] {
  const args = [...daemonPod().args]
  args[args.indexOf('--platforms') + 1] = 'arm64,arm'
  return args
}

/** Wait for the daemon pod to do something, with its logs should it not. */
const until = (what: string, check: () => Promise<boolean>, ms = 30_000) =>
  waitUntil(what, check, {
    ms,
    everyMs: 20,
    said: async () => {
      const logs = await run(['docker', 'logs', NAME], { allowFailure: true })
      return `${logs.stdout}${logs.stderr}`
    }
  })

const probe = () =>
  run(['docker', 'exec', NAME, ...daemonPod().livenessProbe.exec.command], { allowFailure: true })

test('the pod registers, heals a wiped entry, passes its probe, and cleans up on stop', async () => {
  await run(['docker', 'run', '-d', '--name', NAME, ...podFlags(), IMAGE, ...podArgs()])

  await until('a healthy probe', async () => (await probe()).code === 0)
  const names = async () => (await table.list()).map(e => e.name)
  expect(await names()).toEqual(expect.arrayContaining(['qemu-aarch64', 'qemu-arm']))
  const ours = (await table.get('qemu-aarch64'))!
  expect(ours).toMatchObject({
    interpreter: '/opt/setup-binfmt/qemu/qemu-aarch64-static',
    flags: 'POCF'
  })

  // A foreign container runs through the daemon's entry (its interpreter lives in the pod).
  const uname = await run([
    'docker',
    'run',
    '--rm',
    '--network',
    'none',
    '--platform',
    'linux/arm64',
    FOREIGN,
    'uname',
    '-m'
  ])
  expect(uname.stdout.trim()).toBe('aarch64')

  // Wiped on the host (a systemd-binfmt restart does this): back within the interval.
  await table.remove('qemu-aarch64')
  const wiped = performance.now()
  await until(
    'qemu-aarch64 back',
    async () => (await table.get('qemu-aarch64')) !== undefined,
    5000
  )
  console.log(`the pod put a wiped entry back in ${Math.round(performance.now() - wiped)} ms`)
  await until('the probe seeing the heal', async () => /1 heal\(s\)/.test((await probe()).stdout))

  const stop = await run(['docker', 'stop', NAME])
  expect(stop.code).toBe(0)
  const state = await run(['docker', 'inspect', '-f', '{{.State.ExitCode}}', NAME])
  expect(state.stdout.trim()).toBe('0')
  const logs = await run(['docker', 'logs', NAME])
  expect(logs.stdout + logs.stderr).toContain('binfmt_misc is as it was before the run')
  expect(await table.list()).toEqual(before)
}, 120_000)
