// The only module that reads action inputs.

import * as runner from './runner.js'
import { parseOptions, type Options, type RawOptions } from '../options.js'

export const INPUT_NAMES = [
  'platforms',
  'flags',
  'source',
  'qemu-path',
  'qemu-version',
  'manifest',
  'reset',
  'cleanup',
  'verify',
  'smoke-image'
] as const

export function readInputs(): Options {
  const raw: RawOptions = {}
  for (const name of INPUT_NAMES) raw[name] = runner.getInput(name)
  return parseOptions(raw)
}
