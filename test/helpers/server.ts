// A real HTTP(S) server on 127.0.0.1 serving a folder, with faults scripted per path.

import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createTlsServer, globalAgent } from 'node:https'
import { rootCertificates } from 'node:tls'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import { run } from '../../src/util/exec.js'

/** What to do with the next request for a path; once the list is used up, serve normally. */
export type Fault =
  | { status: number }
  | { truncate: number }
  /** 302 to this location. */
  | { redirect: string }
  /** Zeros without end and without a length. */
  | { endless: true }
  /** The file gzip-compressed, sent as Content-Encoding: gzip (or these bytes instead). */
  | { gzip: true; body?: Buffer }
  /** The file one byte at a time, every `drip` ms. */
  | { drip: number }
  /** Headers and `stall` bytes of the file, then silence with the connection open. */
  | { stall: number }

export class MirrorServer {
  readonly requests: string[] = []
  /** The request headers, in the order of `requests`. */
  readonly headers: import('node:http').IncomingHttpHeaders[] = []
  private readonly faults = new Map<string, Fault[]>()

  private readonly server: Server
  private readonly timers = new Set<NodeJS.Timeout>()
  /** For startTls: the folder of its key and certificate. */
  private certDir?: string
  private restoreCa?: () => void

  private constructor(
    readonly root: string,
    tls?: { key: string; cert: string }
  ) {
    const handler = (
      req: import('node:http').IncomingMessage,
      res: import('node:http').ServerResponse
    ) => this.handle(req.url ?? '/', res, req.headers)
    this.server = tls ? createTlsServer(tls, handler) : createServer(handler)
  }

  /** With `tls` (a PEM key and certificate for 127.0.0.1), it serves https. */
  static async start(root: string, tls?: { key: string; cert: string }): Promise<MirrorServer> {
    const mirror = new MirrorServer(root, tls)
    await new Promise<void>(resolve => mirror.server.listen(0, '127.0.0.1', resolve))
    return mirror
  }

  /**
   * An https mirror with a fresh self-signed certificate for 127.0.0.1, which this process's
   * https agent then trusts (and a child process too, given NODE_EXTRA_CA_CERTS=`caFile`).
   */
  static async startTls(root: string): Promise<MirrorServer> {
    const dir = mkdtempSync(join(tmpdir(), 'tls-'))
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
    const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']
    const out = ['-keyout', key, '-out', cert]
    await run([
      'openssl',
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      ...subject,
      ...out
    ])
    const pem = readFileSync(cert, 'utf8')
    // Added to, not replaced: other https mirrors of this process stay trusted, and so do the
    // real servers (Node's roots and NODE_EXTRA_CA_CERTS, which an explicit list would drop).
    const ca = globalAgent.options.ca
    const extra = process.env.NODE_EXTRA_CA_CERTS
    const base = ca ?? [...rootCertificates, ...(extra ? [readFileSync(extra, 'utf8')] : [])]
    globalAgent.options.ca = [...(Array.isArray(base) ? base : [base]), pem]
    const mirror = await MirrorServer.start(root, { key: readFileSync(key, 'utf8'), cert: pem })
    mirror.certDir = dir
    // The agent is the whole process's (every test file of a run): put it back on stop.
    mirror.restoreCa = () => void (globalAgent.options.ca = ca)
    return mirror
  }

  /** The certificate of a startTls mirror, for NODE_EXTRA_CA_CERTS. */
  get caFile(): string {
    if (!this.certDir) throw new Error('not a startTls mirror')
    return join(this.certDir, 'cert.pem')
  }

  get url(): string {
    const scheme = 'cert' in this.server ? 'https' : 'http'
    return `${scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  /** Script faults for the next requests of `path` (e.g. '/files/x.tar.gz'). */
  fail(path: string, ...faults: Fault[]): void {
    this.faults.set(path, faults)
  }

  count(path: string): number {
    return this.requests.filter(r => r === path).length
  }

  private handle(
    url: string,
    res: import('node:http').ServerResponse,
    headers: import('node:http').IncomingHttpHeaders
  ): void {
    const path = decodeURIComponent(url.split('?')[0])
    this.requests.push(path)
    this.headers.push(headers)
    const fault = this.faults.get(path)?.shift()
    const file = join(this.root, normalize(path))
    if (fault && 'status' in fault) {
      res.writeHead(fault.status).end(`scripted ${fault.status}`)
      return
    }
    if (fault && 'redirect' in fault) {
      res.writeHead(302, { location: fault.redirect }).end()
      return
    }
    if (fault && 'endless' in fault) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      const zeros = Buffer.alloc(64 * 1024)
      const more = () => {
        while (res.write(zeros));
      }
      res.on('drain', more)
      more()
      return
    }
    if (!file.startsWith(this.root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found')
      return
    }
    const size = statSync(file).size
    if (fault && 'gzip' in fault) {
      const body = fault.body ?? gzipSync(readFileSync(file))
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': body.length })
      res.end(body)
      return
    }
    if (fault && ('drip' in fault || 'stall' in fault)) {
      const bytes = readFileSync(file)
      res.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream' })
      if ('stall' in fault) {
        res.write(bytes.subarray(0, fault.stall))
        return
      }
      let at = 0
      const timer = setInterval(() => {
        if (at >= bytes.length || res.destroyed) {
          clearInterval(timer)
          this.timers.delete(timer)
          res.end()
          return
        }
        res.write(bytes.subarray(at, ++at))
      }, fault.drip)
      this.timers.add(timer)
      return
    }
    res.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream' })
    if (fault && 'truncate' in fault) {
      // Promise the whole file, send part of it, then drop the connection.
      createReadStream(file, { end: fault.truncate - 1 })
        .on('end', () => res.destroy())
        .pipe(res, { end: false })
      return
    }
    createReadStream(file).pipe(res)
  }

  stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    this.server.closeAllConnections()
    if (this.certDir) rmSync(this.certDir, { recursive: true, force: true })
    this.restoreCa?.()
    return new Promise(resolve => this.server.close(() => resolve()))
  }
}
