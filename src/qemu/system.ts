// `source: system`: interpreters already on the machine, from qemu-path or the usual places.

import { constants } from 'node:fs'
import { access, open, stat } from 'node:fs/promises'
import { delimiter, join } from 'node:path'
import { checkInterpreter } from './elf.js'
import { target } from '../platform/targets.js'

/** Where to look, in order: qemu-path alone when given, else PATH, /usr/bin, /usr/local/bin. */
export function searchDirs(qemuPath?: string, path = process.env.PATH ?? ''): string[] {
  if (qemuPath) return [qemuPath]
  const dirs = [
    ...path.split(delimiter).filter(d => d.startsWith('/')),
    '/usr/bin',
    '/usr/local/bin'
  ]
  return [...new Set(dirs)]
}

/** The file names an interpreter for a target may have: qemu-<target>-static or qemu-<target>. */
export function candidateNames(targetName: string): string[] {
  const name = target(targetName).interpreter
  return [`qemu-${name}-static`, `qemu-${name}`]
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** Map each target to a static interpreter for this host, or fail naming what is missing. */
export async function findSystemInterpreters(
  targets: readonly string[],
  qemuPath?: string
): Promise<Map<string, string>> {
  if (qemuPath) {
    const info = await stat(qemuPath).catch(() => undefined)
    if (!info?.isDirectory()) {
      throw new Error(
        `qemu-path '${qemuPath}' is not a folder: point it at the folder that holds qemu-<target>-static or qemu-<target>`
      )
    }
  }
  const dirs = searchDirs(qemuPath)
  const found = new Map<string, string>()
  const missing: string[] = []
  for (const t of targets) {
    let hit: string | undefined
    for (const dir of dirs) {
      for (const name of candidateNames(t)) {
        if (!hit && (await isExecutableFile(join(dir, name)))) hit = join(dir, name)
      }
    }
    if (hit) found.set(t, hit)
    else missing.push(t)
  }
  if (missing.length > 0) {
    throw new Error(
      `No QEMU interpreter for ${missing.join(', ')}: looked for ` +
        `${missing.flatMap(candidateNames).join(', ')} in ${dirs.join(', ')}. ` +
        (qemuPath
          ? `Put them in ${qemuPath}, or drop qemu-path to search PATH.`
          : `Install static QEMU (Debian/Ubuntu: apt-get install qemu-user-static) or set qemu-path.`)
    )
  }
  for (const path of found.values()) await checkInterpreter(path)
  return found
}

/**
 * The QEMU version an interpreter was built as, read from the line `--version` would print
 * ("qemu-aarch64 version 7.2.22 (Debian ...)"), which the binary holds as one string. Read,
 * not run: nothing found on the machine is executed by this project.
 */
export async function qemuVersion(interpreter: string): Promise<string> {
  const pattern = /qemu-[a-z0-9_]+ version (\d+\.\d+(?:\.\d+)?)[ \n]/
  const file = await open(interpreter, 'r').catch(() => undefined)
  if (!file) return 'unknown'
  try {
    const chunk = Buffer.alloc(1 << 20)
    const overlap = 64
    let tail = ''
    for (let at = 0; ;) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, at)
      if (bytesRead === 0) return 'unknown'
      const text = tail + chunk.toString('latin1', 0, bytesRead)
      const found = pattern.exec(text)
      if (found) return found[1]
      tail = text.slice(-overlap)
      at += bytesRead
    }
  } finally {
    await file.close()
  }
}
