// The first step of a run: which of the requested targets need emulating on this host.

import type { Log } from '../util/log.js'
import type { PlatformRequest } from './names.js'

export interface Plan {
  /** Targets to emulate, in order. */
  readonly targets: readonly string[]
  /** Targets the host runs itself. */
  readonly native: readonly string[]
}

export function makePlan(request: PlatformRequest, native: ReadonlySet<string>, log: Log): Plan {
  const targets: string[] = []
  for (const t of request.targets) {
    if (!native.has(t)) targets.push(t)
    else if (!request.all) log.notice(`${t} runs natively on this host: nothing to register for it`)
  }
  return { targets, native: [...native] }
}
