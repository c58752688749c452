// Paths of real programs the tests use.

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** Debian's busybox-static for a Debian architecture, fetched by scripts/fetch-fixtures.mjs. */
export function busybox(debianArch: 'arm64' | 'armhf' | 'riscv64' | 'ppc64el' | 's390x'): string {
  const path = resolve('.cache/fixtures', debianArch, 'busybox')
  if (!existsSync(path)) throw new Error(`${path} is missing: run node scripts/fetch-fixtures.mjs`)
  return path
}

/** Debian's static QEMU interpreter for a target (package qemu-user-static). */
export function qemuStatic(target: string): string {
  const path = `/usr/bin/qemu-${target}-static`
  if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install qemu-user-static`)
  return path
}

/** Debian trixie's docker-buildx CLI plugin for this host, fetched by scripts/fetch-fixtures.mjs. */
export function buildxPlugin(): string {
  const path = resolve('.cache/fixtures/buildx/docker-buildx')
  if (!existsSync(path)) throw new Error(`${path} is missing: run node scripts/fetch-fixtures.mjs`)
  return path
}
