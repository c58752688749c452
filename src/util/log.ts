// Where progress goes. The action writes workflow commands (src/action/runner.ts); the CLI
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

/** C0 and C1 controls (tab aside), DEL and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/g

/**
 * Text that came from outside (a manifest, a file name, a command's output), made safe for one
 * log line: controls become visible escapes (\n, \x1b, \u2028), so nothing can start a new
 * line; and a line the runner would read as a workflow command (`::name::` or `##[`, after the
 * leading spaces it trims) starts with a zero-width space instead. Used by every Log.
 */
export function safeLine(text: string): string {
  const escaped = text.replace(CONTROL, c => {
    const code = c.charCodeAt(0)
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    return code > 0xff
      ? `\\u${code.toString(16).padStart(4, '0')}`
      : `\\x${code.toString(16).padStart(2, '0')}`
  })
  return /^\s*(::|##)/.test(escaped) ? `\u200b${escaped}` : escaped
}
