// Where progress goes. The action writes workflow commands (src/runner.ts); the CLI
// writes plain lines. Core modules take a Log and never know which.

export interface Log {
  info(message: string): void
  debug(message: string): void
  notice(message: string): void
  warning(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** A Log that keeps lines in memory, for callers that want quiet (and for tests). */
export function memoryLog(lines: string[] = []): Log & { lines: string[] } {
  return {
    lines,
    info: m => void lines.push(m),
    debug: m => void lines.push(`debug: ${m}`),
    notice: m => void lines.push(`notice: ${m}`),
    warning: m => void lines.push(`warning: ${m}`),
    group: (name, fn) => {
      lines.push(`# ${name}`)
      return fn()
    }
  }
}
