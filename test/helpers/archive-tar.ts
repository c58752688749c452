// Hand-made tar members, for archives GNU tar will not write (a `..` member) and for encodings
// it only uses for huge files (a base-256 size).

const BLOCK = 512

export interface MemberOptions {
  /** Typeflag: '0' file (default), '1' hard link, '2' symlink, '5' directory. */
  readonly type?: string
  readonly linkname?: string
  /** Write the size in GNU base-256 instead of octal. */
  readonly base256?: boolean
}

/** One ustar member: header block, data, padding to the next block. */
export function tarMember(name: string, data: Buffer, options: MemberOptions = {}): Buffer {
  const header = Buffer.alloc(BLOCK)
  header.write(name, 0, 100, 'utf8')
  header.write('0000644\0', 100, 'latin1')
  header.write('0000000\0', 108, 'latin1')
  header.write('0000000\0', 116, 'latin1')
  if (options.base256) {
    header[124] = 0x80
    header.writeUIntBE(data.length, 136 - 6, 6)
  } else {
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  }
  header.write('00000000000\0', 136, 'latin1')
  header.write(options.type ?? '0', 156, 'latin1')
  header.write(options.linkname ?? '', 157, 100, 'utf8')
  header.write('ustar\0' + '00', 257, 'latin1')
  header.fill(0x20, 148, 156)
  let sum = 0
  for (const b of header) sum += b
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  const padding = Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK)
  return Buffer.concat([header, data, padding])
}

/** A whole archive: the members, then the two zero blocks that end it. */
export function tarArchive(members: readonly Buffer[]): Buffer {
  return Buffer.concat([...members, Buffer.alloc(2 * BLOCK)])
}
