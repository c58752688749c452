// Log lines carry text from outside (manifest fields, file names, command output): none of it
// may start a workflow command or a line of its own in the runner's log.

import { afterEach, describe, expect, test } from '@jest/globals'
import { runnerLog, setFailed } from '../../src/action/runner.js'
import { safeLine } from '../../src/util/log.js'

describe('safeLine', () => {
  test.each([
    ['a\nb', 'a\\nb'],
    ['a\rb', 'a\\rb'],
    ['\x1b[31mred', '\\x1b[31mred'],
    ['x\u2028y\u0085z', 'x\\u2028y\\x85z'],
    ['tab\tstays', 'tab\tstays'],
    ['::error::forged', '\u200b::error::forged'],
    ['  ::stop-commands::t', '\u200b  ::stop-commands::t'],
    ['##[group]x', '\u200b##[group]x'],
    ['qemu-aarch64 from a::b', 'qemu-aarch64 from a::b']
  ])('%j -> %j', (input, output) => {
    expect(safeLine(input)).toBe(output)
  })
})

describe('the runner log', () => {
  let written = ''
  const write = process.stdout.write.bind(process.stdout)
  const capture = () => {
    written = ''
    process.stdout.write = ((chunk: string) => {
      written += chunk
      return true
    }) as typeof process.stdout.write
  }
  afterEach(() => {
    process.stdout.write = write
    process.exitCode = undefined
  })

  test('a newline in outside text cannot start a command', () => {
    capture()
    runnerLog.info('downloading q.tar.gz\n::stop-commands::pwned\n::error::forged (tar.gz)')
    runnerLog.warning('bad file q\n::error::forged')
    setFailed('x\r\n::add-mask::y')
    process.stdout.write = write
    const lines = written.split('\n').filter(Boolean)
    expect(lines).toEqual([
      'downloading q.tar.gz\\n::stop-commands::pwned\\n::error::forged (tar.gz)',
      '::warning::bad file q%0A::error::forged',
      '::error::x%0A::add-mask::y'
    ])
    expect(lines.filter(l => /^\s*::(stop-commands|error::forged|add-mask)/.test(l))).toEqual([])
  })
})
