// The versions manifest: which QEMU builds exist, for which hosts and targets, where to get
// them and their SHA-256. Pure: parsing, choosing a version, choosing files, resolving URLs.

import semver from 'semver'
import { TARGETS } from '../platform/targets.js'

export const FORMATS = ['tar.gz', 'tar.xz', 'deb', 'bin'] as const
export type Format = (typeof FORMATS)[number]

export interface ManifestFile {
  readonly filename: string
  readonly platform: string
  /** Host architecture in os.arch() terms: x64, arm64, ... */
  readonly arch: string
  /** QEMU targets whose interpreter the file holds. */
  readonly targets: readonly string[]
  readonly format: Format
  readonly sha256: string
  readonly size?: number
  /** Absolute, or relative to the manifest's own location. */
  readonly download_url: string
  readonly mirror_urls?: readonly string[]
}

export interface ManifestRelease {
  readonly version: string
  readonly stable: boolean
  readonly release_url?: string
  readonly files: readonly ManifestFile[]
}

export type Manifest = readonly ManifestRelease[]

/** Parse and check a manifest; every problem names where it is and what was expected. */
export function parseManifest(text: string, where: string): Manifest {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new Error(`Manifest ${where} is not valid JSON: ${(e as Error).message}`, { cause: e })
  }
  const fail = (path: string, expected: string): never => {
    throw new Error(`Manifest ${where}: ${path} must be ${expected}`)
  }
  if (!Array.isArray(data) || data.length === 0)
    fail('the top level', 'a non-empty array of releases')
  const releases = data as unknown[]
  releases.forEach((r, i) => {
    const at = `[${i}]`
    if (!isObject(r)) return fail(at, 'an object')
    if (typeof r.version !== 'string' || !semver.valid(r.version))
      fail(`${at}.version`, 'a version like 10.0.13')
    if (typeof r.stable !== 'boolean') fail(`${at}.stable`, 'true or false')
    if (r.release_url !== undefined && typeof r.release_url !== 'string')
      fail(`${at}.release_url`, 'a string')
    if (typeof r.release_url === 'string' && CONTROL.test(r.release_url))
      fail(`${at}.release_url`, 'free of control characters such as newlines')
    if (!Array.isArray(r.files)) return fail(`${at}.files`, 'an array')
    r.files.forEach((f: unknown, j: number) => checkFile(f, `${at}.files[${j}]`, fail))
  })
  return releases as Manifest
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Controls in a manifest string could forge log lines or workflow commands: refuse them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/

function checkFile(f: unknown, at: string, fail: (path: string, expected: string) => never): void {
  if (!isObject(f)) return fail(at, 'an object')
  for (const [key, value] of Object.entries(f)) {
    const strings = Array.isArray(value) ? value : [value]
    if (strings.some(v => typeof v === 'string' && CONTROL.test(v)))
      fail(`${at}.${key}`, 'free of control characters such as newlines')
  }
  const str = (key: string) => typeof f[key] === 'string' && (f[key] as string).length > 0
  if (!str('filename') || /[/\\]/.test(f.filename as string) || f.filename === '..') {
    fail(`${at}.filename`, 'a file name without slashes')
  }
  if (!str('platform')) fail(`${at}.platform`, 'a string such as linux')
  if (!str('arch')) fail(`${at}.arch`, 'a host architecture such as x64 or arm64')
  if (!(FORMATS as readonly unknown[]).includes(f.format))
    fail(`${at}.format`, `one of ${FORMATS.join(', ')}`)
  if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(f.sha256)) {
    fail(`${at}.sha256`, '64 hexadecimal digits (a SHA-256 digest)')
  }
  if (f.size !== undefined && (!Number.isInteger(f.size) || (f.size as number) < 0)) {
    fail(`${at}.size`, 'a whole number of bytes')
  }
  if (!str('download_url')) fail(`${at}.download_url`, 'a URL or a path relative to the manifest')
  if (
    f.mirror_urls !== undefined &&
    (!Array.isArray(f.mirror_urls) || !f.mirror_urls.every(u => typeof u === 'string'))
  ) {
    fail(`${at}.mirror_urls`, 'an array of URLs')
  }
  const targets = f.targets
  if (!Array.isArray(targets) || targets.length === 0)
    return fail(`${at}.targets`, 'a non-empty array of QEMU target names')
  const unknown = targets.filter(t => typeof t !== 'string' || !TARGETS.has(t))
  if (unknown.length > 0)
    fail(`${at}.targets`, `QEMU target names (unknown: ${unknown.map(String).join(', ')})`)
  if (f.format === 'bin' && targets.length !== 1)
    fail(`${at}.targets`, 'exactly one target for format bin')
}

/**
 * The manifest's release has no file this host can use for some target, or none that could be
 * downloaded: `source: auto` may then turn to the distribution package.
 */
export class FilesUnavailable extends Error {}

/** The release for an exact version or a range; without one, the newest stable release. */
export function selectRelease(manifest: Manifest, spec?: string): ManifestRelease {
  const versions = manifest.map(r => r.version)
  // semver ignores build metadata, so 10.0.13 would match 10.0.13+patched: prefer the exact one.
  const exact =
    spec && semver.valid(spec) ? manifest.find(r => r.version === spec.trim()) : undefined
  if (exact) return exact
  const candidates = spec ? manifest : manifest.filter(r => r.stable)
  const best = semver.maxSatisfying(
    candidates.map(r => r.version),
    spec || '*'
  )
  const release = manifest.find(r => r.version === best)
  if (!release) {
    throw new Error(
      spec
        ? `qemu-version '${spec}' matches no version in the manifest (it has ${versions.join(', ')})`
        : `The manifest has no stable version (it has ${versions.join(', ')}): set qemu-version`
    )
  }
  return release
}

/**
 * The files for this host that cover `targets`, favouring the smallest download per target:
 * a per-target file beats a whole package that holds it too. Files named in `excluded` (ones
 * that could not be had) are passed over.
 */
export function pickFiles(
  release: ManifestRelease,
  arch: string,
  targets: readonly string[],
  excluded: ReadonlySet<string> = new Set()
): ManifestFile[] {
  const forHost = release.files.filter(f => f.platform === 'linux' && f.arch === arch)
  if (forHost.length === 0) {
    const arches = [...new Set(release.files.map(f => f.arch))]
    throw new FilesUnavailable(
      `QEMU ${release.version} in the manifest has no files for ${arch} hosts (only ${arches.join(', ') || 'none'}): ` +
        `use another qemu-version, source: package, or a manifest with ${arch} builds`
    )
  }
  const cost = (f: ManifestFile) => f.size ?? f.targets.length * 1e9
  const chosen: ManifestFile[] = []
  const missing: string[] = []
  for (const t of targets) {
    if (chosen.some(f => f.targets.includes(t))) continue
    const best = forHost
      .filter(f => f.targets.includes(t) && !excluded.has(f.filename))
      .sort((a, b) => cost(a) - cost(b))[0]
    if (best) chosen.push(best)
    else missing.push(t)
  }
  if (missing.length > 0) {
    throw new FilesUnavailable(
      `QEMU ${release.version} in the manifest has no ${arch} interpreter for ${missing.join(', ')}`
    )
  }
  return chosen
}

/**
 * How far the manifest that names a file is trusted; that decides the schemes the file's URLs
 * (and their redirects) may use. Files are SHA-256 pinned, so the question is who could have
 * rewritten the pins:
 * - `local`: a local file or the built-in manifest: https, http and file URLs.
 * - `https`: fetched over https, so its pins came over TLS: https or http, never local files.
 * - `http`: fetched over plain http (warned about): anyone on the path can rewrite its pins,
 *   so only https, which authenticates the server, vouches for the file.
 */
export type ManifestTrust = 'local' | 'https' | 'http'

/**
 * What a URL is for. A manifest is not pinned: its transport is all that protects it, so it is
 * https or http as the user named it, and every redirect of its fetch is https. A file is
 * pinned: it goes by the trust of its manifest, and a server's redirect never leads to a local
 * file.
 */
export type UrlUse =
  | { readonly of: 'manifest'; readonly redirect?: boolean }
  | { readonly of: 'file'; readonly trust: ManifestTrust; readonly redirect?: boolean }

const FILE_SCHEMES: Record<ManifestTrust, readonly string[]> = {
  local: ['https:', 'http:', 'file:'],
  https: ['https:', 'http:'],
  http: ['https:']
}

function allowed(use: UrlUse): readonly string[] {
  if (use.of === 'manifest') return use.redirect ? ['https:'] : ['https:', 'http:']
  const schemes = FILE_SCHEMES[use.trust]
  return use.redirect ? schemes.filter(s => s !== 'file:') : schemes
}

/** Why `scheme` is refused for `use`, and the fix. */
function refusal(scheme: string, use: UrlUse): string {
  if (!['https:', 'http:', 'file:'].includes(scheme))
    return 'only https, http and file URLs are read: use an https URL'
  if (scheme === 'file:') {
    if (use.redirect) return 'a redirect never leads to a local file: redirect to an https URL'
    if (use.of === 'manifest')
      return 'a manifest URL is fetched over the network: give a local manifest as a path'
    return (
      'only a local manifest may name local files (a remote one could read any file here): ' +
      'use an https URL, or a local manifest'
    )
  }
  if (use.of === 'manifest')
    return (
      'a manifest is not pinned, so a redirect to plain http would let anyone on the path ' +
      'rewrite its SHA-256 pins: redirect to https, or name the http URL itself as manifest (warned)'
    )
  return (
    'the manifest came over plain http, so anyone on the path could have rewritten its SHA-256 ' +
    'pins and only https vouches for the file: use an https URL, or serve the manifest over ' +
    'https or as a local file'
  )
}

/**
 * The one rule for every URL this project fetches (see UrlUse and ManifestTrust). Scheme case
 * does not matter (URL parsing lower-cases it). Returns the normalised URL, or throws naming
 * the URL, its scheme, why it is refused and the fix.
 */
export function checkUrl(url: string, use: UrlUse, what: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`${what} '${url}' is not a valid URL: use an absolute https URL`)
  }
  if (!allowed(use).includes(parsed.protocol)) {
    throw new Error(
      `${what} '${url}' uses ${parsed.protocol.slice(0, -1)}, but ${refusal(parsed.protocol, use)}`
    )
  }
  return parsed.href
}

/** The trust of a manifest named by `location` (its redirects are https): see ManifestTrust. */
export function trustOf(location: string): ManifestTrust {
  if (!isUrl(location)) return 'local'
  return new URL(location).protocol === 'https:' ? 'https' : 'http'
}

/** True when `location` has a URL scheme (otherwise it is a local path). */
export const isUrl = (location: string) => /^[a-z][a-z0-9+.-]*:/i.test(location)

/**
 * download_url first, then mirror_urls, each resolved against the manifest's location and
 * checked against what the manifest's trust allows.
 */
export function fileUrls(
  file: ManifestFile,
  manifestLocation: string,
  trust: ManifestTrust = trustOf(manifestLocation)
): string[] {
  return [file.download_url, ...(file.mirror_urls ?? [])].map(u =>
    checkUrl(resolveUrl(u, manifestLocation), { of: 'file', trust }, `The URL of ${file.filename}`)
  )
}

/** Resolve a URL or path against a manifest given by URL or by local path. */
export function resolveUrl(url: string, manifestLocation: string): string {
  const base = isUrl(manifestLocation)
    ? manifestLocation
    : new URL(
        `file://${manifestLocation.startsWith('/') ? '' : `${process.cwd()}/`}${manifestLocation}`
      ).href
  return new URL(url, base).href
}
