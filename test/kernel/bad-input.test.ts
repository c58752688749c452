// Every bad input fails the main step with a message naming the value, what was expected and
// the fix, before anything changes: the binfmt table and the tool cache are as they were.

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinfmtTable } from '../../src/binfmt/table.js'
import { wantedEntry } from '../../src/binfmt/register.js'
import { busybox, qemuStatic } from '../helpers/fixtures.js'
import { PrivateNamespace } from '../helpers/namespace.js'
import { inputs, runnerStep } from '../helpers/runner.js'
import { MirrorServer } from '../helpers/server.js'

let ns: PrivateNamespace
let dir: string
let cache: string
let closedPort: number
let server: MirrorServer
let tls: MirrorServer

const manifests: Record<string, string> = {
  'bad-json': '[{"version": "10.0.13",',
  'missing-files': JSON.stringify([{ version: '10.0.13', stable: true }]),
  'wrong-type': JSON.stringify([{ version: '10.0.13', stable: 'yes', files: [] }]),
  'unknown-format': JSON.stringify([
    {
      version: '10.0.13',
      stable: true,
      files: [
        {
          filename: 'q.zip',
          platform: 'linux',
          arch: 'x64',
          targets: ['aarch64'],
          format: 'zip',
          sha256: 'a'.repeat(64),
          download_url: 'q.zip'
        }
      ]
    }
  ]),
  'bad-digest': JSON.stringify([
    {
      version: '10.0.13',
      stable: true,
      files: [
        {
          filename: 'q.tar.gz',
          platform: 'linux',
          arch: 'x64',
          targets: ['aarch64'],
          format: 'tar.gz',
          sha256: 'not-a-digest',
          download_url: 'q.tar.gz'
        }
      ]
    }
  ]),
  // A file name that would end the log line and start workflow commands of its own.
  'control-chars': JSON.stringify([
    {
      version: '10.0.13',
      stable: true,
      files: [
        {
          filename: 'q.tar.gz\n::stop-commands::pwned\n::error::forged',
          platform: 'linux',
          arch: 'x64',
          targets: ['aarch64'],
          format: 'tar.gz',
          sha256: 'a'.repeat(64),
          download_url: 'q.tar.gz'
        }
      ]
    }
  ]),
  valid: JSON.stringify([{ version: '10.0.13', stable: true, files: [] }]),
  // File URLs the URL rule refuses: by scheme, or by the trust of the manifest naming them.
  'ftp-file': withUrl('ftp://mirror/q.tar.gz'),
  'relative-file': withUrl('q.tar.gz'),
  'local-file': withUrl('file:///etc/passwd')
}

function withUrl(download_url: string): string {
  const file = {
    filename: 'q.tar.gz',
    platform: 'linux',
    arch: 'x64',
    targets: ['aarch64'],
    format: 'tar.gz',
    sha256: 'a'.repeat(64),
    download_url
  }
  return JSON.stringify([{ version: '10.0.13', stable: true, files: [file] }])
}

/** Manifests given by URL, for the names the table below uses. */
const remote: Record<string, () => string> = {
  unreachable: () => `http://127.0.0.1:${closedPort}/m.json`,
  'over-http': () => `${server.url}/relative-file.json`,
  'over-https': () => `${tls.url}/local-file.json`,
  redirected: () => {
    tls.fail('/valid.json', { redirect: `${server.url}/valid.json` })
    return `${tls.url}/valid.json`
  }
}

beforeAll(async () => {
  ns = await PrivateNamespace.start()
  dir = mkdtempSync(join(tmpdir(), 'bad-input-'))
  cache = join(dir, 'toolcache')
  // A cache entry and a table entry that must both survive every failed run untouched.
  mkdirSync(join(cache, 'qemu-arm', '7.2.0', 'x64'), { recursive: true })
  writeFileSync(join(cache, 'qemu-arm', '7.2.0', 'x64.complete'), '')
  const table = await BinfmtTable.open({ root: ns.root })
  await table.register(wantedEntry('s390x', qemuStatic('s390x'), 'F'))
  for (const [name, text] of Object.entries(manifests))
    writeFileSync(join(dir, `${name}.json`), text)
  mkdirSync(join(dir, 'wrong-arch'))
  copyFileSync(busybox('arm64'), join(dir, 'wrong-arch', 'qemu-aarch64'))
  const probe = createServer()
  await new Promise<void>(r => probe.listen(0, '127.0.0.1', r))
  closedPort = (probe.address() as AddressInfo).port
  await new Promise(r => probe.close(r))
  server = await MirrorServer.start(dir)
  tls = await MirrorServer.startTls(dir)
})
afterAll(async () => {
  await server?.stop()
  await tls?.stop()
  await ns?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const m = (name: string) => join(dir, `${name}.json`)

test.each<[string, Record<string, string>, RegExp]>([
  [
    'unknown platform',
    { platforms: 'arm64,armv9' },
    /Unknown platform 'armv9'\. Valid names: all, linux\/amd64, /
  ],
  [
    'empty platforms',
    { platforms: ' , \n' },
    /platforms is empty: name at least one platform, for example 'arm64,arm', or 'all'/
  ],
  [
    'shell characters',
    { platforms: 'arm64;rm -rf /' },
    /Unknown platform 'arm64;rm', '-rf', '\/'\. Valid names/
  ],
  [
    'path characters',
    { platforms: '../../etc/passwd' },
    /Unknown platform '\.\.\/\.\.\/etc\/passwd'/
  ],
  [
    'invalid flags',
    { platforms: 'arm64', flags: 'POCX' },
    /flags 'POCX' has "X": only the letters P, O, C and F are allowed \(default POCF\)/
  ],
  [
    'unknown source',
    { source: 'ftp' },
    /source 'ftp' is not one of auto, download, package, system/
  ],
  ['not a boolean', { reset: 'yes' }, /reset 'yes' is not a boolean: use true or false/],
  [
    'unknown verify',
    { verify: 'maybe' },
    /verify 'maybe' is not one of auto, exec, docker, podman, none/
  ],
  [
    'bad smoke image',
    { 'smoke-image': '--privileged' },
    /smoke-image '--privileged' is not an image reference: use for example alpine:3\.20/
  ],
  [
    'bad version',
    { 'qemu-version': 'latest' },
    /qemu-version 'latest' is neither a version nor a range: use for example 10\.0\.13 or 10\.x/
  ],
  [
    'unknown version',
    { source: 'download', 'qemu-version': '99.x', manifest: 'valid' },
    /qemu-version '99\.x' matches no version in the manifest \(it has 10\.0\.13\)/
  ],
  // Every source, the built-in manifest: auto does not turn to the distribution's package.
  ...(['auto', 'download', 'package', 'system'] as const).map(
    source =>
      [
        `unknown version, source ${source}`,
        { source, 'qemu-version': '99.x' },
        /qemu-version '99\.x' matches no version in the manifest \(it has 11\.1\.3, 10\.0\.13, 7\.2\.22\)/
      ] as [string, Record<string, string>, RegExp]
  ),
  [
    'manifest not JSON',
    { source: 'download', manifest: 'bad-json' },
    /Manifest .*bad-json\.json is not valid JSON/
  ],
  [
    'manifest missing a field',
    { source: 'download', manifest: 'missing-files' },
    /Manifest .*: \[0\]\.files must be an array/
  ],
  [
    'manifest wrong type',
    { source: 'download', manifest: 'wrong-type' },
    /Manifest .*: \[0\]\.stable must be true or false/
  ],
  [
    'manifest unknown format',
    { source: 'download', manifest: 'unknown-format' },
    /Manifest .*: \[0\]\.files\[0\]\.format must be one of tar\.gz, tar\.xz, deb, bin/
  ],
  [
    'manifest bad digest',
    { source: 'download', manifest: 'bad-digest' },
    /Manifest .*: \[0\]\.files\[0\]\.sha256 must be 64 hexadecimal digits \(a SHA-256 digest\)/
  ],
  [
    'manifest control characters',
    { source: 'download', manifest: 'control-chars' },
    /\[0\]\.files\[0\]\.filename must be free of control characters such as newlines/
  ],
  [
    'manifest not http(s)',
    { source: 'download', manifest: 'ftp://mirror/m.json' },
    /manifest 'ftp:\/\/mirror\/m\.json' must be an https:\/\/ or http:\/\/ URL, or a local file path/
  ],
  [
    'manifest unreachable',
    { source: 'download', manifest: 'unreachable' },
    /Cannot fetch the manifest http:\/\/127\.0\.0\.1:\d+\/m\.json: ECONNREFUSED/
  ],
  [
    'manifest file URL of another scheme',
    { source: 'download', manifest: 'ftp-file' },
    /The URL of q\.tar\.gz 'ftp:\/\/mirror\/q\.tar\.gz' uses ftp, but only https, http and file URLs are read: use an https URL/
  ],
  [
    'plain-http manifest naming an http file',
    { source: 'download', manifest: 'over-http' },
    /The URL of q\.tar\.gz 'http:\/\/127\.0\.0\.1:\d+\/q\.tar\.gz' uses http, but the manifest came over plain http, so anyone on the path could have rewritten its SHA-256 pins and only https vouches for the file: use an https URL, or serve the manifest over https or as a local file/
  ],
  [
    'remote manifest naming a local file',
    { source: 'download', manifest: 'over-https' },
    /The URL of q\.tar\.gz 'file:\/\/\/etc\/passwd' uses file, but only a local manifest may name local files \(a remote one could read any file here\): use an https URL, or a local manifest/
  ],
  [
    'https manifest redirected to http',
    { source: 'download', manifest: 'redirected' },
    /Cannot fetch the manifest https:\/\/127\.0\.0\.1:\d+\/valid\.json: the redirect to 'http:\/\/127\.0\.0\.1:\d+\/valid\.json' uses http, but a manifest is not pinned, so a redirect to plain http would let anyone on the path rewrite its SHA-256 pins: redirect to https, or name the http URL itself as manifest \(warned\)/
  ],
  [
    'qemu-path missing',
    { source: 'system', 'qemu-path': '/nonexistent' },
    /qemu-path '\/nonexistent' is not a folder: point it at the folder that holds qemu-<target>-static or qemu-<target>/
  ],
  [
    'qemu-path relative',
    { source: 'system', 'qemu-path': 'usr/bin' },
    /qemu-path 'usr\/bin' must be an absolute folder path without ':' or newlines/
  ],
  [
    'qemu-path wrong architecture',
    { source: 'system', 'qemu-path': 'wrong-arch' },
    /Interpreter .*qemu-aarch64 is built for ELF machine 183 \(64-bit\), not for this x64 host \(machine 62\): use QEMU built for x64/
  ]
])('%s', async (_, given, message) => {
  const values: Record<string, string> = { platforms: 'arm64', ...given }
  if (values.manifest && !values.manifest.includes(':'))
    values.manifest = remote[values.manifest]?.() ?? m(values.manifest)
  if (values['qemu-path'] === 'wrong-arch') values['qemu-path'] = join(dir, 'wrong-arch')
  const before = await BinfmtTable.read(ns.root)
  const cacheBefore = readdirSync(cache, { recursive: true }).sort()
  const step = mkdtempSync(join(dir, 'step-'))
  const main = await runnerStep(ns, step, 'main', {
    ...inputs(values),
    RUNNER_TOOL_CACHE: cache,
    NODE_EXTRA_CA_CERTS: tls.caFile
  })
  expect(main.code).toBe(1)
  expect(main.stdout).toMatch(new RegExp(`::error::.*${message.source}`))
  // Whatever came from outside never starts a workflow command of its own.
  expect(main.stdout).not.toMatch(/^\s*::(stop-commands|error::forged)/m)
  expect(await BinfmtTable.read(ns.root)).toEqual(before)
  expect(readdirSync(cache, { recursive: true }).sort()).toEqual(cacheBefore)
})
