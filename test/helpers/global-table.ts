// Entries in the host's GLOBAL binfmt_misc table, for the container tests (containers use
// that table, not a namespace's). Only what `register` added is removed again.

import { BinfmtTable, type Entry } from '../../src/binfmt/table.js'
import { memoryLog } from '../../src/util/log.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { qemuStatic } from './fixtures.js'
import { claimedBy } from '../../src/platform/native.js'
import { probeProgram } from '../../src/platform/probes.js'

export class GlobalEntries {
  private constructor(
    readonly table: BinfmtTable,
    /** The table before anything was added. */
    readonly before: Entry[],
    readonly added: string[]
  ) {}

  /** Register POCF entries for `targets` under names that are free (ours are tried first). */
  static async register(targets: readonly string[]): Promise<GlobalEntries> {
    const table = await BinfmtTable.open({ log: memoryLog() })
    const entries = new GlobalEntries(table, await table.list(), [])
    for (const target of targets) {
      const wanted = wantedEntry(target, qemuStatic(target), 'POCF')
      const candidates = [wanted.name, `${wanted.name}-test`, `${wanted.name}-test-${process.pid}`]
      let name: string | undefined
      for (const candidate of candidates) {
        if (!name && !(await table.get(candidate))) name = candidate
      }
      if (!name) throw new Error(`No free entry name for ${target} in the global table`)
      // Registered later than any entry already there, ours is the one the kernel tries first.
      await table.register({ ...wanted, name })
      entries.added.push(name)
    }
    return entries
  }

  /**
   * Only the table as it is now, for a run of the code under test that adds entries itself:
   * removeNew() then takes away whatever that run left, whatever happened to it.
   */
  static async snapshot(): Promise<GlobalEntries> {
    const table = await BinfmtTable.open({ log: memoryLog() })
    return new GlobalEntries(table, await table.list(), [])
  }

  /** Remove every entry that was not in the table before; the problems, one line each. */
  async removeNew(): Promise<string[]> {
    const old = new Set(this.before.map(e => e.name))
    const problems: string[] = []
    for (const e of (await this.table.list()).reverse()) {
      if (old.has(e.name)) continue
      try {
        await this.table.remove(e.name)
      } catch (err) {
        problems.push(
          `Cannot remove ${e.name} from the global binfmt_misc table: ${(err as Error).message}`
        )
      }
    }
    return problems
  }

  /** Remove exactly what register added; the problems, one line each. */
  async remove(): Promise<string[]> {
    const problems: string[] = []
    for (const name of [...this.added].reverse()) {
      try {
        await this.table.remove(name)
      } catch (e) {
        problems.push(
          `Cannot remove ${name} from the global binfmt_misc table: ${(e as Error).message}`
        )
      }
    }
    return problems
  }
}

/**
 * s390x, or the first of a few more targets whose probe no entry of `entries` would run: a
 * foreign container of it must fail with exec format error.
 */
export function unclaimedTarget(entries: readonly Entry[]): string {
  const target = ['s390x', 'ppc64le', 'mips64el', 'loongarch64'].find(
    t => !claimedBy(probeProgram(t), entries)
  )
  if (!target) throw new Error('Every candidate target has a binfmt_misc entry on this host')
  return target
}
