// `source: package`: the distribution's own static QEMU packages, downloaded with the
// distribution's tools but not installed (no maintainer scripts, no distribution binfmt
// entries); only the needed interpreters are taken from them and kept in the tool cache.
//
//   Debian, Ubuntu   apt-get download qemu-user-static (qemu-user where that holds them)
//   Fedora           dnf download qemu-user-static-<group>
//   Alpine           apk fetch qemu-<target>

import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createInflateRaw } from 'node:zlib'
import semver from 'semver'
import type { AcquireRequest, Acquired } from '../request.js'
import { extractInterpreters } from '../archive/extract.js'
import { storeCached, toolName } from '../cache.js'
import { checkInterpreter } from '../elf.js'
import { run as runCommand, type Runner } from '../../util/exec.js'
import type { Log } from '../../util/log.js'
import { extractRpmInterpreters, readRpm } from '../archive/rpm.js'
import { target } from '../../platform/targets.js'
import { makeTempDir } from '../../util/temp.js'
import { HOST_ARCHES } from '../../platform/host.js'

export type PackageManager = 'apt' | 'dnf' | 'apk'

export interface PackageSourceOptions {
  /** The file that names the distribution; tests point this elsewhere. */
  readonly osRelease?: string
  /** Runs the package manager (apt-get, dnf, apk); tests pass a stand-in. */
  readonly run?: Runner
}

interface Context {
  readonly targets: readonly string[]
  /** A temporary folder, removed afterwards. */
  readonly work: string
  readonly run: Runner
  readonly log: Log
  readonly arch: string
}

/** One interpreter taken from a package, before it is checked and cached. */
interface Unpacked {
  readonly target: string
  readonly path: string
  /** The package version as the distribution writes it, e.g. 1:7.2+dfsg-7 or 2:9.1.2-1.fc41. */
  readonly full: string
  /** The package file it came from. */
  readonly file: string
}

/** The distribution's static QEMU packages, downloaded but not installed (no maintainer scripts). */
export async function fromPackage(
  request: AcquireRequest,
  log: Log,
  options: PackageSourceOptions = {}
): Promise<Acquired> {
  const arch = request.arch ?? process.arch
  const release = parseOsRelease(
    await readFile(options.osRelease ?? '/etc/os-release', 'utf8').catch(() => '')
  )
  const manager = packageManager(release)
  if (!manager) {
    const name = release.get('PRETTY_NAME') || release.get('NAME') || 'this system'
    throw new Error(
      `source: package works on Debian and Ubuntu (apt-get), Fedora (dnf) and Alpine (apk); ` +
        `${name} is none of these: use source: download or system`
    )
  }
  const run = options.run ?? runCommand
  const work = await makeTempDir('pkg')
  try {
    const unpack = { apt: fromDebian, dnf: fromFedora, apk: fromAlpine }[manager]
    const unpacked = await unpack({ targets: request.targets, work, run, log, arch })
    // Check every interpreter before caching any, so a refusal leaves the cache as it was.
    for (const { path } of unpacked) await checkInterpreter(path, arch)
    const interpreters = new Map<string, string>()
    for (const { target: t, path, full } of unpacked) {
      interpreters.set(
        t,
        await storeCached(`${toolName(t)}-package`, cacheVersion(full), arch, path)
      )
    }
    const version = unpacked[0]?.full ?? ''
    const files = [...new Set(unpacked.map(u => u.file))].map(file => ({
      file,
      targets: unpacked.filter(u => u.file === file).map(u => u.target)
    }))
    return { interpreters, source: 'package', version, files, cacheHit: false, downloadedBytes: 0 }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** 1:7.2+dfsg-7+deb12u18 -> 7.2.0; 2:9.1.2-1.fc41 -> 9.1.2; 9.1.2-r0 -> 9.1.2. */
function cacheVersion(full: string): string {
  return semver.coerce(full.replace(/^\d+:/, ''))?.version ?? '0.0.0'
}

// ---------------------------------------------------------------------------------------------
// Which distribution

/** KEY=value lines of os-release(5); values may be quoted, with backslash escapes inside. */
export function parseOsRelease(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*?)\s*$/.exec(line)
    if (!match) continue
    let value = match[2]
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1)
      if (quote === '"') value = value.replace(/\\(.)/g, '$1')
    }
    fields.set(match[1], value)
  }
  return fields
}

/** ID first, then ID_LIKE in its order: Linux Mint says ubuntu, Rocky says rhel and fedora. */
export function packageManager(release: ReadonlyMap<string, string>): PackageManager | undefined {
  const ids = [release.get('ID') ?? '', ...(release.get('ID_LIKE') ?? '').split(/\s+/)]
  for (const id of ids.map(i => i.toLowerCase())) {
    if (id === 'debian' || id === 'ubuntu') return 'apt'
    if (id === 'fedora' || id === 'rhel' || id === 'centos') return 'dnf'
    if (id === 'alpine') return 'apk'
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Debian and Ubuntu

/**
 * qemu-user-static, or qemu-user when that is where the static interpreters are: from Debian 13
 * qemu-user-static is a transitional package with no interpreter in it and qemu-user ships the
 * static builds. On older releases qemu-user's are dynamic, which checkInterpreter refuses.
 */
async function fromDebian(context: Context): Promise<Unpacked[]> {
  try {
    return await fromDeb('qemu-user-static', context)
  } catch (first) {
    // Missing from the archive (a download error) or holding no interpreter (transitional).
    const reason = (first as Error).message
    if (!/ has no QEMU interpreter for |^apt-get download /.test(reason)) throw first
    context.log.info(`package: qemu-user-static will not do (${reason}); trying qemu-user`)
    try {
      const unpacked = await fromDeb('qemu-user', context)
      for (const { path } of unpacked) await checkInterpreter(path, context.arch)
      return unpacked
    } catch (second) {
      throw new Error(`${reason}; and qemu-user: ${(second as Error).message}`, { cause: second })
    }
  }
}

async function fromDeb(name: string, { targets, work, run, log }: Context): Promise<Unpacked[]> {
  const dir = join(work, name)
  await mkdir(dir, { recursive: true })
  // As root, apt drops to _apt for downloads, which cannot write to our temporary folder.
  const sandbox = process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : []
  await run(['apt-get', 'download', ...sandbox, name], { cwd: dir, log }).catch((e: Error) => {
    throw new Error(`apt-get download ${name} failed (${e.message}); run apt-get update first`, {
      cause: e
    })
  })
  const deb = (await readdir(dir)).find(f => f.startsWith(`${name}_`) && f.endsWith('.deb'))
  if (!deb) throw new Error(`apt-get download ${name} left no .deb file`)
  // qemu-user-static_1%3a7.2+dfsg-7+deb12u18+b3_amd64.deb: version 1:7.2+dfsg-7+deb12u18+b3
  const full = decodeURIComponent(deb.split('_')[1] ?? '')
  log.info(`package: ${deb} (QEMU ${full})`)
  const extracted = await extractInterpreters(join(dir, deb), 'deb', targets, join(dir, 'out'), log)
  return [...extracted].map(([t, path]) => ({ target: t, path, full, file: deb }))
}

// ---------------------------------------------------------------------------------------------
// Fedora

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

async function fromFedora({ targets, work, run, log, arch }: Context): Promise<Unpacked[]> {
  const packages = groupBy(targets, fedoraPackage)
  const names = [...packages.keys()]
  const dir = join(work, 'rpms')
  await mkdir(dir, { recursive: true })
  await run(['dnf', 'download', `--destdir=${dir}`, ...names], { log }).catch((e: Error) => {
    throw new Error(
      `dnf download ${names.join(' ')} failed (${e.message}): Fedora ships static QEMU as ` +
        `qemu-user-static-<group>; RHEL and CentOS do not, so use source: download or system there`,
      { cause: e }
    )
  })
  const files = await readdir(dir)
  const unpacked: Unpacked[] = []
  for (const [name, wanted] of packages) {
    // qemu-user-static-aarch64-9.1.2-1.fc41.x86_64.rpm (not -aarch64_be-..., not a .src.rpm)
    const found = files.filter(f => isPackageFile(f, name, '.rpm') && !f.endsWith('.src.rpm'))
    const rpm = found.find(f => f.endsWith(`.${HOST_ARCHES[arch]?.rpm}.rpm`)) ?? found[0]
    if (!rpm) throw new Error(`dnf download ${name} left no ${name}-<version>.rpm file`)
    const info = await readRpm(join(dir, rpm))
    if (info.name !== name) throw new Error(`${rpm} holds the package ${info.name}, not ${name}`)
    log.info(`package: ${rpm} (QEMU ${info.evr})`)
    const extracted = await extractRpmInterpreters(join(dir, rpm), wanted, join(dir, 'out'), log)
    for (const [t, path] of extracted) unpacked.push({ target: t, path, full: info.evr, file: rpm })
  }
  return unpacked
}

// ---------------------------------------------------------------------------------------------
// Alpine

/** Alpine's per-target package installs /usr/bin/qemu-<target>. */
export function alpinePackage(targetName: string): string {
  return `qemu-${target(targetName).interpreter}`
}

/**
 * Alpine's qemu-<target> interpreters may be linked dynamically against musl, depending on how
 * the release built them. checkInterpreter then refuses them with its own clear message, which
 * is right: a dynamic interpreter fails in any container or chroot without Alpine's musl loader.
 */
async function fromAlpine({ targets, work, run, log }: Context): Promise<Unpacked[]> {
  const packages = groupBy(targets, alpinePackage)
  const names = [...packages.keys()]
  const dir = join(work, 'apks')
  await mkdir(dir, { recursive: true })
  await run(['apk', 'fetch', '--output', dir, ...names], { log }).catch((e: Error) => {
    throw new Error(
      `apk fetch ${names.join(' ')} failed (${e.message}); run apk update first, with the ` +
        `community repository (which holds the qemu-<target> packages) enabled`,
      { cause: e }
    )
  })
  const files = await readdir(dir)
  const unpacked: Unpacked[] = []
  for (const [name, wanted] of packages) {
    // qemu-aarch64-9.1.2-r0.apk: version 9.1.2-r0 (not qemu-aarch64_be-...)
    const apk = files.find(f => isPackageFile(f, name, '.apk'))
    if (!apk) throw new Error(`apk fetch ${name} left no ${name}-<version>.apk file`)
    const full = apk.slice(name.length + 1, -'.apk'.length)
    log.info(`package: ${apk} (QEMU ${full})`)
    const data = join(dir, `${name}.data.tar.gz`)
    await apkDataSegment(join(dir, apk), data)
    const extracted = await extractInterpreters(data, 'tar.gz', wanted, join(dir, 'out'), log)
    await rm(data, { force: true })
    for (const [t, path] of extracted) unpacked.push({ target: t, path, full, file: apk })
  }
  return unpacked
}

/**
 * An .apk (v2) is gzip streams one after the other: the signature tar, the control tar
 * (.PKGINFO) and the data tar, which comes last. Alpine cuts the end-of-archive blocks from the
 * first two so the whole reads as one tar, but a package written with plain tar keeps them, and
 * a tar reader stops at the first. So copy just the last gzip stream, the data, to `dest`.
 */
export async function apkDataSegment(file: string, dest: string): Promise<void> {
  const handle = await open(file, 'r')
  let last: { start: number; end: number } | undefined
  try {
    const { size } = await handle.stat()
    for (let at = 0; at < size;) {
      const head = Buffer.alloc(Math.min(size - at, 64 * 1024))
      await handle.read(head, 0, head.length, at)
      if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
        if (last) break // padding after the last stream
        throw new Error(
          `${file} is not an Alpine package this tool reads (APK v2: gzip streams of tar); ` +
            `APK v3 packages are not supported: use source: download or system`
        )
      }
      const body = at + gzipHeaderLength(file, head)
      // Inflate the deflate data just to learn where it ends; the 8-byte CRC and size follow.
      const inflate = createInflateRaw()
      const discard = new Writable({ write: (_chunk, _encoding, done) => done() })
      await pipeline(createReadStream(file, { start: body }), inflate, discard).catch(
        (e: Error) => {
          throw new Error(`${file} has a corrupt gzip stream at byte ${at}: ${e.message}`)
        }
      )
      const end = body + inflate.bytesWritten + 8
      if (end > size) throw new Error(`${file} is truncated: its last gzip stream stops early`)
      last = { start: at, end }
      at = end
    }
  } finally {
    await handle.close()
  }
  if (!last) throw new Error(`${file} is empty`)
  await pipeline(
    createReadStream(file, { start: last.start, end: last.end - 1 }),
    createWriteStream(dest)
  )
}

/** RFC 1952: 10 fixed bytes, then the optional extra field, name, comment and header CRC. */
function gzipHeaderLength(file: string, head: Buffer): number {
  const bad = () => new Error(`${file} has a gzip header this tool does not read`)
  if (head.length < 10 || head[2] !== 8) throw bad()
  const flags = head[3]
  let at = 10
  if (flags & 0x04) {
    if (at + 2 > head.length) throw bad()
    at += 2 + head.readUInt16LE(at)
  }
  for (const flag of [0x08, 0x10]) {
    if (!(flags & flag)) continue
    const zero = head.indexOf(0, at)
    if (zero < 0) throw bad()
    at = zero + 1
  }
  if (flags & 0x02) at += 2
  if (at > head.length) throw bad()
  return at
}

// ---------------------------------------------------------------------------------------------

/** name-<digit>...<ext>: the package itself, not one whose name merely starts the same. */
function isPackageFile(file: string, name: string, ext: string): boolean {
  return (
    file.startsWith(`${name}-`) && /^\d/.test(file.slice(name.length + 1)) && file.endsWith(ext)
  )
}

/** Targets by the package that holds them, in the order first needed. */
function groupBy(targets: readonly string[], key: (t: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const t of new Set(targets)) {
    const k = key(t)
    groups.set(k, [...(groups.get(k) ?? []), t])
  }
  return groups
}
