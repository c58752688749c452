// Debian and Ubuntu: `apt-get download` of qemu-user-static, or of qemu-user where that is the
// package holding the static interpreters (Debian 13 on), and the interpreters from the .deb.

import { join } from 'node:path'
import { extractInterpreters } from '../archive/extract.js'
import { checkInterpreter } from '../elf.js'
import { downloadPackages, unpackFile, type Context, type Unpacked } from './package-files.js'

/**
 * qemu-user-static, or qemu-user when that is where the static interpreters are: from Debian 13
 * qemu-user-static is a transitional package with no interpreter in it and qemu-user ships the
 * static builds. On older releases qemu-user's are dynamic, which checkInterpreter refuses.
 */
export async function fromDebian(context: Context): Promise<Unpacked[]> {
  try {
    return await fromDeb('qemu-user-static', context)
  } catch (first) {
    // Missing from the archive (a download error) or holding no interpreter (transitional).
    const reason = (first as Error).message
    if (!/ has no QEMU interpreter for |^apt-get download /.test(reason)) throw first
    context.log.info(`package: qemu-user-static will not do (${reason}); trying qemu-user`)
    try {
      const unpacked = await fromDeb('qemu-user', context)
      for (const { path } of unpacked) await checkInterpreter(path, context.arch)
      return unpacked
    } catch (second) {
      throw new Error(`${reason}; and qemu-user: ${(second as Error).message}`, { cause: second })
    }
  }
}

async function fromDeb(name: string, context: Context): Promise<Unpacked[]> {
  // As root, apt drops to _apt for downloads, which cannot write to our temporary folder.
  const sandbox = process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : []
  const { dir, files } = await downloadPackages(
    context,
    name,
    dir => ({ argv: ['apt-get', 'download', ...sandbox, name], cwd: dir }),
    message => `apt-get download ${name} failed (${message}); run apt-get update first`
  )
  const deb = files.find(f => f.startsWith(`${name}_`) && f.endsWith('.deb'))
  if (!deb) throw new Error(`apt-get download ${name} left no .deb file`)
  // qemu-user-static_1%3a7.2+dfsg-7+deb12u18+b3_amd64.deb: version 1:7.2+dfsg-7+deb12u18+b3
  const full = decodeURIComponent(deb.split('_')[1] ?? '')
  return unpackFile(context, dir, deb, full, out =>
    extractInterpreters(join(dir, deb), 'deb', context.targets, out, context.log)
  )
}
