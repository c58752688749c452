// Real foreign programs for the tests: Debian's busybox-static for other architectures,
// fetched with apt-get download (nothing is installed) into .cache/fixtures/<arch>/busybox,
// and Debian's docker-buildx CLI plugin for this host into .cache/fixtures/buildx/.
// Idempotent: a second run finds the files and does nothing.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

// Debian trixie's docker-buildx 0.13.1+ds1-3, pinned from trixie's main/binary-<arch> Packages
// index (Filename, Size, SHA256). A CLI plugin that needs only libc; the tests install it in a
// private DOCKER_CONFIG, never in the system.
const BUILDX = {
  x64: {
    filename: 'pool/main/d/docker-buildx/docker-buildx_0.13.1+ds1-3_amd64.deb',
    size: 13239200,
    sha256: 'fcf8c48204d1603c8f209451d7827eb91bf30759578baf7704e9e1a87e5f1d7f'
  },
  arm64: {
    filename: 'pool/main/d/docker-buildx/docker-buildx_0.13.1+ds1-3_arm64.deb',
    size: 11322920,
    sha256: '6cf361ab892b55753b728adcbd1a99f0616711df853dba64a5297a4a676d96b0'
  }
}[process.arch]
const plugin = join(cache, 'buildx', 'docker-buildx')
if (BUILDX && !existsSync(plugin)) {
  const url = `http://deb.debian.org/debian/${BUILDX.filename}`
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  const body = Buffer.from(await response.arrayBuffer())
  const digest = createHash('sha256').update(body).digest('hex')
  if (body.length !== BUILDX.size || digest !== BUILDX.sha256)
    throw new Error(
      `${url}: ${body.length} bytes with SHA256 ${digest}, but trixie's Packages index says ` +
        `${BUILDX.size} bytes with SHA256 ${BUILDX.sha256}`
    )
  const work = join(cache, 'buildx', 'work')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  writeFileSync(join(work, 'docker-buildx.deb'), body)
  execFileSync('dpkg-deb', ['-x', join(work, 'docker-buildx.deb'), join(work, 'tree')])
  const binary = join(work, 'tree', 'usr', 'libexec', 'docker', 'cli-plugins', 'docker-buildx')
  writeFileSync(plugin, readFileSync(binary), { mode: 0o755 })
  rmSync(work, { recursive: true, force: true })
}
