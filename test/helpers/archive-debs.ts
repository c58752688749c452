// Real Debian packages for the archive tests, fetched once with apt-get download into
// .cache/debs/ and reused after that.

import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The amd64 .deb of `name` in .cache/debs/, downloaded when absent. */
export function debianPackage(name: string): string {
  const dir = resolve('.cache/debs')
  mkdirSync(dir, { recursive: true })
  const cached = () =>
    readdirSync(dir).find(f => f.startsWith(`${name}_`) && f.endsWith('_amd64.deb'))
  if (!cached()) {
    // apt-get download writes into the current directory.
    execFileSync('apt-get', ['-o', 'APT::Sandbox::User=root', 'download', `${name}:amd64`], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit']
    })
  }
  const deb = cached()
  if (!deb) throw new Error(`apt-get download ${name} left no .deb in ${dir}`)
  return join(dir, deb)
}

/**
 * The bytes dpkg would install from `deb` at `path` (like /usr/bin/qemu-arm-static): the
 * installed file when the same version is installed, else dpkg-deb's own extraction.
 */
export async function debianFile(deb: string, path: string): Promise<Buffer> {
  const pkg = execFileSync('dpkg-deb', ['-f', deb, 'Package']).toString().trim()
  const version = execFileSync('dpkg-deb', ['-f', deb, 'Version']).toString().trim()
  const installed = execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], {
    stdio: ['ignore', 'pipe', 'ignore']
  })
    .toString()
    .trim()
  if (installed === version && existsSync(path)) return readFileSync(path)
  return dpkgExtract(deb, `.${path}`)
}

/** dpkg-deb --fsys-tarfile DEB | tar -xO MEMBER, without a shell. */
function dpkgExtract(deb: string, member: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    const dpkg = spawn('dpkg-deb', ['--fsys-tarfile', deb], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    const tar = spawn('tar', ['-xO', '-f', '-', member], { stdio: ['pipe', 'pipe', 'inherit'] })
    dpkg.stdout.pipe(tar.stdin)
    const out: Buffer[] = []
    tar.stdout.on('data', (b: Buffer) => out.push(b))
    tar.on('error', fail)
    tar.on('close', code =>
      code === 0 ? done(Buffer.concat(out)) : fail(new Error(`tar -xO ${member} exited ${code}`))
    )
  })
}
