// Fedora: `dnf download` of the qemu-user-static-<group> packages the targets need (which
// package holds which interpreter, from Fedora's qemu.spec), and the interpreters from the rpms.

import { join } from 'node:path'
import { extractRpmInterpreters, readRpm } from '../archive/rpm.js'
import { HOST_ARCHES } from '../../platform/host.js'
import { target } from '../../platform/targets.js'
import {
  isPackageFile,
  unpackByTarget,
  unpackFile,
  type Context,
  type Unpacked
} from './package-files.js'

/**
 * Fedora splits static QEMU into qemu-user-static-<group> packages; each target's group, from
 * the `%files user-static-<group>` sections of Fedora's qemu.spec (as of QEMU 10.1).
 */
export const FEDORA_GROUPS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    aarch64: ['aarch64', 'aarch64_be'],
    alpha: ['alpha'],
    arm: ['arm', 'armeb'],
    hexagon: ['hexagon'],
    hppa: ['hppa'],
    loongarch64: ['loongarch64'],
    m68k: ['m68k'],
    microblaze: ['microblaze', 'microblazeel'],
    mips: ['mips', 'mipsel', 'mips64', 'mips64el', 'mipsn32', 'mipsn32el'],
    or1k: ['or1k'],
    ppc: ['ppc', 'ppc64', 'ppc64le'],
    riscv: ['riscv32', 'riscv64'],
    s390x: ['s390x'],
    sh4: ['sh4', 'sh4eb'],
    sparc: ['sparc', 'sparc32plus', 'sparc64'],
    x86: ['i386', 'x86_64'],
    xtensa: ['xtensa', 'xtensaeb']
  }).flatMap(([group, interpreters]) => interpreters.map(i => [i, group] as const))
)

/** The Fedora package holding a target's interpreter: i486 runs under qemu-i386, so x86. */
export function fedoraPackage(targetName: string): string {
  const interpreter = target(targetName).interpreter
  const group = FEDORA_GROUPS.get(interpreter)
  if (!group) throw new Error(`Fedora has no qemu-user-static package for ${targetName}`)
  return `qemu-user-static-${group}`
}

export async function fromFedora(context: Context): Promise<Unpacked[]> {
  return unpackByTarget(context, {
    folder: 'rpms',
    packageOf: fedoraPackage,
    command: (dir, names) => ({ argv: ['dnf', 'download', `--destdir=${dir}`, ...names] }),
    failure: (message, names) =>
      `dnf download ${names.join(' ')} failed (${message}): Fedora ships static QEMU as ` +
      `qemu-user-static-<group>; RHEL and CentOS do not, so use source: download or system there`,
    unpack: async (name, wanted, dir, files) => {
      // qemu-user-static-aarch64-9.1.2-1.fc41.x86_64.rpm (not -aarch64_be-..., not a .src.rpm)
      const found = files.filter(f => isPackageFile(f, name, '.rpm') && !f.endsWith('.src.rpm'))
      const rpm = found.find(f => f.endsWith(`.${HOST_ARCHES[context.arch]?.rpm}.rpm`)) ?? found[0]
      if (!rpm) throw new Error(`dnf download ${name} left no ${name}-<version>.rpm file`)
      const info = await readRpm(join(dir, rpm))
      if (info.name !== name) throw new Error(`${rpm} holds the package ${info.name}, not ${name}`)
      return unpackFile(context, dir, rpm, info.evr, out =>
        extractRpmInterpreters(join(dir, rpm), wanted, out, context.log)
      )
    }
  })
}
