// Paths of real programs the tests use.

import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { imageArchive, type ImageFile } from '../../src/verify/images.js'

/** Debian's busybox-static for a Debian architecture, fetched by scripts/fetch-fixtures.mjs. */
export function busybox(debianArch: 'arm64' | 'armhf' | 'riscv64' | 'ppc64el' | 's390x'): string {
  const path = resolve('.cache/fixtures', debianArch, 'busybox')
  if (!existsSync(path)) throw new Error(`${path} is missing: run node scripts/fetch-fixtures.mjs`)
  return path
}

/**
 * A `docker load` archive of an arm64 image: Debian's static busybox as /bin/uname, and with
 * `shell` as /bin/sh too, its command.
 */
export function busyboxImage(tag: string, { shell = false } = {}): Buffer {
  const files: ImageFile[] = [
    { path: '/bin/busybox', mode: 0o755, content: readFileSync(busybox('arm64')) },
    { path: '/bin/uname', symlink: 'busybox' },
    ...(shell ? [{ path: '/bin/sh', symlink: 'busybox' }] : [])
  ]
  const cmd = shell ? { cmd: ['/bin/sh'] } : {}
  return imageArchive([{ tag, platform: 'linux/arm64', files, ...cmd }]).archive
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
