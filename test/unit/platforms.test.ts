import { describe, expect, test } from '@jest/globals'
import {
  CONTAINER_TARGETS,
  ociPlatforms,
  parsePlatforms,
  resolveName
} from '../../src/platform/names.js'
import { TARGETS } from '../../src/platform/targets.js'

describe('resolveName', () => {
  test.each([
    // OCI platforms, with and without linux/
    ['linux/arm64', 'aarch64'],
    ['arm64', 'aarch64'],
    ['linux/arm64/v8', 'aarch64'],
    ['linux/arm/v7', 'arm'],
    ['arm/v6', 'arm'],
    ['386', 'i386'],
    ['linux/386', 'i386'],
    ['amd64', 'x86_64'],
    ['linux/amd64', 'x86_64'],
    ['riscv64', 'riscv64'],
    ['ppc64le', 'ppc64le'],
    ['s390x', 's390x'],
    ['mips64le', 'mips64el'],
    ['linux/mips64', 'mips64'],
    ['loong64', 'loongarch64'],
    ['linux/loong64', 'loongarch64'],
    // QEMU names
    ['aarch64', 'aarch64'],
    ['x86_64', 'x86_64'],
    ['loongarch64', 'loongarch64'],
    ['mips64el', 'mips64el'],
    ['sparc64', 'sparc64'],
    ['aarch64_be', 'aarch64_be'],
    ['xtensaeb', 'xtensaeb'],
    // Debian names
    ['armhf', 'arm'],
    ['armel', 'arm'],
    ['ppc64el', 'ppc64le'],
    ['i386', 'i386'],
    // uname -m names
    ['armv7l', 'arm'],
    ['i686', 'i386'],
    // case
    ['LINUX/ARM64', 'aarch64'],
    ['ArmHF', 'arm']
  ])('%s -> %s', (name, target) => {
    expect(resolveName(name)).toBe(target)
  })

  test('every QEMU target resolves to itself', () => {
    expect(TARGETS.size).toBe(34)
    for (const name of TARGETS.keys()) expect(resolveName(name)).toBe(name)
  })

  test.each(['arm64x', 'linux/', 'windows/amd64', 'armv9', '', 'x86_64;rm', '../aarch64'])(
    'unknown %j',
    name => expect(resolveName(name)).toBeUndefined()
  )
})

describe('parsePlatforms', () => {
  test('comma, space and newline separated; case and duplicates folded', () => {
    expect(parsePlatforms('arm64,ARM\nlinux/arm/v7  aarch64 ,\n riscv64').targets).toEqual([
      'aarch64',
      'arm',
      'riscv64'
    ])
  })

  test('all is the ten container platforms', () => {
    const request = parsePlatforms('all')
    expect(request.all).toBe(true)
    expect(request.targets).toEqual([...CONTAINER_TARGETS])
    expect(request.targets).toHaveLength(10)
  })

  test('an unknown name fails and lists the valid ones', () => {
    expect(() => parsePlatforms('arm64,armv9,linux/sparc128')).toThrow(
      /Unknown platform 'armv9', 'linux\/sparc128'\. Valid names: all, linux\/amd64, .*armhf.*loongarch64/
    )
  })

  test('control characters in a bad name are shown escaped', () => {
    expect(() => parsePlatforms('arm\u0007x')).toThrow(/'arm\\u0007x'/)
  })

  test.each(['', ' ', ',, \n'])('empty input %j fails with the fix', input => {
    expect(() => parsePlatforms(input)).toThrow(/platforms is empty: name at least one platform/)
  })
})

describe('ociPlatforms', () => {
  test.each([
    ['aarch64', ['linux/arm64']],
    ['arm', ['linux/arm/v7', 'linux/arm/v6']],
    ['i386', ['linux/386']],
    ['mips64el', ['linux/mips64le']],
    ['loongarch64', ['linux/loong64']],
    ['sparc64', ['linux/sparc64']]
  ])('%s -> %j', (target, platforms) => expect(ociPlatforms(target)).toEqual(platforms))
})

describe('the target table', () => {
  test.each([...TARGETS.values()])('$name has a sound magic and mask', t => {
    expect(t.magic).toMatch(/^7f454c46([0-9a-f]{2})+$/)
    expect(t.mask).toHaveLength(t.magic.length)
    // The mask keeps the ELF signature and the e_type byte.
    expect(t.mask.slice(0, 8)).toBe('ffffffff')
  })
})
