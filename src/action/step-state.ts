// The runner's per-step state. Main keeps what it changed in a private file under RUNNER_TEMP
// and saves only that file's path, once, as STATE_binfmt: the step state stays a few bytes
// however large the table (the runner passes it to post in one environment variable, and a
// 700-entry snapshot passed the kernel's 128 KB limit for one), and GITHUB_STATE does not grow
// with every change.

import { mkdtempSync, rmSync } from 'node:fs'
import { tempRoot } from '../util/temp.js'
import { basename, dirname, isAbsolute, join } from 'node:path'
import * as runner from './runner.js'
import { parseRunState, type StateStore } from '../binfmt/journal.js'
import {
  checkFolders,
  existingPrivateDir,
  privateDir,
  readPrivateFile,
  writePrivateFile
} from '../util/private-files.js'

const KEY = 'binfmt'
const WHAT = 'the step state'
const NAME = 'state.json'

/** The state file main made, as the step state names it (checked before it is read). */
function savedFile(): string | undefined {
  const file = runner.getState(KEY)
  if (!file) return undefined
  if (!isAbsolute(file) || !file.endsWith(`/${NAME}`)) {
    throw new Error(
      `The step state ${JSON.stringify(file.slice(0, 80))} is not the path of a setup-binfmt state file: main and post must be the same version`
    )
  }
  return file
}

export function actionStore(): StateStore {
  // This process's own file, once main has saved something.
  let mine: string | undefined
  const file = () => mine ?? savedFile()
  return {
    load: () => {
      const path = file()
      if (!path) return undefined
      const dir = existingPrivateDir(dirname(path), WHAT)
      const text = dir === undefined ? undefined : readPrivateFile(join(dir, NAME), WHAT)
      return text === undefined ? undefined : parseRunState(text, path)
    },
    save: state => {
      if (!mine) {
        const base = checkFolders(tempRoot(), WHAT, true)
        // A fresh folder under a random name, made exclusively: nothing planted can be it.
        const dir = privateDir(mkdtempSync(join(base, 'setup-binfmt-')), WHAT)
        mine = join(dir, NAME)
        writePrivateFile(dir, NAME, JSON.stringify(state))
        runner.saveState(KEY, mine)
        return
      }
      writePrivateFile(dirname(mine), NAME, JSON.stringify(state))
    },
    clear: () => {
      const path = file()
      const dir = path && dirname(path)
      if (dir && basename(dir).startsWith('setup-binfmt-') && existingPrivateDir(dir, WHAT)) {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
