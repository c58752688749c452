// Which distribution this is, from os-release(5), and so which package manager `source: package`
// uses. Kept apart from the downloads so the detection can be read and tested on its own.

export type PackageManager = 'apt' | 'dnf' | 'apk'

/** KEY=value lines of os-release(5); values may be quoted, with backslash escapes inside. */
export function parseOsRelease(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*?)\s*$/.exec(line)
    if (!match) continue
    let value = match[2]
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1)
      if (quote === '"') value = value.replace(/\\(.)/g, '$1')
    }
    fields.set(match[1], value)
  }
  return fields
}

/** ID first, then ID_LIKE in its order: Linux Mint says ubuntu, Rocky says rhel and fedora. */
export function packageManager(release: ReadonlyMap<string, string>): PackageManager | undefined {
  const ids = [release.get('ID') ?? '', ...(release.get('ID_LIKE') ?? '').split(/\s+/)]
  for (const id of ids.map(i => i.toLowerCase())) {
    if (id === 'debian' || id === 'ubuntu') return 'apt'
    if (id === 'fedora' || id === 'rhel' || id === 'centos') return 'dnf'
    if (id === 'alpine') return 'apk'
  }
  return undefined
}
