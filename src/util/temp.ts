// Temporary folders: under RUNNER_TEMP on a runner (the runner empties it after every job and
// it is on the job's disk), else the system's temporary folder.

import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The folder temporary folders go in. */
export function tempRoot(): string {
  return process.env.RUNNER_TEMP || tmpdir()
}

/** A new, empty folder named setup-binfmt-<purpose>-XXXXXX, mode 0700. */
export function makeTempDir(purpose: string): Promise<string> {
  return mkdtemp(join(tempRoot(), `setup-binfmt-${purpose}-`))
}
