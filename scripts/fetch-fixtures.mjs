// Real foreign programs for the tests: Debian's busybox-static for other architectures,
// fetched with apt-get download (nothing is installed) into .cache/fixtures/<arch>/busybox.
// Idempotent: a second run finds the files and does nothing.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const FIXTURE_ARCHES = ['arm64', 'armhf', 'riscv64', 'ppc64el', 's390x']

const cache = resolve('.cache/fixtures')
const missing = FIXTURE_ARCHES.filter(a => !existsSync(join(cache, a, 'busybox')))
if (missing.length > 0) {
  const apt = join(cache, 'apt')
  mkdirSync(join(apt, 'lists', 'partial'), { recursive: true })
  const sources = join(apt, 'sources.list')
  writeFileSync(
    sources,
    'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n'
  )
  const options = [
    '-o',
    `Dir::Etc::SourceList=${sources}`,
    '-o',
    'Dir::Etc::SourceParts=/dev/null',
    '-o',
    `Dir::State::Lists=${join(apt, 'lists')}`,
    '-o',
    'Debug::NoLocking=1',
    '-o',
    'APT::Sandbox::User=root',
    ...missing.flatMap(a => ['-o', `APT::Architectures::=${a}`])
  ]
  // prettier-ignore
  execFileSync('apt-get', [...options, 'update'], { stdio: ['ignore', 'ignore', 'inherit'] })
  const debs = join(apt, 'debs')
  rmSync(debs, { recursive: true, force: true })
  mkdirSync(debs, { recursive: true })
  execFileSync('apt-get', [...options, 'download', ...missing.map(a => `busybox-static:${a}`)], {
    cwd: debs,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  for (const arch of missing) {
    const deb = readdirSync(debs).find(f => f.endsWith(`_${arch}.deb`))
    if (!deb) throw new Error(`apt-get download gave no busybox-static for ${arch}`)
    const tree = join(apt, 'tree', arch)
    rmSync(tree, { recursive: true, force: true })
    mkdirSync(tree, { recursive: true })
    execFileSync('dpkg-deb', ['-x', join(debs, deb), tree])
    mkdirSync(join(cache, arch), { recursive: true })
    execFileSync('cp', [join(tree, 'usr', 'bin', 'busybox'), join(cache, arch, 'busybox')])
  }
}
