// Get a static interpreter per target from the chosen source. `auto` tries the tool cache, the
// manifest download, then the distribution package, and says why each one was passed over.

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
  fileUrls,
  isUrl,
  parseManifest,
  pickFiles,
  selectRelease,
  type Manifest,
  type ManifestTrust
} from './manifest.js'
import type { AcquireRequest, Acquired } from './request.js'
import { fromPackage } from './package/source.js'
import { findSystemInterpreters, qemuVersion } from './system.js'

export { qemuVersion }

/** Where relative URLs in the built-in manifest would point: this project's releases. */
const DEFAULT_MANIFEST_URL = 'https://github.com/setup-binfmt/setup-binfmt/releases/download/'

export async function acquire(request: AcquireRequest, log: Log): Promise<Acquired> {
  switch (request.source) {
    case 'system':
      return fromSystem(request)
    case 'download':
      return (await fromCache(request, log)) ?? fromDownload(request, log)
    case 'package':
      return fromPackage(request, log)
    case 'auto':
      return auto(request, log)
  }
}

async function auto(request: AcquireRequest, log: Log): Promise<Acquired> {
  const cached = await fromCache(request, log)
  if (cached) return cached
  try {
    return await fromDownload(request, log)
  } catch (e) {
    log.warning(`auto: download failed (${(e as Error).message}); trying the distribution package`)
  }
  return fromPackage(request, log)
}

async function fromSystem(request: AcquireRequest): Promise<Acquired> {
  const interpreters = await findSystemInterpreters(request.targets, request.qemuPath)
  const first = interpreters.values().next().value
  const version = first ? await qemuVersion(first) : ''
  return { interpreters, source: 'system', version, cacheHit: true, downloadedBytes: 0 }
}

/** The newest cached version satisfying the request that has every target; no network. */
async function fromCache(request: AcquireRequest, log: Log): Promise<Acquired | undefined> {
  const arch = request.arch ?? process.arch
  let spec = request.qemuVersion
  if (!spec) {
    // The default version comes from the manifest; only the built-in one is free to read.
    if (request.manifest) {
      log.info('tool cache: checked after reading the manifest, which decides the version')
      return undefined
    }
    spec = selectRelease(DEFAULT_MANIFEST).version
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
  return { interpreters, source: 'cache', version, cacheHit: true, downloadedBytes: 0 }
}

export interface LoadedManifest {
  readonly releases: Manifest
  /** Where relative URLs resolve: the manifest's URL after redirects, or its path. */
  readonly location: string
  /** What its file URLs may be: see checkUrl. */
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
  const files = pickFiles(release, arch, request.targets)
  const work = await makeTempDir('download')
  const interpreters = new Map<string, string>()
  let downloadedBytes = 0
  try {
    for (const file of files) {
      const wanted = file.targets.filter(t => request.targets.includes(t))
      log.info(`downloading ${file.filename} (${file.format}) for ${wanted.join(', ')}`)
      const archive = join(work, file.filename)
      const urls = fileUrls(file, manifest.location, manifest.trust)
      const pinned = { urls, sha256: file.sha256, size: file.size, trust: manifest.trust }
      const got = await downloadVerified(pinned, archive, { log, ...request.download })
      downloadedBytes += got.bytes
      const extracted = await extractInterpreters(
        archive,
        file.format,
        wanted,
        join(work, 'out'),
        log
      )
      await rm(archive, { force: true })
      for (const [t, path] of extracted) {
        await checkInterpreter(path, arch)
        interpreters.set(t, await storeCached(toolName(t), release.version, arch, path))
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
    cacheHit: false,
    downloadedBytes
  }
}
