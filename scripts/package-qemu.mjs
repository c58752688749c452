// Package Debian's static QEMU user-mode interpreters as one small, reproducible archive per
// target and host architecture, for the GitHub release qemu-<upstream version>.
//
//   node scripts/package-qemu.mjs [--out DIR] [--arch x64|arm64]... [--targets a,b]
//                                 [--cache DIR] [--jobs N] [--write-manifest | --check]
//
// 1. Fetch qemu-user (amd64 and arm64) of DEBIAN_VERSION from Debian trixie with apt-get,
//    using private apt state under <cache>/apt (the system's apt configuration is untouched),
//    and check each .deb's SHA256 against the signed Packages index. A cached .deb whose digest
//    matches is used as it is.
// 2. For each host architecture and each target of src/platform/targets.ts, take usr/bin/qemu-<target>
//    (or qemu-<target>-static; symlinks followed) out of the .deb and write
//    qemu-<target>-<version>-linux-<arch>.tar.gz: one member qemu-<target>, a regular file of mode
//    0755, in a ustar archive with fixed times and owners, compressed by gzip -n -9. The same .deb
//    always gives the same bytes. i486 runs under qemu-i386, so i386's archive covers it too.
// 3. Print the files with their sizes and SHA256.
//
// --write-manifest  regenerate src/qemu/builtin-manifest.json from this build (all targets,
//                   both arches).
// --check           build nothing: compare the archives in --out and the cached .debs with
//                   src/qemu/builtin-manifest.json; exit 1 on any missing, unknown or different
//                   file.
//
// Needs apt-get, dpkg-deb, GNU tar, gzip, and the project's devDependencies (typescript reads
// src/platform/targets.ts; prettier formats the manifest).

import { importTs } from './import-ts.mjs'
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { basename, dirname, join, posix, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'

/** The Debian package this release is made from. */
export const DEBIAN_SUITE = 'trixie'
export const DEBIAN_VERSION = '1:10.0.13+ds-0+deb13u1'
export const UPSTREAM_VERSION = DEBIAN_VERSION.replace(/^\d+:/, '').replace(/[+~-].*$/, '')
export const RELEASE_TAG = `qemu-${UPSTREAM_VERSION}`
export const RELEASE_BASE = `https://github.com/setup-binfmt/setup-binfmt/releases/download/${RELEASE_TAG}`
const MIRROR = 'http://deb.debian.org/debian'
const DOWNLOAD_BASE = 'https://deb.debian.org/debian'
const SNAPSHOT_BASE = 'https://snapshot.debian.org/archive/debian'
const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg'

/** Host architecture as Node names it, and as Debian and ELF do. */
export const HOST_ARCHES = {
  x64: { debian: 'amd64', machine: 62 },
  arm64: { debian: 'arm64', machine: 183 }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const MANIFEST_PATH = join(root, 'src', 'qemu', 'builtin-manifest.json')

export function archiveName(interpreter, arch) {
  return `qemu-${interpreter}-${UPSTREAM_VERSION}-linux-${arch}.tar.gz`
}

/** An expected failure: main reports its message alone, and the exit code is 1. */
class Failure extends Error {}

function fail(message) {
  throw new Failure(message)
}

function sha256File(path) {
  const hash = createHash('sha256')
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(1 << 20)
    for (;;) {
      const n = readSync(fd, buffer)
      if (n === 0) break
      hash.update(buffer.subarray(0, n))
    }
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** The QEMU targets of src/platform/targets.ts, in its order: { name, interpreter }. */
async function loadTargets() {
  const { TARGETS } = await importTs(join(root, 'src', 'platform', 'targets.ts'))
  return [...TARGETS.values()].map(t => ({ name: t.name, interpreter: t.interpreter }))
}

// ---------------------------------------------------------------------------------------------
// apt: private state, Debian trixie main, amd64 and arm64.

function aptOptions(aptDir) {
  return [
    ...['-o', `Dir::Etc::SourceList=${join(aptDir, 'sources.list')}`],
    ...['-o', 'Dir::Etc::SourceParts=/dev/null'],
    ...['-o', `Dir::State::Lists=${join(aptDir, 'lists')}`],
    ...['-o', `Dir::Cache=${join(aptDir, 'cache')}`],
    ...['-o', 'APT::Sandbox::User=root'],
    ...['-o', 'Debug::NoLocking=1'],
    ...Object.values(HOST_ARCHES).flatMap(a => ['-o', `APT::Architectures::=${a.debian}`])
  ]
}

function aptUpdate(aptDir) {
  mkdirSync(join(aptDir, 'lists', 'partial'), { recursive: true })
  mkdirSync(join(aptDir, 'cache', 'archives', 'partial'), { recursive: true })
  writeFileSync(
    join(aptDir, 'sources.list'),
    `deb [signed-by=${KEYRING}] ${MIRROR} ${DEBIAN_SUITE} main\n`
  )
  const run = spawnSync('apt-get', ['-q', ...aptOptions(aptDir), 'update'], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (run.status !== 0) {
    if (!existsSync(listFile(aptDir, 'InRelease'))) fail('apt-get update failed')
    console.warn('package-qemu: apt-get update failed; using the Packages index fetched before')
  }
}

function listFile(aptDir, suffix) {
  const host = MIRROR.replace(/^https?:\/\//, '').replaceAll('/', '_')
  const prefix = `${host}_dists_${DEBIAN_SUITE}_${suffix}`
  const name = readdirSync(join(aptDir, 'lists')).find(
    f => f === prefix || (f.startsWith(`${prefix}.`) && !f.endsWith('.diff_Index'))
  )
  return name === undefined ? join(aptDir, 'lists', prefix) : join(aptDir, 'lists', name)
}

function catList(path) {
  return execFileSync('/usr/lib/apt/apt-helper', ['cat-file', path], {
    encoding: 'utf8',
    maxBuffer: 1 << 30
  })
}

function fields(stanza) {
  const out = {}
  for (const line of stanza.split('\n')) {
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line)
    if (m) out[m[1]] = m[2]
  }
  return out
}

/** The Release file's Date and Changelogs template, from the (signature-checked) InRelease. */
function readRelease(aptDir) {
  const text = catList(listFile(aptDir, 'InRelease'))
  const head = fields(text.split('\n\n')[1] ?? text)
  const date = new Date(head.Date)
  if (Number.isNaN(date.getTime())) fail(`no Date in the ${DEBIAN_SUITE} Release file`)
  return { date, changelogs: head.Changelogs }
}

/** qemu-user's stanza of DEBIAN_VERSION in the Packages index of one architecture, or null. */
function readPackage(aptDir, debianArch) {
  const index = listFile(aptDir, `main_binary-${debianArch}_Packages`)
  if (!existsSync(index)) fail(`no Packages index for ${debianArch} after apt-get update`)
  for (const stanza of catList(index).split('\n\n')) {
    if (!stanza.startsWith('Package: qemu-user\n')) continue
    const f = fields(stanza)
    if (f.Version === DEBIAN_VERSION && f.Architecture === debianArch)
      return { filename: f.Filename, size: Number(f.Size), sha256: f.SHA256, source: f.Source }
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// The .debs.

/**
 * Make sure <cache>/<basename of Filename> is the .deb of each wanted architecture, with the
 * digest the Packages index gives. When the index no longer has DEBIAN_VERSION (a later point
 * release replaced it), fall back to the manifest's URLs and digests.
 */
async function fetchDebs(cache, arches) {
  const aptDir = join(cache, 'apt')
  const started = Date.now()
  aptUpdate(aptDir)
  const release = readRelease(aptDir)
  const debs = {}
  const toDownload = []
  for (const arch of arches) {
    const debianArch = HOST_ARCHES[arch].debian
    let pkg = readPackage(aptDir, debianArch)
    let urls = null
    if (pkg === null) {
      const entry = (await loadManifestRelease()).files.find(
        f => f.format === 'deb' && f.arch === arch
      )
      if (!entry) fail(`qemu-user ${DEBIAN_VERSION} ${debianArch} is in neither index nor manifest`)
      console.warn(
        `package-qemu: ${DEBIAN_SUITE} no longer has qemu-user ${DEBIAN_VERSION}; ` +
          `using the manifest's URLs for ${debianArch}`
      )
      pkg = {
        filename: entry.download_url.slice(DOWNLOAD_BASE.length + 1),
        size: entry.size,
        sha256: entry.sha256,
        fromManifest: true
      }
      urls = [entry.download_url, ...(entry.mirror_urls ?? [])]
    }
    const path = join(cache, basename(pkg.filename))
    debs[arch] = { ...pkg, path, arch, debianArch }
    if (existsSync(path) && sha256File(path) === pkg.sha256) continue
    rmSync(path, { force: true })
    toDownload.push({ arch, urls })
  }
  const viaApt = toDownload.filter(d => d.urls === null)
  if (viaApt.length > 0) {
    const work = mkdtempSync(join(cache, 'download-'))
    try {
      const specs = viaApt.map(d => `qemu-user:${HOST_ARCHES[d.arch].debian}=${DEBIAN_VERSION}`)
      execFileSync('apt-get', ['-q', ...aptOptions(aptDir), 'download', ...specs], {
        cwd: work,
        stdio: ['ignore', 'ignore', 'inherit']
      })
      for (const { arch } of viaApt) {
        const got = readdirSync(work).find(f => f.endsWith(`_${debs[arch].debianArch}.deb`))
        if (!got) fail(`apt-get download gave no qemu-user for ${debs[arch].debianArch}`)
        renameSync(join(work, got), debs[arch].path)
      }
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  for (const { arch, urls } of toDownload.filter(d => d.urls !== null)) {
    await downloadAny(urls, debs[arch].path, debs[arch].sha256)
  }
  for (const arch of arches) {
    const deb = debs[arch]
    const digest = sha256File(deb.path)
    if (digest !== deb.sha256)
      fail(`${deb.path}: SHA256 ${digest}, but the Packages index says ${deb.sha256}`)
    if (statSync(deb.path).size !== deb.size) fail(`${deb.path}: size differs from the index`)
  }
  return { debs, release, seconds: (Date.now() - started) / 1000 }
}

async function downloadAny(urls, path, sha256) {
  for (const url of urls) {
    try {
      const response = await globalThis.fetch(url)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const body = Buffer.from(await response.arrayBuffer())
      const digest = createHash('sha256').update(body).digest('hex')
      if (digest !== sha256) throw new Error(`SHA256 ${digest}, expected ${sha256}`)
      writeFileSync(path, body)
      return
    } catch (error) {
      console.warn(`package-qemu: ${url}: ${error.message}`)
    }
  }
  fail(`could not download ${basename(path)}`)
}

// ---------------------------------------------------------------------------------------------
// Extraction and packaging.

const execFileAsync = promisify(execFile)

/** Run a command without a shell; resolves with its stdout. */
async function run(command, args) {
  try {
    const { stdout } = await execFileAsync(command, args, { maxBuffer: 1 << 28 })
    return stdout
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed: ${error.stderr || error.message}`, {
      cause: error
    })
  }
}

/** Write the .deb's data tar (uncompressed) to path. */
function dataTar(deb, path) {
  const fd = openSync(path, 'w')
  return new Promise((resolvePromise, reject) => {
    const child = spawn('dpkg-deb', ['--fsys-tarfile', deb], { stdio: ['ignore', fd, 'inherit'] })
    child.on('error', reject)
    child.on('close', code => {
      closeSync(fd)
      if (code === 0) resolvePromise()
      else reject(new Error(`dpkg-deb --fsys-tarfile ${deb} exited ${code}`))
    })
  })
}

/** Check that a file is a static ELF executable for the host architecture. */
function checkStaticElf(path, arch) {
  const b = readFileSync(path)
  const bad = why => fail(`${path}: ${why}`)
  if (b.length < 64 || b.readUInt32BE(0) !== 0x7f454c46) bad('not an ELF file')
  if (b[4] !== 2 || b[5] !== 1) bad('not a 64-bit little-endian ELF file')
  if (b.readUInt16LE(18) !== HOST_ARCHES[arch].machine) bad(`not built for ${arch}`)
  const phoff = Number(b.readBigUInt64LE(32))
  const phentsize = b.readUInt16LE(54)
  for (let i = 0; i < b.readUInt16LE(56); i++)
    if (b.readUInt32LE(phoff + i * phentsize) === 3) bad('dynamically linked (has PT_INTERP)')
}

function lstatExists(path) {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

/**
 * Unpack from the .deb the interpreters of the given names into dir, following symlinks
 * within the package. Returns name -> path of the regular file, for the names it ships.
 */
async function extractInterpreters(deb, interpreters, dir) {
  const fsTar = join(dir, 'data.tar')
  await dataTar(deb, fsTar)
  const members = new Set((await run('tar', ['-t', '-f', fsTar])).split('\n').filter(Boolean))
  const tree = join(dir, 'tree')
  mkdirSync(tree)
  const extract = async paths => {
    const wanted = paths.filter(p => members.has(p) && !lstatExists(join(tree, p)))
    if (wanted.length > 0) await run('tar', ['-x', '-f', fsTar, '-C', tree, '--', ...wanted])
  }
  const candidates = name => [`./usr/bin/qemu-${name}`, `./usr/bin/qemu-${name}-static`]
  await extract(interpreters.flatMap(candidates))
  const found = new Map()
  for (const name of interpreters) {
    const candidate = candidates(name).find(c => members.has(c))
    if (candidate === undefined) continue
    let member = posix.normalize(candidate)
    for (let hops = 0; ; hops++) {
      if (hops > 40) fail(`${deb}: symlink loop at ${candidate}`)
      await extract([`./${member}`])
      const path = join(tree, member)
      if (!lstatExists(path)) fail(`${deb}: ${candidate} points at ${member}, not in the package`)
      const stat = lstatSync(path)
      if (stat.isFile()) {
        found.set(name, path)
        break
      }
      if (!stat.isSymbolicLink()) fail(`${deb}: ${candidate} is not a file`)
      const link = readlinkSync(path)
      member = posix.normalize(
        link.startsWith('/') ? link.slice(1) : posix.join(posix.dirname(member), link)
      )
      if (member.startsWith('..')) fail(`${deb}: ${candidate} points outside the package`)
    }
  }
  rmSync(fsTar)
  return found
}

/** Write <out>/<archive>: ustar with one member, fixed metadata, gzip -n -9. */
async function packOne(source, interpreter, archive, work, out) {
  const stage = mkdtempSync(join(work, `${interpreter}-`))
  const member = `qemu-${interpreter}`
  // A copy, so the member is the regular file's contents whatever the .deb's layout.
  writeFileSync(join(stage, member), readFileSync(source), { mode: 0o755 })
  const tarPath = join(stage, `${archive}.tar`)
  // prettier-ignore
  await run('tar', [
    '--create', '--file', tarPath, '--directory', stage, '--blocking-factor=20',
    '--format=ustar', '--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner',
    '--mode=0755', '--no-recursion', '--', member
  ])
  await run('gzip', ['-n', '-9', '--', tarPath])
  renameSync(`${tarPath}.gz`, join(out, archive))
  rmSync(stage, { recursive: true, force: true })
}

/** At most n of the functions given to the returned one run at once. */
function limiter(n) {
  let active = 0
  const waiting = []
  return async fn => {
    if (active < n) active++
    else await new Promise(wake => waiting.push(wake)) // the finishing task hands over its slot
    try {
      return await fn()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
    }
  }
}

/**
 * Build the archives of the selected targets for one architecture. Unpacking and each
 * archive are tasks of limit, which the architectures share.
 */
async function buildArch(deb, arch, targets, out, limit) {
  const work = mkdtempSync(join(tmpdir(), `package-qemu-${arch}-`))
  try {
    const interpreters = [...new Set(targets.map(t => t.interpreter))]
    const found = await limit(() => extractInterpreters(deb.path, interpreters, work))
    const built = []
    const packs = []
    for (const interpreter of interpreters) {
      const source = found.get(interpreter)
      if (source === undefined) continue
      checkStaticElf(source, arch)
      const archive = archiveName(interpreter, arch)
      const covers = targets.filter(t => t.interpreter === interpreter).map(t => t.name)
      built.push({ filename: archive, arch, targets: covers, path: join(out, archive) })
      packs.push(limit(() => packOne(source, interpreter, archive, work, out)))
    }
    await Promise.all(packs)
    for (const file of built) {
      file.size = statSync(file.path).size
      file.sha256 = sha256File(file.path)
    }
    const missing = targets.filter(t => !found.has(t.interpreter)).map(t => t.name)
    return { built, shipped: targets.filter(t => found.has(t.interpreter)), missing }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// The manifest.

async function loadManifestRelease(path = MANIFEST_PATH) {
  const DEFAULT_MANIFEST = JSON.parse(readFileSync(path, 'utf8'))
  const release = DEFAULT_MANIFEST.find(r => r.version === UPSTREAM_VERSION)
  if (!release) fail(`${relative(process.cwd(), path)} has no release ${UPSTREAM_VERSION}`)
  return release
}

function snapshotStamp(date) {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

function changelogUrl(release, source) {
  const version = DEBIAN_VERSION.replace(/^\d+:/, '')
  const name = (source ?? 'qemu').split(' ')[0]
  const dir = name.startsWith('lib') ? name.slice(0, 4) : name[0]
  const template =
    release.changelogs ?? 'https://metadata.ftp-master.debian.org/changelogs/@CHANGEPATH@_changelog'
  return template.replace('@CHANGEPATH@', `main/${dir}/${name}/${name}_${version}`)
}

async function writeManifest(path, { debs, release }, results) {
  const files = []
  for (const arch of Object.keys(HOST_ARCHES)) {
    const deb = debs[arch]
    files.push({
      filename: basename(deb.filename),
      platform: 'linux',
      arch,
      targets: results[arch].shipped.map(t => t.name),
      format: 'deb',
      sha256: deb.sha256,
      size: deb.size,
      download_url: `${DOWNLOAD_BASE}/${deb.filename}`,
      mirror_urls: [`${SNAPSHOT_BASE}/${snapshotStamp(release.date)}/${deb.filename}`]
    })
  }
  for (const arch of Object.keys(HOST_ARCHES)) {
    for (const file of results[arch].built) {
      files.push({
        filename: file.filename,
        platform: 'linux',
        arch,
        targets: file.targets,
        format: 'tar.gz',
        sha256: file.sha256,
        size: file.size,
        download_url: `${RELEASE_BASE}/${file.filename}`
      })
    }
  }
  const manifest = [
    {
      version: UPSTREAM_VERSION,
      stable: true,
      release_url: changelogUrl(release, debs.x64.source),
      files
    }
  ]
  // Plain data, formatted as prettier formats the rest of the repository.
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  let formatted = text
  try {
    const prettier = await import('prettier')
    const options = (await prettier.resolveConfig(path)) ?? {}
    formatted = await prettier.format(text, { ...options, filepath: path })
  } catch (error) {
    console.warn(`package-qemu: not formatted with prettier (${error.message})`)
  }
  writeFileSync(path, formatted)
  console.log(
    `wrote ${relative(process.cwd(), path)} (${files.length} files) from Debian ${DEBIAN_SUITE} ` +
      `qemu-user ${DEBIAN_VERSION}, Release dated ${release.date.toISOString()}`
  )
}

// ---------------------------------------------------------------------------------------------
// Check mode.

async function check(out, cache, arches, targets) {
  const release = await loadManifestRelease()
  const names = new Set(targets.map(t => t.name))
  const problems = []
  const rows = []
  const compare = (entry, path) => {
    if (!existsSync(path)) {
      problems.push(`${entry.filename}: missing (${path})`)
      return
    }
    const sha256 = sha256File(path)
    const size = statSync(path).size
    const ok = sha256 === entry.sha256 && (entry.size === undefined || size === entry.size)
    rows.push({ filename: entry.filename, size, sha256, status: ok ? 'ok' : 'DIFFERS' })
    if (!ok)
      problems.push(
        `${entry.filename}: sha256 ${sha256} size ${size}, manifest ${entry.sha256} size ${entry.size}`
      )
  }
  for (const entry of release.files) {
    if (entry.format !== 'deb' && entry.download_url !== `${RELEASE_BASE}/${entry.filename}`)
      problems.push(`${entry.filename}: download_url is not under ${RELEASE_BASE}`)
    if (!arches.includes(entry.arch)) continue
    if (entry.format === 'deb') compare(entry, join(cache, entry.filename))
    else if (entry.targets.some(t => names.has(t))) compare(entry, join(out, entry.filename))
  }
  const known = new Set(release.files.map(f => f.filename))
  const archiveRe = /^qemu-.*-linux-.*\.tar\.(gz|xz)$/
  for (const f of existsSync(out) ? readdirSync(out) : []) {
    if (archiveRe.test(f) && !known.has(f)) problems.push(`${f}: in ${out} but not in the manifest`)
  }
  printTable(rows)
  if (problems.length > 0) {
    for (const p of problems) console.error(`MISMATCH ${p}`)
    fail(`--check failed: ${problems.length} problem(s)`)
  }
  console.log(`--check: ${rows.length} files match ${relative(process.cwd(), MANIFEST_PATH)}`)
}

// ---------------------------------------------------------------------------------------------

function printTable(rows) {
  const width = Math.max(8, ...rows.map(r => r.filename.length))
  const lines = rows.map(
    r =>
      `${r.filename.padEnd(width)}  ${String(r.size).padStart(9)}  ${r.sha256}` +
      (r.status ? `  ${r.status}` : '')
  )
  console.log([`${'file'.padEnd(width)}  ${'bytes'.padStart(9)}  sha256`, ...lines].join('\n'))
}

function usage() {
  console.log(`usage: node scripts/package-qemu.mjs [options]
  --out DIR          where the archives go (default .cache/qemu-release)
  --cache DIR        where the .debs and the private apt state go (default .cache/qemu-debs)
  --arch ARCH        x64 or arm64; repeatable (default both)
  --targets A,B      only these QEMU targets (default all of src/platform/targets.ts)
  --jobs N           archives compressed at once (default: the number of CPUs)
  --write-manifest   regenerate src/qemu/builtin-manifest.json (needs all targets and both arches)
  --check            build nothing; compare --out and the cached .debs with the manifest`)
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(root, '.cache', 'qemu-release') },
      cache: { type: 'string', default: join(root, '.cache', 'qemu-debs') },
      arch: { type: 'string', multiple: true },
      targets: { type: 'string' },
      jobs: { type: 'string' },
      'write-manifest': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    },
    strict: true,
    allowPositionals: false
  })
  if (values.help) return usage()
  const out = resolve(values.out)
  const cache = resolve(values.cache)
  const arches = values.arch ?? Object.keys(HOST_ARCHES)
  for (const a of arches) if (!(a in HOST_ARCHES)) fail(`unknown --arch ${a} (x64 or arm64)`)
  const all = await loadTargets()
  let targets = all
  if (values.targets !== undefined) {
    const wanted = values.targets
      .split(',')
      .map(s => s.trim())
      .filter(Boolean)
    for (const w of wanted) if (!all.some(t => t.name === w)) fail(`unknown target ${w}`)
    // A target shares its archive with the others of its interpreter (i386 and i486).
    const interpreters = new Set(all.filter(t => wanted.includes(t.name)).map(t => t.interpreter))
    targets = all.filter(t => interpreters.has(t.interpreter))
  }
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) fail('--jobs needs a positive whole number')
  if (values['write-manifest'] && values.check)
    fail('--write-manifest and --check exclude each other')
  if (values['write-manifest'] && (targets !== all || arches.length !== 2))
    fail('--write-manifest needs every target and both architectures')

  if (values.check) return check(out, cache, [...new Set(arches)], targets)

  mkdirSync(cache, { recursive: true })
  mkdirSync(out, { recursive: true })
  const fetched = await fetchDebs(cache, [...new Set(arches)])
  const rows = []
  for (const arch of Object.keys(fetched.debs)) {
    const d = fetched.debs[arch]
    rows.push({ filename: basename(d.filename), size: d.size, sha256: d.sha256 })
  }
  console.log(`fetched and verified the .debs in ${fetched.seconds.toFixed(1)} s`)

  const started = Date.now()
  const limit = limiter(jobs)
  const archList = [...new Set(arches)]
  const built = await Promise.all(
    archList.map(arch => buildArch(fetched.debs[arch], arch, targets, out, limit))
  )
  const results = Object.fromEntries(archList.map((arch, i) => [arch, built[i]]))
  for (const [arch, result] of Object.entries(results)) {
    rows.push(...result.built)
    if (result.missing.length > 0)
      console.warn(`package-qemu: the ${arch} .deb does not ship: ${result.missing.join(', ')}`)
  }
  const seconds = (Date.now() - started) / 1000
  printTable(rows)
  for (const [arch, result] of Object.entries(results)) {
    const total = result.built.reduce((sum, f) => sum + f.size, 0)
    console.log(
      `${arch}: ${result.built.length} archives covering ${result.shipped.length} targets, ` +
        `${total} bytes`
    )
  }
  console.log(`built in ${seconds.toFixed(1)} s into ${relative(process.cwd(), out) || '.'}`)
  if (values['write-manifest']) {
    if (Object.values(fetched.debs).some(d => d.fromManifest))
      fail('--write-manifest needs the .debs in the current Packages index')
    await writeManifest(MANIFEST_PATH, fetched, results)
  }
}

try {
  await main()
} catch (error) {
  console.error(`package-qemu: ${error instanceof Failure ? error.message : error.stack}`)
  process.exitCode = 1
}
