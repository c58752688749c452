// The manifest format, table-driven: what parses, what is refused and how it is said.

import { describe, expect, test } from '@jest/globals'
import { DEFAULT_MANIFEST } from '../../src/qemu/builtin-manifest.js'
import {
  fileUrls,
  parseManifest,
  pickFiles,
  resolveUrl,
  selectRelease,
  type ManifestFile
} from '../../src/qemu/manifest.js'

const file = (change: Partial<ManifestFile> = {}): ManifestFile => ({
  filename: 'qemu-aarch64-10.0.13-linux-x64.tar.gz',
  platform: 'linux',
  arch: 'x64',
  targets: ['aarch64'],
  format: 'tar.gz',
  sha256: 'a'.repeat(64),
  size: 3_000_000,
  download_url: 'qemu-aarch64-10.0.13-linux-x64.tar.gz',
  ...change
})
const release = (files: ManifestFile[], version = '10.0.13', stable = true) => ({
  version,
  stable,
  files
})

describe('parseManifest', () => {
  test('the built-in manifest passes its own checks', () => {
    expect(parseManifest(JSON.stringify(DEFAULT_MANIFEST), 'built-in')).toEqual(DEFAULT_MANIFEST)
  })

  test.each([
    ['{', /Manifest m\.json is not valid JSON: /],
    ['{}', /Manifest m\.json: the top level must be a non-empty array of releases/],
    ['[]', /the top level must be a non-empty array of releases/],
    ['[1]', /\[0\] must be an object/],
    [
      JSON.stringify([{ stable: true, files: [] }]),
      /\[0\]\.version must be a version like 10\.0\.13/
    ],
    [
      JSON.stringify([{ version: '10', stable: true, files: [] }]),
      /\[0\]\.version must be a version like 10\.0\.13/
    ],
    [
      JSON.stringify([{ version: '10.0.13', stable: 'yes', files: [] }]),
      /\[0\]\.stable must be true or false/
    ],
    [JSON.stringify([{ version: '10.0.13', stable: true }]), /\[0\]\.files must be an array/],
    [
      JSON.stringify([release([file({ format: 'zip' as never })])]),
      /\[0\]\.files\[0\]\.format must be one of tar\.gz, tar\.xz, deb, bin/
    ],
    [
      JSON.stringify([release([file({ sha256: 'abc' })])]),
      /files\[0\]\.sha256 must be 64 hexadecimal digits/
    ],
    [
      JSON.stringify([release([file({ sha256: 'g'.repeat(64) })])]),
      /files\[0\]\.sha256 must be 64 hexadecimal digits/
    ],
    [
      JSON.stringify([release([file({ filename: '../x' })])]),
      /files\[0\]\.filename must be a file name without slashes/
    ],
    [
      JSON.stringify([release([file({ targets: [] })])]),
      /files\[0\]\.targets must be a non-empty array/
    ],
    [
      JSON.stringify([release([file({ targets: ['arm64x'] })])]),
      /files\[0\]\.targets must be QEMU target names \(unknown: arm64x\)/
    ],
    [
      JSON.stringify([release([file({ format: 'bin', targets: ['arm', 'aarch64'] })])]),
      /exactly one target for format bin/
    ],
    [
      JSON.stringify([release([file({ download_url: '' })])]),
      /files\[0\]\.download_url must be a URL/
    ],
    [
      JSON.stringify([release([file({ mirror_urls: [1] as never })])]),
      /files\[0\]\.mirror_urls must be an array of URLs/
    ],
    [
      JSON.stringify([release([file({ size: -1 })])]),
      /files\[0\]\.size must be a whole number of bytes/
    ],
    [
      JSON.stringify([release([{ ...file(), arch: undefined } as never])]),
      /files\[0\]\.arch must be a host architecture/
    ]
  ])('%s is refused', (text, message) => {
    expect(() => parseManifest(text, 'm.json')).toThrow(message)
  })
})

describe('selectRelease', () => {
  const manifest = [release([], '9.2.0'), release([], '10.0.13'), release([], '10.1.0', false)]
  test.each([
    [undefined, '10.0.13'],
    ['9.2.0', '9.2.0'],
    ['10.x', '10.1.0'],
    ['~10.0', '10.0.13'],
    ['<10', '9.2.0']
  ])('%s -> %s', (spec, version) => expect(selectRelease(manifest, spec).version).toBe(version))

  test('no stable release and no spec', () => {
    expect(() => selectRelease([release([], '1.0.0', false)])).toThrow(
      /The manifest has no stable version \(it has 1\.0\.0\): set qemu-version/
    )
  })
})

describe('pickFiles', () => {
  const deb = file({
    filename: 'qemu-user.deb',
    format: 'deb',
    targets: ['aarch64', 'arm', 'riscv64'],
    size: 71_000_000
  })
  const arm = file({ filename: 'qemu-arm.tar.gz', targets: ['arm'], size: 2_900_000 })
  const aarch64 = file()

  test('per-target files beat the whole package', () => {
    expect(
      pickFiles(release([deb, arm, aarch64]), 'x64', ['aarch64', 'arm']).map(f => f.filename)
    ).toEqual([aarch64.filename, arm.filename])
  })

  test('the package covers what no per-target file does, once', () => {
    expect(
      pickFiles(release([deb, arm]), 'x64', ['aarch64', 'arm', 'riscv64']).map(f => f.filename)
    ).toEqual(['qemu-user.deb'])
  })

  test('only files for this host count', () => {
    expect(() => pickFiles(release([deb]), 'arm64', ['aarch64'])).toThrow(
      /has no files for arm64 hosts \(only x64\)/
    )
    expect(() => pickFiles(release([arm]), 'x64', ['aarch64', 's390x'])).toThrow(
      'QEMU 10.0.13 in the manifest has no x64 interpreter for aarch64, s390x'
    )
  })

  test('the built-in manifest gives two ~3 MB files for arm64,arm on both hosts', () => {
    for (const arch of ['x64', 'arm64']) {
      const files = pickFiles(selectRelease(DEFAULT_MANIFEST), arch, ['aarch64', 'arm'])
      expect(files.map(f => f.format)).toEqual(['tar.gz', 'tar.gz'])
      const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0)
      expect(bytes).toBeLessThan(8_000_000)
    }
  })
})

describe('URLs', () => {
  test('relative URLs resolve against the manifest, by URL or by path', () => {
    expect(resolveUrl('files/a.tar.gz', 'https://mirror.example/qemu/manifest.json')).toBe(
      'https://mirror.example/qemu/files/a.tar.gz'
    )
    expect(resolveUrl('a.tar.gz', '/srv/mirror/manifest.json')).toBe('file:///srv/mirror/a.tar.gz')
    expect(resolveUrl('https://other.example/a', '/srv/m.json')).toBe('https://other.example/a')
  })

  test('download_url first, then the mirrors', () => {
    expect(
      fileUrls(file({ mirror_urls: ['https://m1/x', 'm2/x'] }), 'https://h/d/manifest.json')
    ).toEqual([
      'https://h/d/qemu-aarch64-10.0.13-linux-x64.tar.gz',
      'https://m1/x',
      'https://h/d/m2/x'
    ])
  })
})
