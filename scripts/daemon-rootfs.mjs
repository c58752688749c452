// The daemon image's root filesystem for this machine's architecture: the Node.js running
// this script, chroot, flock and cat with the shared libraries they link (as ldd lists them),
// the built CLI, and the QEMU interpreters of --qemu-dir. deploy/daemon/Dockerfile copies it
// into an image FROM scratch, so the image is built with no registry pull, here and in the
// release workflow alike.
//
//   node scripts/daemon-rootfs.mjs --out DIR --qemu-dir DIR
//
// --qemu-dir holds qemu-<target> or qemu-<target>-static files (for example what
// `setup-binfmt export --install-dir D` wrote into D/<version>/); they land in
// /opt/setup-binfmt/qemu, where the image's default command looks (--source system).
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  statSync
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { out: { type: 'string' }, 'qemu-dir': { type: 'string' } }
})
if (!values.out || !values['qemu-dir']) {
  console.error('usage: node scripts/daemon-rootfs.mjs --out DIR --qemu-dir DIR')
  process.exit(2)
}
const out = resolve(values.out)
const root = resolve(dirname(new URL(import.meta.url).pathname), '..')

/** Copy a file of this machine to the same path under out (links resolved), keeping its mode. */
function put(source, path = source, mode) {
  const dest = join(out, path)
  mkdirSync(dirname(dest), { recursive: true })
  copyFileSync(realpathSync(source), dest)
  chmodSync(dest, mode ?? statSync(realpathSync(source)).mode & 0o777)
}

/** A program of this machine and the libraries it links (ldd: 'name => /path (addr)', '/loader (addr)'). */
function putProgram(source, path) {
  put(source, path, 0o755)
  const ldd = execFileSync('ldd', [realpathSync(source)], { encoding: 'utf8' })
  for (const m of ldd.matchAll(/(?:=>\s*)?(\/\S+)\s+\(0x/g)) put(m[1])
}

putProgram(process.execPath, '/usr/local/bin/node')
// chroot: the chroot check of `verify: exec` runs the probes from a root without the
// interpreter. flock and cat: the host-wide lock is util-linux flock holding `cat`.
for (const name of ['chroot', 'flock', 'cat']) {
  const found = ['/usr/sbin', '/usr/bin', '/bin'].map(d => join(d, name)).find(p => existsSync(p))
  if (!found) throw new Error(`daemon-rootfs: no ${name} on this machine`)
  putProgram(found, join('/usr/bin', name))
}

put(join(root, 'dist/cli/index.js'), '/app/cli/index.js', 0o644)
put(join(root, 'dist/cli/package.json'), '/app/cli/package.json', 0o644)

const qemu = resolve(values['qemu-dir'])
const interpreters = readdirSync(qemu).filter(n => /^qemu-[a-z0-9_]+(-static)?$/.test(n))
if (interpreters.length === 0) {
  console.error(`daemon-rootfs: no qemu-<target> files in ${qemu}`)
  process.exit(1)
}
for (const n of interpreters) put(join(qemu, n), `/opt/setup-binfmt/qemu/${n}`, 0o755)

// Writable places the CLI uses: temp files, and the host's lock folder is mounted on /run.
for (const [dir, mode] of [
  ['/tmp', 0o1777],
  ['/run', 0o755]
]) {
  mkdirSync(join(out, dir), { recursive: true })
  chmodSync(join(out, dir), mode)
}
console.log(`daemon-rootfs: ${out}: node ${process.version}, ${interpreters.length} interpreter(s)`)
