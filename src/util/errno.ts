// errno names by number, from Node's table: libuv's names cover only some (not ENOEXEC).

import { constants } from 'node:os'

const NAMES = new Map(Object.entries(constants.errno).map(([name, n]) => [n, name]))

/** `ENOEXEC` for 8, and so on; `errno <n>` for a number Node does not name. */
export function errnoName(n: number): string {
  return NAMES.get(n) ?? `errno ${n}`
}
