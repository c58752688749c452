// A real HTTP server on 127.0.0.1 serving a folder, with faults scripted per path.

import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize } from 'node:path'

/** What to do with the next request for a path; once the list is used up, serve normally. */
export type Fault = { status: number } | { truncate: number }

export class MirrorServer {
  readonly requests: string[] = []
  private readonly faults = new Map<string, Fault[]>()

  private readonly server: Server = createServer((req, res) => this.handle(req.url ?? '/', res))

  private constructor(readonly root: string) {}

  static async start(root: string): Promise<MirrorServer> {
    const mirror = new MirrorServer(root)
    await new Promise<void>(resolve => mirror.server.listen(0, '127.0.0.1', resolve))
    return mirror
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  /** Script faults for the next requests of `path` (e.g. '/files/x.tar.gz'). */
  fail(path: string, ...faults: Fault[]): void {
    this.faults.set(path, faults)
  }

  count(path: string): number {
    return this.requests.filter(r => r === path).length
  }

  private handle(url: string, res: import('node:http').ServerResponse): void {
    const path = decodeURIComponent(url.split('?')[0])
    this.requests.push(path)
    const fault = this.faults.get(path)?.shift()
    const file = join(this.root, normalize(path))
    if (fault && 'status' in fault) {
      res.writeHead(fault.status).end(`scripted ${fault.status}`)
      return
    }
    if (!file.startsWith(this.root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found')
      return
    }
    const size = statSync(file).size
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
    this.server.closeAllConnections()
    return new Promise(resolve => this.server.close(() => resolve()))
  }
}
