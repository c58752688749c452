// A mirror folder made from real static QEMU (Debian's qemu-user-static): per-target tar.gz
// files, plus broken ones for the fault tests, and manifests written per test.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sha256File as digest } from '../../src/util/hash.js'
import { run } from '../../src/util/exec.js'
import type { Manifest, ManifestFile } from '../../src/qemu/manifest.js'
import { qemuStatic } from './fixtures.js'

export interface MirrorFile {
  readonly filename: string
  readonly sha256: string
  readonly size: number
}

/** tar.gz holding `members` (name -> source path) under `dir/files/`. */
export async function tarGz(
  dir: string,
  filename: string,
  members: Record<string, string>,
  tarArgs: string[] = []
): Promise<MirrorFile> {
  const stage = mkdtempSync(join(dir, 'stage-'))
  for (const [name, source] of Object.entries(members)) copyFileSync(source, join(stage, name))
  mkdirSync(join(dir, 'files'), { recursive: true })
  const out = join(dir, 'files', filename)
  await run(['tar', '-czf', out, ...tarArgs, '-C', stage, ...Object.keys(members)])
  rmSync(stage, { recursive: true, force: true })
  return { filename, sha256: await digest(out), size: statSync(out).size }
}

export async function buildMirror(dir: string) {
  return {
    aarch64: await tarGz(dir, 'qemu-aarch64-7.2.0-linux-x64.tar.gz', {
      'qemu-aarch64': qemuStatic('aarch64')
    }),
    arm: await tarGz(dir, 'qemu-arm-7.2.0-linux-x64.tar.gz', {
      'qemu-arm-static': qemuStatic('arm')
    }),
    // A member that climbs out of the extraction folder.
    evil: await tarGz(dir, 'evil.tar.gz', { 'qemu-aarch64': qemuStatic('aarch64') }, [
      '--transform',
      's,^,../,',
      '--absolute-names'
    ]),
    // A dynamically linked program posing as an interpreter.
    dynamic: await tarGz(dir, 'dynamic.tar.gz', { 'qemu-aarch64': process.execPath })
  }
}

/** A manifest entry for a mirror file, relative to the manifest unless `url` says otherwise. */
export function entry(
  file: MirrorFile,
  targets: string[],
  change: Partial<ManifestFile> = {}
): ManifestFile {
  return {
    filename: file.filename,
    platform: 'linux',
    arch: 'x64',
    targets,
    format: 'tar.gz',
    sha256: file.sha256,
    size: file.size,
    download_url: `files/${file.filename}`,
    ...change
  }
}

export function writeManifest(dir: string, name: string, manifest: Manifest): string {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(manifest, null, 2))
  return path
}
