// Which flags a kernel can honour: P needs Linux 5.12+ (AT_FLAGS tells QEMU about it).

import { describe, expect, test } from '@jest/globals'
import { flagsForKernel, kernelVersion } from '../../src/binfmt/kernel-flags.js'

describe('kernelVersion', () => {
  test.each([
    ['6.18.44-fc-v1045', [6, 18]],
    ['5.12.0', [5, 12]],
    ['4.19.0-27-amd64', [4, 19]],
    ['  5.4.0-1109-azure\n', [5, 4]],
    ['unknown', undefined]
  ])('%j', (release, version) => expect(kernelVersion(release)).toEqual(version))
})

describe('flagsForKernel', () => {
  test.each([
    // flags, release, flags kept, warned
    ['POCF', '6.8.0-1017-azure', 'POCF', false],
    ['POCF', '5.12.0', 'POCF', false],
    ['POCF', '10.0.0', 'POCF', false],
    ['POCF', '5.11.22', 'OCF', true],
    ['POCF', '5.4.0-1109-azure', 'OCF', true],
    ['PF', '4.19.0', 'F', true],
    ['P', '3.10.0-1160.el7.x86_64', '', true],
    ['OCF', '4.19.0', 'OCF', false],
    ['POCF', 'not-a-release', 'POCF', false]
  ])('%s on %s -> %j', (flags, release, kept, warned) => {
    const r = flagsForKernel(flags, release)
    expect(r.flags).toBe(kept)
    expect(r.warning !== undefined).toBe(warned)
    if (r.warning) {
      expect(r.warning).toContain(`flags '${flags}'`)
      expect(r.warning).toContain(`kernel ${release}`)
      expect(r.warning).toContain(`'${kept}'`)
    }
  })
})
