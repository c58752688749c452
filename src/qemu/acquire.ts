// Get a static interpreter per target from the chosen source. `auto` tries the tool cache, the
// manifest download, then the distribution package, and says why each one was passed over.
// A download stays on the pinned version: a per-target file that cannot be had gives way to
// the next file of the same version that holds those targets (the whole .deb and its mirrors).

import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import semver from 'semver'
import { extractInterpreters } from './archive/extract.js'
import {
  CacheEntryRefused,
  cacheKey,
  cachedVersions,
  findCached,
  storeCached,
  toolName
} from './cache.js'
import { DEFAULT_MANIFEST } from './builtin-manifest.js'
import { downloadVerified, fetchManifest, type DownloadOptions } from './download.js'
import { checkInterpreter } from './elf.js'
import type { Log } from '../util/log.js'
import { makeTempDir } from '../util/temp.js'
import {
  FilesUnavailable,
  fileUrls,
  isUrl,
  parseManifest,
  pickFiles,
  selectRelease,
  type Manifest,
  type ManifestFile,
  type ManifestRelease,
  type ManifestTrust
} from './manifest.js'
import type { AcquireRequest, Acquired, AcquiredFile } from './request.js'
import { fromPackage } from './package/source.js'
import { findSystemInterpreters, qemuVersion } from './system.js'

export { qemuVersion }

/** One file per interpreter already on this machine (system, tool cache): its path. */
const filesOf = (interpreters: ReadonlyMap<string, string>): AcquiredFile[] =>
  [...interpreters].map(([t, path]) => ({ file: path, targets: [t] }))

/** Where relative URLs in the built-in manifest would point: this project's releases. */
const DEFAULT_MANIFEST_URL = 'https://github.com/setup-binfmt/setup-binfmt/releases/download/'

export async function acquire(request: AcquireRequest, log: Log): Promise<Acquired> {
  switch (request.source) {
    case 'system':
      return fromSystem(request, log)
    case 'download':
      return (await fromCache(request, log)) ?? fromDownload(request, log)
    case 'package':
      await checkVersionInput(request, log)
      return warnUnlessSatisfied(request, await fromPackage(request, log), log)
    case 'auto':
      return auto(request, log)
  }
}

/**
 * Cache, then the manifest's files of the pinned version, and only when none of those can be
 * had for this host, the distribution's package, with a warning that it is not pinned. A bad
 * qemu-version or manifest is an error here as with `download`.
 */
async function auto(request: AcquireRequest, log: Log): Promise<Acquired> {
  const cached = await fromCache(request, log)
  if (cached) return cached
  let reason: string
  try {
    return await fromDownload(request, log)
  } catch (e) {
    if (!(e instanceof FilesUnavailable)) throw e
    reason = e.message
  }
  log.info(`auto: ${reason}; trying the distribution's QEMU package`)
  let got: Acquired
  try {
    got = await fromPackage(request, log)
  } catch (e) {
    throw new Error(
      `source auto: ${reason}; and the distribution package failed too: ${(e as Error).message}`,
      { cause: e }
    )
  }
  log.warning(
    `auto: running the distribution's QEMU ${got.version} (${got.files.map(f => f.file).join(', ')}), ` +
      `which is NOT pinned (no version or SHA-256 from the manifest), because ${reason}. ` +
      `Use source: download to fail instead, or make the manifest's files reachable.`
  )
  return got
}

/** A qemu-version that no manifest entry matches is an error with every source. */
async function checkVersionInput(request: AcquireRequest, log: Log): Promise<void> {
  if (!request.qemuVersion) return
  const manifest = await loadManifest(request.manifest, log, request.download)
  selectRelease(manifest.releases, request.qemuVersion)
}

/** `package` and `system` cannot choose the version: say so when it is not the one asked for. */
function warnUnlessSatisfied(request: AcquireRequest, got: Acquired, log: Log): Acquired {
  const spec = request.qemuVersion
  const version = semver.coerce(got.version.replace(/^\d+:/, ''))?.version
  if (spec && !(version && semver.satisfies(version, spec))) {
    log.warning(
      `source ${request.source} gave QEMU ${got.version}, which is not qemu-version '${spec}': ` +
        `use source: download to get ${spec}`
    )
  }
  return got
}

async function fromSystem(request: AcquireRequest, log: Log): Promise<Acquired> {
  await checkVersionInput(request, log)
  const interpreters = await findSystemInterpreters(request.targets, request.qemuPath)
  const first = interpreters.values().next().value
  const version = first ? await qemuVersion(first) : ''
  const files = filesOf(interpreters)
  const got: Acquired = {
    interpreters,
    source: 'system',
    version,
    files,
    cacheHit: true,
    downloadedBytes: 0
  }
  return warnUnlessSatisfied(request, got, log)
}

/** The newest cached version satisfying the request that has every target; no network. */
async function fromCache(request: AcquireRequest, log: Log): Promise<Acquired | undefined> {
  const arch = request.arch ?? process.arch
  let spec = request.qemuVersion
  if (!request.manifest) {
    // The built-in manifest is free to read: it decides the version, and rejects a bad one.
    spec = selectRelease(DEFAULT_MANIFEST, spec).version
  } else if (!spec) {
    log.info('tool cache: checked after reading the manifest, which decides the version')
    return undefined
  }
  for (const version of cachedVersions(toolName(request.targets[0]), arch)) {
    if (!semver.satisfies(version, spec) || (semver.valid(spec) && version !== cacheKey(spec))) {
      continue
    }
    const cached = await cachedInterpreters(request.targets, version, arch, log)
    if (!cached) continue
    log.info(`tool cache: QEMU ${version} for ${request.targets.join(', ')}`)
    return cacheHit(cached, version)
  }
  log.info(`tool cache: no QEMU ${spec} for ${request.targets.join(', ')} on ${arch}`)
  return undefined
}

/**
 * Every target's cached interpreter of `version` (see findCached for the checks), or
 * undefined when one is missing or refused; a refused entry is downloaded again.
 */
async function cachedInterpreters(
  targets: readonly string[],
  version: string,
  arch: string,
  log: Log
): Promise<Map<string, string> | undefined> {
  const found = new Map<string, string>()
  for (const t of targets) {
    const path = await findCached(toolName(t), version, arch).catch((e: Error) => {
      if (!(e instanceof CacheEntryRefused)) throw e
      log.warning(`tool cache: ${e.message}; getting it again`)
      return undefined
    })
    if (!path) return undefined
    found.set(t, path)
  }
  return found
}

function cacheHit(interpreters: Map<string, string>, version: string): Acquired {
  const files = filesOf(interpreters)
  return { interpreters, source: 'cache', version, files, cacheHit: true, downloadedBytes: 0 }
}

export interface LoadedManifest {
  readonly releases: Manifest
  /** Where relative URLs resolve: the manifest's URL after redirects, or its path. */
  readonly location: string
  /** What its file URLs may be: see ManifestTrust. */
  readonly trust: ManifestTrust
}

export async function loadManifest(
  location: string | undefined,
  log: Log,
  download: DownloadOptions = {}
): Promise<LoadedManifest> {
  if (!location)
    return { releases: DEFAULT_MANIFEST, location: DEFAULT_MANIFEST_URL, trust: 'local' }
  if (isUrl(location)) {
    const got = await fetchManifest(location, { log, ...download })
    return { releases: parseManifest(got.text, location), location: got.url, trust: got.trust }
  }
  const text = await readFile(location, 'utf8').catch((e: Error) => {
    throw new Error(`Cannot read the manifest ${location}: ${e.message}`)
  })
  return { releases: parseManifest(text, location), location, trust: 'local' }
}

async function fromDownload(request: AcquireRequest, log: Log): Promise<Acquired> {
  const arch = request.arch ?? process.arch
  const manifest = await loadManifest(request.manifest, log, request.download)
  const release = selectRelease(manifest.releases, request.qemuVersion)
  const cached = await cachedInterpreters(request.targets, release.version, arch, log)
  if (cached) {
    log.info(
      `tool cache: QEMU ${release.version} for ${request.targets.join(', ')} (no file downloaded)`
    )
    return cacheHit(cached, release.version)
  }
  const work = await makeTempDir('download')
  const interpreters = new Map<string, string>()
  const files: AcquiredFile[] = []
  // Files that could not be had, with why: their targets go to the next file that holds them.
  const failed = new Map<string, string>()
  let remaining = [...request.targets]
  let downloadedBytes = 0
  try {
    while (remaining.length > 0) {
      for (const file of pickStill(release, arch, remaining, failed)) {
        const wanted = remaining.filter(t => file.targets.includes(t))
        log.info(`downloading ${file.filename} (${file.format}) for ${wanted.join(', ')}`)
        const archive = join(work, file.filename)
        const urls = fileUrls(file, manifest.location, manifest.trust)
        const pinned = { urls, sha256: file.sha256, size: file.size, trust: manifest.trust }
        let got
        try {
          got = await downloadVerified(pinned, archive, { log, ...request.download })
        } catch (e) {
          const why = (e as Error).message
          failed.set(file.filename, why)
          log.notice(
            `QEMU ${release.version}: ${file.filename} could not be had (${why}); ` +
              `trying the next file of the same version for ${wanted.join(', ')}`
          )
          continue
        }
        downloadedBytes += got.bytes
        const out = join(work, 'out')
        const extracted = await extractInterpreters(archive, file.format, wanted, out, log)
        await rm(archive, { force: true })
        for (const [t, path] of extracted) {
          await checkInterpreter(path, arch)
          interpreters.set(t, await storeCached(toolName(t), release.version, arch, path))
        }
        files.push({ file: got.url, targets: wanted })
        remaining = remaining.filter(t => !wanted.includes(t))
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  log.info(`QEMU ${release.version}: ${downloadedBytes} bytes downloaded, cached for next time`)
  return {
    interpreters,
    source: 'download',
    version: release.version,
    files,
    cacheHit: false,
    downloadedBytes
  }
}

/** The next files for `targets` other than the failed ones; when none is left, why each failed. */
function pickStill(
  release: ManifestRelease,
  arch: string,
  targets: readonly string[],
  failed: ReadonlyMap<string, string>
): ManifestFile[] {
  try {
    return pickFiles(release, arch, targets, new Set(failed.keys()))
  } catch (e) {
    if (failed.size === 0) throw e
    const reasons = [...failed].map(([name, why]) => `${name}: ${why}`).join('; ')
    throw new FilesUnavailable(
      `no file of QEMU ${release.version} for ${targets.join(', ')} could be had (${reasons})`,
      { cause: e }
    )
  }
}
