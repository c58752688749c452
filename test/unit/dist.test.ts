// dist/ is committed and must be exactly what `npm run build` makes from the sources.

import { expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

function files(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(d =>
    d.isDirectory() ? files(root, join(dir, d.name)) : [relative(root, join(dir, d.name))]
  )
}

test('dist/ equals a fresh build', () => {
  const out = mkdtempSync(join(tmpdir(), 'dist-'))
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', join(out, 'dist')], { stdio: 'inherit' })
    const fresh = join(out, 'dist')
    expect(files('dist').sort()).toEqual(files(fresh).sort())
    for (const f of files(fresh)) {
      const same = readFileSync(join('dist', f)).equals(readFileSync(join(fresh, f)))
      if (!same)
        throw new Error(`dist/${f} differs from a fresh build: run npm run build and commit dist/`)
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}, 180_000)
