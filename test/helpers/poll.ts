// Waiting for something a separate process does (a daemon's status file, a heal, a probe): poll
// the check until it holds, or fail after `ms` with what that process said, for the diagnosis.

export interface UntilOptions {
  /** How long to wait before failing. */
  readonly ms?: number
  /** How often to check. */
  readonly everyMs?: number
  /** What the process said, appended to the timeout's message. */
  readonly said?: () => string | Promise<string>
}

export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  { ms = 20_000, everyMs = 10, said }: UntilOptions = {}
): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) {
      const output = said ? `; the process said:\n${await said()}` : ''
      throw new Error(`timed out waiting for ${what}${output}`)
    }
    await new Promise(r => setTimeout(r, everyMs))
  }
}
