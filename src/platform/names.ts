// Platform names as people write them (OCI, QEMU, Debian, uname -m) and the QEMU targets
// they mean. Pure: no I/O, so every name form is tested by a table.

import { TARGETS } from './targets.js'

/** The ten platforms container images are built for, as QEMU targets, in buildx's order. */
export const CONTAINER_TARGETS = [
  'x86_64',
  'aarch64',
  'riscv64',
  'ppc64le',
  's390x',
  'i386',
  'mips64el',
  'mips64',
  'loongarch64',
  'arm'
] as const

/** OCI platforms each target runs, for `docker buildx build --platform`. */
const OCI: Record<string, readonly string[]> = {
  x86_64: ['linux/amd64'],
  i386: ['linux/386'],
  aarch64: ['linux/arm64'],
  arm: ['linux/arm/v7', 'linux/arm/v6'],
  riscv64: ['linux/riscv64'],
  ppc64le: ['linux/ppc64le'],
  s390x: ['linux/s390x'],
  mips64el: ['linux/mips64le'],
  mips64: ['linux/mips64'],
  loongarch64: ['linux/loong64'],
  // Go's GOARCH names, where Go has the architecture.
  ppc64: ['linux/ppc64'],
  mips: ['linux/mips'],
  mipsel: ['linux/mipsle']
}

/** Other names for targets: OCI and Go, Debian, uname -m. QEMU names map to themselves. */
const ALIASES: Record<string, string> = {
  amd64: 'x86_64',
  x64: 'x86_64',
  'x86-64': 'x86_64',
  '386': 'i386',
  i686: 'i386',
  x86: 'i386',
  arm64: 'aarch64',
  'arm64/v8': 'aarch64',
  armhf: 'arm',
  armel: 'arm',
  armv7l: 'arm',
  armv7: 'arm',
  armv6l: 'arm',
  armv6: 'arm',
  'arm/v7': 'arm',
  'arm/v6': 'arm',
  'arm/v5': 'arm',
  ppc64el: 'ppc64le',
  powerpc64le: 'ppc64le',
  powerpc64: 'ppc64',
  powerpc: 'ppc',
  mips64le: 'mips64el',
  mipsle: 'mipsel',
  loong64: 'loongarch64',
  arm64be: 'aarch64_be'
}

export function ociPlatforms(target: string): readonly string[] {
  return OCI[target] ?? [`linux/${target}`]
}

/** Resolve one name, or undefined when it names nothing. */
export function resolveName(raw: string): string | undefined {
  const name = raw.toLowerCase().replace(/^linux\//, '')
  if (TARGETS.has(name)) return name
  return ALIASES[name]
}

export interface PlatformRequest {
  /** Targets to emulate, in the order asked, without duplicates. */
  readonly targets: readonly string[]
  /** True when `all` was asked: native targets are then dropped silently. */
  readonly all: boolean
}

/** Every name accepted, for error messages and docs. */
export function validNames(): string[] {
  return [
    'all',
    ...CONTAINER_TARGETS.flatMap(ociPlatforms),
    ...Object.keys(ALIASES),
    ...TARGETS.keys()
  ]
}

/** Split on commas, spaces and newlines; fold case and duplicates; reject unknown names. */
export function parsePlatforms(input: string): PlatformRequest {
  const names = input
    .split(/[\s,]+/)
    .map(s => s.trim())
    .filter(Boolean)
  if (names.length === 0) {
    throw new Error(
      `platforms is empty: name at least one platform, for example 'arm64,arm', or 'all'`
    )
  }
  const targets: string[] = []
  let all = false
  const unknown: string[] = []
  for (const name of names) {
    if (name.toLowerCase() === 'all') {
      all = true
      targets.push(...CONTAINER_TARGETS)
      continue
    }
    const resolved = resolveName(name)
    if (resolved) targets.push(resolved)
    else unknown.push(name)
  }
  if (unknown.length > 0) {
    const shown = unknown.map(n => `'${printable(n)}'`).join(', ')
    throw new Error(
      `Unknown platform ${shown}. Valid names: ${[...new Set(validNames())].join(', ')}`
    )
  }
  return { targets: [...new Set(targets)], all }
}

/** Names come from users: show control characters escaped, and not too much of them. */
function printable(name: string): string {
  const escaped = JSON.stringify(name).slice(1, -1)
  return escaped.length > 40 ? `${escaped.slice(0, 40)}...` : escaped
}
