// The lock and owners record for runs that change the host's table through a container engine.
// Such a run may sit in a `container:` job with a /run of its own, where root's folder on the
// host is out of reach; what every such run on the host shares is the engine. So the lock is a
// container name (the engine makes one container per name: whoever creates it holds the lock),
// and each run's part of the owners record is a volume of its own, whose labels say which
// entries it uses. Runs in job containers are live while their container runs.

import { setTimeout as sleep } from 'node:timers/promises'
import { isLive, mergeRecords, ownerHere, type Owner, type Records } from '../binfmt/lock.js'
import type { SharedRecord } from '../binfmt/shared-record.js'
import type { Entry } from '../binfmt/table.js'
import { run, type ExecResult } from '../util/exec.js'
import type { Log } from '../util/log.js'
import { dockerError, LABEL, type Engine } from '../verify/containers.js'

/** The lock's container name: one per engine, as the engine's host has one table. */
export const LOCK_CONTAINER = 'setup-binfmt-lock'
const HOLDER = 'setup-binfmt.holder'
/** The label naming the run a volume records, and the one holding its entries. */
export const OWNER_LABEL = 'setup-binfmt.owner'
const USES = 'setup-binfmt.uses'
const VOLUME_PREFIX = 'setup-binfmt-owner-'
/** A holder that died without removing the lock (SIGKILL) loses it after this long. */
const LOCK_MAX_AGE = 10 * 60 * 1000

// Podman reads a --label as CSV (a quote or comma breaks it): label values are base64url JSON.
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const decode = <T>(text: string) => JSON.parse(Buffer.from(text, 'base64url').toString()) as T

/** One run's part of the owners record: the entries it uses, and when it began to. */
type Uses = Record<string, { readonly entry: Entry; readonly owner: Owner }>

/** The engine's record; `alongsideHost` for a direct run, which keeps root's folder too. */
export function engineRecord(
  engine: Engine,
  image: () => Promise<string>,
  log?: Log,
  { alongsideHost = false } = {}
): SharedRecord {
  const label = LABEL[engine.name]
  const call = (args: readonly string[], allowFailure = false): Promise<ExecResult> =>
    run([...engine.command, ...args], { allowFailure, timeoutMs: 60_000, log })
  const running = async () =>
    new Set((await call(['ps', '-q', '--no-trunc'])).stdout.split('\n').filter(Boolean))
  // Each run's volume as last read, so that a write changes only the volumes that differ.
  let seen = new Map<string, string>()

  const holderOf = async (): Promise<{ id: string; holder?: Owner } | undefined> => {
    const r = await call(
      ['inspect', '--format', `{{.Id}} {{index .Config.Labels "${HOLDER}"}}`, LOCK_CONTAINER],
      true
    )
    if (r.code !== 0) return undefined // removed meanwhile
    const [id, ...rest] = r.stdout.trim().split(' ')
    try {
      return { id, holder: decode<Owner>(rest.join(' ')) }
    } catch {
      return { id } // not ours to judge: only its age would tell, and it has none
    }
  }

  return {
    alongsideHost,
    where: `${label}'s ${LOCK_CONTAINER} container and ${VOLUME_PREFIX}* volumes`,

    async lock<T>(fn: () => Promise<T>, timeoutMs: number): Promise<T> {
      const deadline = Date.now() + timeoutMs
      const me = ownerHere(process.pid)
      let said = false
      let id: string | undefined
      while (!id) {
        const created = await call(
          [
            'create',
            '--name',
            LOCK_CONTAINER,
            '--label',
            `${HOLDER}=${encode(me)}`,
            '--network',
            'none',
            await image()
          ],
          true
        )
        if (created.code === 0) {
          id = created.stdout.trim()
          continue
        }
        if (!/already in use/.test(created.stderr)) {
          throw new Error(
            `Cannot take the binfmt_misc lock in ${label} (${engine.name} create --name ${LOCK_CONTAINER}: ${dockerError(created.stderr)})`
          )
        }
        const current = await holderOf()
        if (!current) continue
        const { holder } = current
        // Its job's container is gone, or its process (seen from here), or it is too old:
        // it died holding the lock. Removed by id, so a lock taken meanwhile stays.
        if (holder && !isLive(holder, Date.now(), await running(), LOCK_MAX_AGE)) {
          log?.warning(
            `Removing the ${label} lock container of a setup-binfmt that is gone (${JSON.stringify(holder)})`
          )
          await call(['rm', '-f', current.id], true)
          continue
        }
        if (Date.now() > deadline) {
          throw new Error(
            `Another setup-binfmt has held the binfmt_misc lock (${label}'s ${LOCK_CONTAINER} container, ` +
              `holder ${holder ? JSON.stringify(holder) : 'unknown'}) for over ${timeoutMs / 1000} s: wait for it ` +
              `to finish, or if that run is gone, '${engine.name} rm -f ${LOCK_CONTAINER}'`
          )
        }
        if (!said) log?.info('waiting for another setup-binfmt to finish changing binfmt_misc')
        said = true
        await sleep(250)
      }
      try {
        return await fn()
      } finally {
        const r = await call(['rm', '-f', id], true)
        if (r.code !== 0) {
          log?.warning(
            `Cannot remove the ${label} lock container ${id}: ${dockerError(r.stderr)}; remove it by hand`
          )
        }
      }
    },

    async read() {
      const names = (await call(['volume', 'ls', '-q', '--filter', `label=${OWNER_LABEL}`])).stdout
        .split('\n')
        .filter(Boolean)
      seen = new Map()
      if (names.length === 0) return undefined
      const volumes = JSON.parse((await call(['volume', 'inspect', ...names])).stdout) as Array<{
        Name: string
        Labels?: Record<string, string>
      }>
      let records: Records = {}
      for (const v of volumes) {
        const owner = v.Labels?.[OWNER_LABEL]
        if (!owner || v.Name !== VOLUME_PREFIX + owner) continue
        const text = v.Labels?.[USES] ?? ''
        seen.set(owner, text)
        let uses: Uses
        try {
          uses = decode<Uses>(text)
        } catch {
          log?.warning(
            `${label} volume ${v.Name}: its ${USES} label is not base64url JSON; ignoring it`
          )
          continue
        }
        const mine = Object.entries(uses).map(([name, use]) => [
          name,
          { entry: use.entry, owners: { [owner]: use.owner } }
        ])
        records = mergeRecords(records, Object.fromEntries(mine) as Records)
      }
      return JSON.stringify(records)
    },

    async write(text: string) {
      const records = JSON.parse(text) as Records
      const wanted = new Map<string, Uses>()
      for (const [name, record] of Object.entries(records)) {
        for (const [owner, o] of Object.entries(record.owners)) {
          wanted.set(owner, { ...wanted.get(owner), [name]: { entry: record.entry, owner: o } })
        }
      }
      for (const owner of seen.keys()) {
        if (!wanted.has(owner)) await call(['volume', 'rm', '-f', VOLUME_PREFIX + owner])
      }
      for (const [owner, uses] of wanted) {
        const labels = encode(uses)
        if (seen.get(owner) === labels) continue
        // Labels are fixed at creation: a changed part is a new volume.
        if (seen.has(owner)) await call(['volume', 'rm', '-f', VOLUME_PREFIX + owner])
        await call([
          'volume',
          'create',
          '--label',
          `${OWNER_LABEL}=${owner}`,
          '--label',
          `${USES}=${labels}`,
          VOLUME_PREFIX + owner
        ])
      }
      seen = new Map([...wanted].map(([owner, uses]) => [owner, encode(uses)]))
    },

    running
  }
}
