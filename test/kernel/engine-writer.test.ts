// The engine path's writer when the helper cannot enter the host's mount namespace (its `h`
// fails) and the host has no binfmt_misc mounted: the entry it writes goes with the helper's
// mount (Linux 6.7+), and the writer must say so instead of reporting success.
//
// The host's own table cannot be used for this: it is mounted, and binfmt_misc is never
// unmounted here. So the "host" is a private user namespace, and each "helper container" is
// the real registrar in a fresh mount namespace inside it, as a container would be. Two parts
// are stand-ins, and only these: the helper's table folder is a temporary folder (not the
// image's /binfmt_misc), and the dump's uid_map is rewritten to the initial namespace's, since
// the writer refuses, rightly, a helper that runs in a user namespace.

import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { engineWriter, HELPER_INTERPRETERS, type Helper } from '../../src/engine/helper.js'
import {
  HELPER_TABLE,
  registrarArch,
  registrarProgram
} from '../../src/binfmt/registrar-program.js'
import { registerLine } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { PrivateNamespace } from '../helpers/namespace.js'

let dir: string
let program: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-writer-'))
  program = join(dir, 'registrar')
  writeFileSync(program, registrarProgram(registrarArch(process.arch)!), { mode: 0o755 })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let ns: PrivateNamespace | undefined
afterEach(async () => {
  await ns?.stop()
  ns = undefined
})

const INITIAL_UID_MAP = '         0          0 4294967295\n'

/** A helper whose containers are the registrar in a fresh mount namespace of `host`. */
function helperIn(host: PrivateNamespace): Helper {
  const table = mkdtempSync(join(dir, 'table-'))
  const fake = {
    engine: { name: 'docker', command: ['docker'] },
    label: 'Docker',
    async run(ops: readonly string[]) {
      const argv = ops.map(op => (op === HELPER_TABLE ? table : op))
      const r = await host.exec(['unshare', '--mount', '--', program, ...argv], {
        allowFailure: true
      })
      const [head, , ...rest] = r.stdout.split('\0')
      const stdout =
        head === '/proc/self/uid_map' ? [head, INITIAL_UID_MAP, ...rest].join('\0') : ''
      return { ...r, stdout }
    },
    async load() {},
    async close() {}
  }
  return fake as unknown as Helper
}

// No F: the interpreter path is the helper image's, which does not exist here; the kernel
// opens an interpreter at registration only with F.
const line = registerLine(
  wantedEntry('aarch64', `${HELPER_INTERPRETERS}/0123/qemu-aarch64-static`, 'PO')
)

describe('engineWriter, when the helper cannot reach the host mount namespace', () => {
  test('an entry that vanishes with the helper is an error naming the cause and the fix', async () => {
    ns = await PrivateNamespace.start({ mounted: false })
    const writer = engineWriter(helperIn(ns))
    const failed = await writer.write('register', line).then(
      () => undefined,
      (e: Error) => e
    )
    expect(failed?.message).toMatch(
      /^The entry qemu-aarch64 registered through the Docker helper vanished when the helper exited: the host has no binfmt_misc mounted at \/proc\/sys\/fs\/binfmt_misc, and the helper could not enter the host's mount namespace to mount it \(registrar: (open|setns) failed: E[A-Z]+\)\. Mount it on the host \('sudo mount -t binfmt_misc binfmt_misc \/proc\/sys\/fs\/binfmt_misc'/
    )
  })

  test('with binfmt_misc mounted on the host, the entry stays and the write succeeds', async () => {
    ns = await PrivateNamespace.start({ mounted: true })
    const writer = engineWriter(helperIn(ns))
    await writer.write('register', line)
    expect([...(await writer.files!()).keys()]).toContain('qemu-aarch64')
    // And the "host" sees it in its own mount, after every helper has gone.
    const r = await ns.exec(['cat', '/proc/sys/fs/binfmt_misc/qemu-aarch64'])
    expect(r.stdout).toMatch(/^enabled\ninterpreter \/setup-binfmt\/0123\/qemu-aarch64-static\n/)
  })
})
