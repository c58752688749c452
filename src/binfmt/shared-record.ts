// The lock and owners record of one binfmt_misc instance, kept somewhere other than root's
// folder on this host: in a container engine, for runs that change the table through it (see
// src/engine/record.ts). Runs in different containers share no /run, but they share the engine.

export interface SharedRecord {
  /** Where the lock and the record are, for messages. */
  readonly where: string
  /** A direct run's: root's folder on this host holds its lock and record as well. */
  readonly alongsideHost?: boolean
  /** Run `fn` holding the lock; waiting at most `timeoutMs` for another holder. */
  lock<T>(fn: () => Promise<T>, timeoutMs: number): Promise<T>
  /** The owners record's text (JSON), or undefined when there is none. */
  read(): Promise<string | undefined>
  write(text: string): Promise<void>
  /** The ids of the containers running now: a run recorded by its container is live while it runs. */
  running(): Promise<ReadonlySet<string>>
}
