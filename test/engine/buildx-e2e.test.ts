// A real buildx client after the built action: Debian trixie's docker-buildx plugin (fetched by
// scripts/fetch-fixtures.mjs) in a private DOCKER_CONFIG, on this machine's dockerd through
// buildx's `docker` driver, one platform per build. Main registers arm64 and arm on the host's
// GLOBAL table (the daemon's builder uses that one), buildx lists the platforms, a FROM scratch
// image with a foreign busybox builds and RUNs for each, post puts the table back. The table is
// restored in `finally`, also when an assertion fails. No registry is reachable: FROM scratch.

import { expect, test } from '@jest/globals'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { restore } from '../../src/binfmt/restore.js'
import { fileStore } from '../../src/binfmt/journal.js'
import { run } from '../../src/util/exec.js'
import { memoryLog } from '../../src/util/log.js'
import { busybox, buildxPlugin } from '../helpers/fixtures.js'
import { distEntry, inputs, readStep, stepEnv } from '../helpers/runner.js'

/** One step of the built action on the host's table, with the host's own lock and owners. */
async function step(dir: string, entry: 'main' | 'post', values: Record<string, string>) {
  const { files, env } = stepEnv(dir, entry, values)
  // stepEnv keeps a namespace's lock and owners apart; this is the host's table.
  const host: NodeJS.ProcessEnv = { ...env }
  delete host.SETUP_BINFMT_LOCK_DIR
  const result = await run([process.execPath, distEntry(entry)], {
    env: host,
    allowFailure: true
  })
  return { ...result, ...readStep(files) }
}

test('after main, buildx lists arm64 and arm/v7 and builds a RUN step for each; post restores the table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'buildx-'))
  // The plugin goes into this test's own Docker configuration, never into the system.
  const config = join(dir, 'docker-config')
  mkdirSync(join(config, 'cli-plugins'), { recursive: true })
  copyFileSync(buildxPlugin(), join(config, 'cli-plugins', 'docker-buildx'))
  const docker = (...args: string[]) =>
    run(['docker', ...args], {
      env: { ...process.env, DOCKER_CONFIG: config, BUILDX_NO_DEFAULT_ATTESTATIONS: '1' },
      allowFailure: true
    })

  const table = await BinfmtTable.open({ log: memoryLog() })
  const before = await table.list()
  let saved: string | undefined
  try {
    const main = await step(dir, 'main', inputs({ platforms: 'arm64,arm', source: 'system' }))
    saved = main.state.binfmt
    expect([main.code, main.stderr]).toEqual([0, ''])
    expect(main.outputs['emulated-platforms']).toBe('linux/arm64,linux/arm/v7,linux/arm/v6')

    const ls = await docker('buildx', 'ls')
    expect(ls.code).toBe(0)
    expect(ls.stdout).toMatch(/\bdocker\b/)
    expect(ls.stdout).toMatch(/linux\/arm64\b/)
    expect(ls.stdout).toMatch(/linux\/arm\/v7\b/)

    // A foreign busybox, copied into an empty image, runs in the RUN step under emulation and
    // writes what it is; the local exporter brings that file back.
    for (const [platform, debianArch, machine] of [
      ['linux/arm64', 'arm64', 'aarch64'],
      ['linux/arm/v7', 'armhf', 'armv7l']
    ] as const) {
      const context = join(dir, `context-${debianArch}`)
      mkdirSync(context)
      copyFileSync(busybox(debianArch), join(context, 'busybox'))
      writeFileSync(
        join(context, 'Dockerfile'),
        [
          'FROM scratch',
          'COPY busybox /bin/busybox',
          'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox uname -m > /machine"]',
          ''
        ].join('\n')
      )
      const out = join(dir, `out-${debianArch}`)
      const build = await docker(
        'buildx',
        'build',
        // BuildKit would reuse an earlier run's RUN result, which proves nothing about this one.
        '--no-cache',
        '--platform',
        platform,
        '--output',
        `type=local,dest=${out}`,
        context
      )
      expect([platform, build.code, build.code === 0 ? '' : build.stderr]).toEqual([
        platform,
        0,
        ''
      ])
      expect(readFileSync(join(out, 'machine'), 'utf8')).toBe(`${machine}\n`)
    }

    const post = await step(dir, 'post', { STATE_binfmt: main.state.binfmt })
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/binfmt_misc is as it was before the run/)
    expect(await table.list()).toEqual(before)
  } finally {
    // Whatever failed above, leave the host's table as it was.
    const left = saved ? fileStore(saved).load() : undefined
    if (left) await restore(table, left, memoryLog())
    rmSync(dir, { recursive: true, force: true })
  }
}, 300_000)
