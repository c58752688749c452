// SHA-256, the one digest the project uses: pinned downloads, interpreter identity, images.

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'

/** Hex SHA-256 of bytes or text. */
export const sha256 = (data: Buffer | string): string =>
  createHash('sha256').update(data).digest('hex')

/** Hex SHA-256 of a file's content, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}
