// The only module that reads action inputs.

import * as runner from './runner.js'
import { OPTION_NAMES, parseOptions, type Options, type RawOptions } from '../options.js'

/** Every input of action.yml: one per option. */
export const INPUT_NAMES = OPTION_NAMES

export function readInputs(): Options {
  const raw: RawOptions = {}
  for (const name of INPUT_NAMES) raw[name] = runner.getInput(name)
  return parseOptions(raw)
}
