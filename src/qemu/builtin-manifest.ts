// The manifest shipped inside the action, kept as data: `npm run package-qemu:manifest` writes
// builtin-manifest.json; its snapshot mirror URLs name the Debian Release it was taken from.
import data from './builtin-manifest.json' with { type: 'json' }
import type { Manifest } from './manifest.js'

export const DEFAULT_MANIFEST = data as Manifest
