// `setup-binfmt export` end to end: which platforms need emulation, their interpreters from
// the chosen source (as install gets them), then the files (write.ts).

import { acquire } from '../qemu/acquire.js'
import type { Acquired } from '../qemu/request.js'
import { BinfmtTable } from '../binfmt/table.js'
import type { Log } from '../util/log.js'
import { nativeTargets } from '../platform/native.js'
import type { Options } from '../options.js'
import { makePlan, type Plan } from '../platform/plan.js'
import type { ExportFormat } from './formats.js'
import type { ExportResult } from './plan.js'
import { exportFiles } from './write.js'

export interface ExportRequest {
  readonly format: ExportFormat
  readonly dir?: string
  readonly installDir?: string
  readonly dryRun?: boolean
  /** binfmt-support's database; default BINFMT_SUPPORT_ADMIN_DIR. */
  readonly adminDir?: string
}

export interface ExportDeps {
  readonly log: Log
  /** Targets the host runs itself; found by running probes when absent. */
  readonly native?: ReadonlySet<string>
}

/**
 * `setup-binfmt export`: the platforms of `options` that the host does not run natively, their
 * interpreters from the chosen source (as install gets them), exported in `request.format`.
 */
export async function exportPlatforms(
  options: Options,
  request: ExportRequest,
  deps: ExportDeps
): Promise<ExportResult & { readonly plan: Plan; readonly acquired?: Acquired }> {
  const { log } = deps
  const native = deps.native ?? (await nativeTargets(await BinfmtTable.read(), log))
  const p = makePlan(options.platforms, native, log)
  const acquired =
    p.targets.length === 0 ? undefined : await acquire({ ...options, targets: p.targets }, log)
  const result = await exportFiles({
    ...request,
    acquired: acquired ?? { interpreters: new Map(), version: '' },
    flags: options.flags,
    log
  })
  return { ...result, plan: p, acquired }
}
