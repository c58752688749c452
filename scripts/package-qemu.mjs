// Package Debian's static QEMU user-mode interpreters as one small, reproducible archive per
// target and host architecture, for the GitHub release qemu-<upstream version> of each QEMU line.
//
//   node scripts/package-qemu.mjs [--line VERSION]... [--out DIR] [--arch x64|arm64]...
//                                 [--targets a,b] [--cache DIR] [--jobs N]
//                                 [--write-manifest | --check]
//
// 1. For each line of LINES, fetch its package (amd64 and arm64) from its Debian suite with
//    apt-get, using private apt state under <cache>/apt-<suite> (the system's apt configuration
//    is untouched), and check each .deb's SHA256 and size against the Packages index apt read
//    (apt checks the Release signature). A cached .deb whose digest matches is used as it is.
// 2. For each host architecture and each target of src/platform/targets.ts, take
//    usr/bin/qemu-<target> (or qemu-<target>-static; symlinks followed) out of the .deb and write
//    qemu-<target>-<version>-linux-<arch>.tar.gz: one member qemu-<target>, a regular file of mode
//    0755, in a ustar archive with fixed times and owners, compressed by gzip -n -9. The same .deb
//    always gives the same bytes. i486 runs under qemu-i386, so i386's archive covers it too.
//    The interpreter for this machine's architecture must say the line's version (--version).
// 3. Print the files with their sizes and SHA256.
//
// --line V          only this line (repeatable; default every line). Archives of all lines can
//                   share one --out folder: their names carry the version.
// --write-manifest  regenerate src/qemu/builtin-manifest.json from this build (every line, all
//                   targets, both arches).
// --check           build nothing: compare the archives in --out and the cached .debs with
//                   src/qemu/builtin-manifest.json; exit 1 on any missing, unknown or different file.
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

/**
 * The QEMU lines the built-in manifest pins, newest first, each one Debian package in one suite.
 * `stable: false` lines are chosen only when qemu-version asks for them; the newest stable line
 * is the default (docs/qemu.md says why).
 */
export const LINES = [
  {
    version: '11.1.3',
    suite: 'trixie-backports',
    package: 'qemu-user',
    debian: '1:11.1.3+ds-2~bpo13+1',
    stable: false
  },
  {
    version: '10.0.13',
    suite: 'trixie',
    package: 'qemu-user',
    debian: '1:10.0.13+ds-0+deb13u1',
    stable: true
  },
  {
    version: '7.2.22',
    suite: 'bookworm',
    package: 'qemu-user-static',
    debian: '1:7.2+dfsg-7+deb12u18+b3',
    stable: true
  }
]
export const releaseTag = line => `qemu-${line.version}`
export const releaseBase = line =>
  `https://github.com/setup-binfmt/setup-binfmt/releases/download/${releaseTag(line)}`
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

export function archiveName(interpreter, version, arch) {
  return `qemu-${interpreter}-${version}-linux-${arch}.tar.gz`
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
// apt: private state per suite, Debian main, amd64 and arm64.

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

function aptUpdate(aptDir, suite) {
  mkdirSync(join(aptDir, 'lists', 'partial'), { recursive: true })
  mkdirSync(join(aptDir, 'cache', 'archives', 'partial'), { recursive: true })
  writeFileSync(
    join(aptDir, 'sources.list'),
    `deb [signed-by=${KEYRING}] ${MIRROR} ${suite} main\n`
  )
  const run = spawnSync('apt-get', ['-q', ...aptOptions(aptDir), 'update'], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (run.status !== 0) {
    if (!existsSync(listFile(aptDir, suite, 'InRelease'))) fail(`apt-get update of ${suite} failed`)
    console.warn(`package-qemu: apt-get update of ${suite} failed; using the index fetched before`)
  }
}

function listFile(aptDir, suite, suffix) {
  const host = MIRROR.replace(/^https?:\/\//, '').replaceAll('/', '_')
  const prefix = `${host}_dists_${suite}_${suffix}`
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
function readRelease(aptDir, suite) {
  const text = catList(listFile(aptDir, suite, 'InRelease'))
  const head = fields(text.split('\n\n')[1] ?? text)
  const date = new Date(head.Date)
  if (Number.isNaN(date.getTime())) fail(`no Date in the ${suite} Release file`)
  return { date, changelogs: head.Changelogs }
}

/** The line's package stanza in the Packages index of one architecture, or null. */
function readPackage(aptDir, line, debianArch) {
  const index = listFile(aptDir, line.suite, `main_binary-${debianArch}_Packages`)
  if (!existsSync(index))
    fail(`no ${line.suite} Packages index for ${debianArch} after apt-get update`)
  for (const stanza of catList(index).split('\n\n')) {
    if (!stanza.startsWith(`Package: ${line.package}\n`)) continue
    const f = fields(stanza)
    if (f.Version === line.debian && f.Architecture === debianArch)
      return { filename: f.Filename, size: Number(f.Size), sha256: f.SHA256, source: f.Source }
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// The .debs.

/**
 * Make sure <cache>/<basename of Filename> is the line's .deb of each wanted architecture, with
 * the digest the Packages index gives. When the index no longer has the version (a later point
 * release replaced it), fall back to the manifest's URLs and digests.
 */
async function fetchDebs(cache, line, arches) {
  const aptDir = join(cache, `apt-${line.suite}`)
  const started = Date.now()
  aptUpdate(aptDir, line.suite)
  const release = readRelease(aptDir, line.suite)
  const debs = {}
  const toDownload = []
  for (const arch of arches) {
    const debianArch = HOST_ARCHES[arch].debian
    let pkg = readPackage(aptDir, line, debianArch)
    let urls = null
    const what = `${line.package} ${line.debian} ${debianArch}`
    if (pkg === null) {
      const entry = (await loadManifestRelease(line)).files.find(
        f => f.format === 'deb' && f.arch === arch
      )
      if (!entry) fail(`${what} is in neither the ${line.suite} index nor the manifest`)
      console.warn(`package-qemu: ${line.suite} no longer has ${what}; using the manifest's URLs`)
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
      const specs = viaApt.map(d => `${line.package}:${HOST_ARCHES[d.arch].debian}=${line.debian}`)
      execFileSync('apt-get', ['-q', ...aptOptions(aptDir), 'download', ...specs], {
        cwd: work,
        stdio: ['ignore', 'ignore', 'inherit']
      })
      for (const { arch } of viaApt) {
        const got = readdirSync(work).find(f => f.endsWith(`_${debs[arch].debianArch}.deb`))
        if (!got) fail(`apt-get download gave no ${line.package} for ${debs[arch].debianArch}`)
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

/** The manifest's .debs of these lines and arches into the cache, unless they are there. */
async function fetchMissing(lines, cache, arches) {
  mkdirSync(cache, { recursive: true })
  for (const line of lines) {
    const debs = (await loadManifestRelease(line)).files.filter(
      f => f.format === 'deb' && arches.includes(f.arch)
    )
    // By size, to stay quick before every test run: every user checks the digest anyway.
    const have = f =>
      existsSync(join(cache, f.filename)) && statSync(join(cache, f.filename)).size === f.size
    if (debs.every(have)) continue
    await fetchDebs(cache, line, arches)
    console.log(`${line.version}: fetched ${debs.map(f => f.filename).join(', ')}`)
  }
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

/** An interpreter this machine can run must say the line's version: the .deb is the one meant. */
async function checkVersion(path, line) {
  const said = /version (\d+\.\d+\.\d+)/.exec(await run(path, ['--version']))?.[1]
  if (said !== line.version)
    fail(
      `${basename(path)} of ${line.package} ${line.debian} says version ${said}, not ${line.version}: fix LINES`
    )
}

/**
 * Build the archives of the selected targets of one line for one architecture. Unpacking and
 * each archive are tasks of limit, which the architectures and lines share.
 */
async function buildArch(line, deb, arch, targets, out, limit) {
  const work = mkdtempSync(join(tmpdir(), `package-qemu-${line.version}-${arch}-`))
  try {
    const interpreters = [...new Set(targets.map(t => t.interpreter))]
    const found = await limit(() => extractInterpreters(deb.path, interpreters, work))
    const built = []
    const packs = []
    for (const interpreter of interpreters) {
      const source = found.get(interpreter)
      if (source === undefined) continue
      checkStaticElf(source, arch)
      const archive = archiveName(interpreter, line.version, arch)
      const covers = targets.filter(t => t.interpreter === interpreter).map(t => t.name)
      built.push({ filename: archive, arch, targets: covers, path: join(out, archive) })
      packs.push(limit(() => packOne(source, interpreter, archive, work, out)))
    }
    const runnable = arch === process.arch ? [...found.values()][0] : undefined
    if (runnable) await checkVersion(runnable, line)
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

async function loadManifest(path = MANIFEST_PATH) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

async function loadManifestRelease(line, path = MANIFEST_PATH) {
  const release = (await loadManifest(path)).find(r => r.version === line.version)
  if (!release) fail(`${relative(process.cwd(), path)} has no release ${line.version}`)
  return release
}

function snapshotStamp(date) {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

function changelogUrl(line, release, source) {
  const version = line.debian.replace(/^\d+:/, '')
  const name = (source ?? 'qemu').split(' ')[0]
  const dir = name.startsWith('lib') ? name.slice(0, 4) : name[0]
  const template =
    release.changelogs ?? 'https://metadata.ftp-master.debian.org/changelogs/@CHANGEPATH@_changelog'
  return template.replace('@CHANGEPATH@', `main/${dir}/${name}/${name}_${version}`)
}

/** One manifest release: the two .debs (pool URL, snapshot mirror), then the archives. */
function manifestRelease(line, { debs, release }, results) {
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
        download_url: `${releaseBase(line)}/${file.filename}`
      })
    }
  }
  return {
    version: line.version,
    stable: line.stable,
    release_url: changelogUrl(line, release, debs.x64.source),
    files
  }
}

async function writeManifest(path, lines, fetched, results) {
  const manifest = lines.map((line, i) => manifestRelease(line, fetched[i], results[i]))
  await writeJson(path, manifest)
  const count = manifest.reduce((n, r) => n + r.files.length, 0)
  console.log(
    `wrote ${relative(process.cwd(), path)} (${manifest.length} releases, ${count} files)`
  )
  lines.forEach((line, i) => {
    const date = fetched[i].release.date.toISOString()
    console.log(
      `  ${line.version}: Debian ${line.suite} ${line.package} ${line.debian}, Release dated ${date}`
    )
  })
}

/** Plain data, formatted as prettier formats the rest of the repository. */
async function writeJson(path, data) {
  const text = `${JSON.stringify(data, null, 2)}\n`
  let formatted = text
  try {
    const prettier = await import('prettier')
    const options = (await prettier.resolveConfig(path)) ?? {}
    formatted = await prettier.format(text, { ...options, filepath: path })
  } catch (error) {
    console.warn(`package-qemu: not formatted with prettier (${error.message})`)
  }
  writeFileSync(path, formatted)
}

// ---------------------------------------------------------------------------------------------
// Check mode.

async function check(lines, out, cache, arches, targets) {
  const manifest = await loadManifest()
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
  const versions = manifest.map(r => r.version).join(', ')
  if (versions !== LINES.map(l => l.version).join(', '))
    problems.push(`the manifest has ${versions}; LINES has ${LINES.map(l => l.version).join(', ')}`)
  for (const line of lines) {
    const release = await loadManifestRelease(line)
    if (release.stable !== line.stable) problems.push(`${line.version}: stable differs from LINES`)
    for (const entry of release.files) {
      const base = releaseBase(line)
      if (entry.format !== 'deb' && entry.download_url !== `${base}/${entry.filename}`)
        problems.push(`${entry.filename}: download_url is not under ${base}`)
      if (!arches.includes(entry.arch)) continue
      if (entry.format === 'deb') compare(entry, join(cache, entry.filename))
      else if (entry.targets.some(t => names.has(t))) compare(entry, join(out, entry.filename))
    }
  }
  const known = new Set(manifest.flatMap(r => r.files.map(f => f.filename)))
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
  --line VERSION     only this QEMU line (repeatable; default all: ${LINES.map(l => l.version).join(', ')})
  --out DIR          where the archives go (default .cache/qemu-release)
  --cache DIR        where the .debs and the private apt state go (default .cache/debs)
  --arch ARCH        x64 or arm64; repeatable (default both)
  --targets A,B      only these QEMU targets (default all of src/platform/targets.ts)
  --jobs N           archives compressed at once (default: the number of CPUs)
  --write-manifest   regenerate src/qemu/builtin-manifest.json (every line, all targets, both arches)
  --check            build nothing; compare --out and the cached .debs with the manifest
  --fetch            build nothing; fetch the .debs the manifest pins that --cache lacks`)
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(root, '.cache', 'qemu-release') },
      cache: { type: 'string', default: join(root, '.cache', 'debs') },
      line: { type: 'string', multiple: true },
      arch: { type: 'string', multiple: true },
      targets: { type: 'string' },
      jobs: { type: 'string' },
      'write-manifest': { type: 'boolean', default: false },
      fetch: { type: 'boolean', default: false },
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
  const lines = (values.line ?? LINES.map(l => l.version)).map(
    v =>
      LINES.find(l => l.version === v) ??
      fail(`unknown --line ${v} (one of ${LINES.map(l => l.version).join(', ')})`)
  )
  if (values.fetch) return fetchMissing([...new Set(lines)], cache, [...new Set(arches)])
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
  if (
    values['write-manifest'] &&
    (targets !== all || new Set(arches).size !== 2 || new Set(lines).size !== LINES.length)
  )
    fail('--write-manifest needs every line, every target and both architectures')

  if (values.check) return check([...new Set(lines)], out, cache, [...new Set(arches)], targets)

  mkdirSync(cache, { recursive: true })
  mkdirSync(out, { recursive: true })
  const archList = [...new Set(arches)]
  const lineList = [...new Set(lines)]
  const rows = []
  const fetched = []
  for (const line of lineList) {
    const got = await fetchDebs(cache, line, archList)
    for (const d of Object.values(got.debs))
      rows.push({ filename: basename(d.filename), size: d.size, sha256: d.sha256 })
    console.log(`${line.version}: fetched and verified the .debs in ${got.seconds.toFixed(1)} s`)
    fetched.push(got)
  }

  const started = Date.now()
  const limit = limiter(jobs)
  const results = await Promise.all(
    lineList.map(async (line, i) => {
      const built = await Promise.all(
        archList.map(arch => buildArch(line, fetched[i].debs[arch], arch, targets, out, limit))
      )
      return Object.fromEntries(archList.map((arch, j) => [arch, built[j]]))
    })
  )
  lineList.forEach((line, i) => {
    for (const [arch, result] of Object.entries(results[i])) {
      rows.push(...result.built)
      if (result.missing.length > 0)
        console.warn(
          `package-qemu: the ${line.version} ${arch} .deb does not ship: ${result.missing.join(', ')}`
        )
    }
  })
  const seconds = (Date.now() - started) / 1000
  printTable(rows)
  lineList.forEach((line, i) => {
    for (const [arch, result] of Object.entries(results[i])) {
      const total = result.built.reduce((sum, f) => sum + f.size, 0)
      console.log(
        `${line.version} ${arch}: ${result.built.length} archives covering ` +
          `${result.shipped.length} targets, ${total} bytes`
      )
    }
  })
  console.log(`built in ${seconds.toFixed(1)} s into ${relative(process.cwd(), out) || '.'}`)
  if (values['write-manifest']) {
    if (fetched.some(f => Object.values(f.debs).some(d => d.fromManifest)))
      fail('--write-manifest needs the .debs in the current Packages indexes')
    await writeManifest(MANIFEST_PATH, lineList, fetched, results)
  }
}

try {
  await main()
} catch (error) {
  console.error(`package-qemu: ${error instanceof Failure ? error.message : error.stack}`)
  process.exitCode = 1
}
