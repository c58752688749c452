#!/usr/bin/env node
// setup-binfmt on any Linux machine: the action's core behind a command line.

import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { BinfmtTable, DEFAULT_ROOT } from '../binfmt/table.js'
import { safeLine, type Log } from '../util/log.js'
import { parseExportFormat } from '../export/formats.js'
import { exportPlatforms } from '../export/platforms.js'
import { removeExported } from '../export/remove.js'
import { DEFAULTS, parseOptions } from '../options.js'
import { restoreSaved } from '../binfmt/restore.js'
import { setup, SetupFailure, type SetupResult } from '../setup.js'
import { fileStore } from '../binfmt/journal.js'
import { runDaemon } from '../daemon/daemon.js'
import { health } from '../daemon/status.js'

const DEFAULT_INTERVAL_MS = 500
import { chooseRegistrar, reopenRegistrar, REGISTRARS } from '../engine/registrar.js'

const USAGE = `Usage: setup-binfmt <command> [options]

Commands:
  install     register QEMU interpreters for the given platforms
  export      install them for good: copy them to a stable folder and write one file per
              platform for systemd-binfmt or binfmt-support, which load them at every boot
  status      show the binfmt_misc table (--json for JSON; --registrar docker|podman
              reads it through a helper container)
  uninstall   remove what setup-binfmt install registered and put back what it removed;
              with --exported, delete what export wrote
  daemon      install, then keep the entries registered: put back within one interval any
              that vanish or change; on SIGTERM or SIGINT remove them and exit
  health      read a daemon's --status-file: exit 0 healthy, 1 unhealthy, 2 stale or absent

Options for install:
  --platforms LIST   comma or space separated (default ${DEFAULTS.platforms})
  --flags FLAGS      letters of P, O, C, F (default ${DEFAULTS.flags})
  --source NAME      auto, download, package or system (default ${DEFAULTS.source})
  --qemu-path DIR    folder holding qemu-<target>[-static] (source system)
  --qemu-version V   exact version or range, e.g. 10.0.13 or 10.x (default: newest stable)
  --manifest LOC     URL or path of a versions manifest (default: the built-in one)
  --reset            first remove every qemu-* entry (uninstall puts them back)
  --verify METHOD    auto, exec, docker, podman or none (default ${DEFAULTS.verify})
  --smoke-image REF  also run uname -m in this image per platform (docker or podman)
  --registrar WAY    auto, direct, docker or podman: change binfmt_misc directly (root or
                     sudo) or through a privileged helper container (default ${DEFAULTS.registrar}:
                     direct when this process can, else the engine that answers)

Options for export (and --platforms, --flags, --source, --qemu-path, --qemu-version, --manifest):
  --format NAME      systemd (/etc/binfmt.d/qemu-<target>.conf) or binfmt-support
                     (/usr/share/binfmts/qemu-<target>, for update-binfmts --import)
  --dir DIR          where those files go (default /etc/binfmt.d or /usr/share/binfmts)
  --install-dir DIR  where the interpreters go, a folder per QEMU version
                     (default /usr/local/lib/setup-binfmt)
  --dry-run          print the files instead of writing them

Options for uninstall:
  --exported         delete exactly the files export wrote (those --install-dir records)
  --forget-owners    first forget which other runs use the entries install registered (the
                     records of crashed runs), so uninstall removes them

Options for daemon (and every option of install):
  --interval MS      how often the table is read (default ${DEFAULT_INTERVAL_MS})
  --status-file F    write the daemon's health there after every check (health reads it)
  --binfmt-root DIR  the binfmt_misc folder to keep (default ${DEFAULT_ROOT}; a container
                     that mounts the host's elsewhere names that folder)

Common options:
  --state FILE       where install records what it changed, in a folder only root or you
                     can write (default $SETUP_BINFMT_STATE, else /run/setup-binfmt/state.json
                     as root, else setup-binfmt/state.json in $XDG_RUNTIME_DIR or
                     ~/.local/state)
  --json             machine-readable output (install, status)
  --verbose          debug output
  --help             this text
`

function defaultStatePath(): string {
  if (process.env.SETUP_BINFMT_STATE) return process.env.SETUP_BINFMT_STATE
  if (process.getuid?.() === 0) return '/run/setup-binfmt/state.json'
  // Never a shared folder such as /tmp: another user could plant the state there. The
  // store checks whichever folder it is.
  const base =
    process.env.XDG_RUNTIME_DIR || process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state')
  return join(base, 'setup-binfmt', 'state.json')
}

function consoleLog(verbose: boolean): Log {
  return {
    // The CLI may run in a workflow's run: step, whose output the runner reads for commands.
    info: m => console.error(safeLine(m)),
    debug: m => void (verbose && console.error(`debug: ${safeLine(m)}`)),
    notice: m => console.error(`notice: ${safeLine(m)}`),
    warning: m => console.error(`warning: ${safeLine(m)}`),
    group: async (name, fn) => {
      console.error(`== ${safeLine(name)}`)
      return fn()
    }
  }
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)))
  return rows
    .map(r =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

async function status(json: boolean, statePath: string, registrar?: string): Promise<void> {
  let mounted = existsSync(join(DEFAULT_ROOT, 'register'))
  let entries = await BinfmtTable.read(DEFAULT_ROOT)
  if (registrar === 'docker' || registrar === 'podman') {
    const { writer } = await chooseRegistrar(registrar, DEFAULT_ROOT, consoleLog(false))
    try {
      const table = await BinfmtTable.open({ root: DEFAULT_ROOT, writer })
      entries = await table.list()
      mounted = true
    } finally {
      await writer.close?.()
    }
  } else if (registrar && registrar !== 'auto' && registrar !== 'direct') {
    throw new Error(`registrar '${registrar}' is not one of ${REGISTRARS.join(', ')}`)
  }
  const ours = new Set(
    fileStore(statePath)
      .load()
      ?.created.map(e => e.name) ?? []
  )
  if (json) {
    const out = entries.map(e => ({ ...e, managed: ours.has(e.name) }))
    console.log(JSON.stringify({ mounted, entries: out }, null, 2))
    return
  }
  if (!mounted) {
    console.log(`binfmt_misc is not mounted at ${DEFAULT_ROOT}`)
    return
  }
  const rows = entries.map(e => [
    e.name,
    e.enabled ? 'enabled' : 'disabled',
    e.flags || '-',
    e.interpreter,
    ours.has(e.name) ? 'setup-binfmt' : ''
  ])
  console.log(table([['ENTRY', 'STATE', 'FLAGS', 'INTERPRETER', 'OWNER'], ...rows]))
}

/** What install --json prints: the outputs, each platform's entry, checks and phase times. */
function jsonResult(result: SetupResult) {
  return {
    platforms: result.platforms,
    emulatedPlatforms: result.emulatedPlatforms,
    emulators: result.emulators,
    native: result.plan.native,
    qemuVersion: result.acquired?.version ?? '',
    qemuFiles: result.acquired?.files ?? [],
    source: result.acquired?.source ?? '',
    cacheHit: result.acquired?.cacheHit ?? true,
    downloadedBytes: result.acquired?.downloadedBytes ?? 0,
    registered: result.registered.map(r => ({
      target: r.target,
      action: r.action,
      entry: r.entry
    })),
    verified: result.verified,
    timings: result.timings
  }
}

/** What export prints on standard output: the files (all of them with --dry-run), then how to load them. */
function printExport(result: Awaited<ReturnType<typeof exportPlatforms>>): void {
  if (result.entries.length === 0) {
    console.log('Nothing to export: every platform asked for runs natively here')
    return
  }
  if (result.dryRun) {
    for (const f of result.files) {
      if (f.kind === 'interpreter') {
        console.log(`# ${f.path}: a copy of ${f.source}, mode 0755 (sha256 ${f.sha256})\n`)
      } else {
        console.log(`# ${f.path}\n${f.text}`)
      }
    }
    for (const c of result.conflicts)
      console.error(`warning: ${c}: export would refuse to replace it`)
    console.log(
      `# --dry-run: nothing written. ${result.manifestPath} would record what export writes.`
    )
  } else {
    console.log(
      `exported ${result.entries.map(e => e.name).join(', ')} (QEMU ${result.version}) to ${result.dir}, ` +
        `interpreters in ${join(result.installDir, result.version)}; ${result.manifestPath} records them`
    )
  }
  console.log(
    result.format === 'systemd'
      ? '\nsystemd-binfmt loads them at every boot. To load them now, as root:'
      : '\nbinfmt-support loads them at every boot once imported. To import and load them now, as root:'
  )
  for (const command of result.activate) console.log(`  ${command}`)
  if (result.activate[0] === 'systemctl restart systemd-binfmt') {
    console.log(
      '(the restart first removes every binfmt_misc entry, then loads every binfmt.d file; ' +
        'the second command loads only these, replacing entries of the same names)'
    )
  }
}

function parseInterval(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_INTERVAL_MS
  const ms = Number(raw)
  if (!Number.isInteger(ms) || ms < 50 || ms > 3_600_000) {
    throw new Error(
      `--interval '${raw}' is not a whole number of milliseconds from 50 to 3600000: use e.g. --interval 500`
    )
  }
  return ms
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      platforms: { type: 'string' },
      flags: { type: 'string' },
      source: { type: 'string' },
      'qemu-path': { type: 'string' },
      'qemu-version': { type: 'string' },
      manifest: { type: 'string' },
      verify: { type: 'string' },
      'smoke-image': { type: 'string' },
      registrar: { type: 'string' },
      reset: { type: 'boolean' },
      format: { type: 'string' },
      dir: { type: 'string' },
      'install-dir': { type: 'string' },
      'dry-run': { type: 'boolean' },
      exported: { type: 'boolean' },
      'forget-owners': { type: 'boolean' },
      state: { type: 'string' },
      interval: { type: 'string' },
      'status-file': { type: 'string' },
      'binfmt-root': { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' }
    }
  })
  const command = positionals[0]
  if (values.help || !command) {
    process.stdout.write(USAGE)
    return command || values.help ? 0 : 2
  }
  if (values['forget-owners'] && (command !== 'uninstall' || values.exported)) {
    throw new Error(
      `--forget-owners is an option of uninstall without --exported (it forgets the owners of the entries install registered), not of ${command === 'uninstall' ? 'uninstall --exported' : command}`
    )
  }
  const log = consoleLog(values.verbose ?? false)
  const store = fileStore(values.state ?? defaultStatePath())
  switch (command) {
    case 'install': {
      const options = parseOptions({ ...values, reset: values.reset ? 'true' : 'false' })
      let result
      try {
        result = await setup(options, { log, store })
      } catch (e) {
        // Undone already; with --json the checks that failed are still printed.
        if (values.json && e instanceof SetupFailure) {
          console.log(JSON.stringify(jsonResult(e.result), null, 2))
        }
        throw e
      }
      if (values.json) {
        console.log(JSON.stringify(jsonResult(result), null, 2))
        return 0
      }
      console.log(`platforms=${result.platforms.join(',')}`)
      console.log(`emulated-platforms=${result.emulatedPlatforms.join(',')}`)
      console.log(`emulators=${result.emulators.join(',')}`)
      console.log(`qemu-version=${result.acquired?.version ?? ''}`)
      console.log(`qemu-files=${result.acquired?.files.map(f => f.file).join(',') ?? ''}`)
      console.log(`cache-hit=${result.acquired?.cacheHit ?? true}`)
      return 0
    }
    case 'export': {
      const format = parseExportFormat(values.format)
      const options = parseOptions({ ...values, reset: 'false', verify: 'none' })
      const result = await exportPlatforms(
        options,
        {
          format,
          dir: values.dir,
          installDir: values['install-dir'],
          dryRun: values['dry-run'] ?? false
        },
        { log }
      )
      printExport(result)
      return 0
    }
    case 'status':
      await status(values.json ?? false, values.state ?? defaultStatePath(), values.registrar)
      return 0
    case 'uninstall': {
      if (values.exported) {
        const removed = await removeExported({ installDir: values['install-dir'], log })
        if (removed.deactivate.length > 0) {
          console.log(
            'The files are gone; the entries stay in binfmt_misc (and binfmt-support) until reboot. To remove them now:'
          )
          for (const command of removed.deactivate) console.log(`  ${command}`)
        }
        return removed.kept.length === 0 ? 0 : 1
      }
      // --forget-owners goes by the entries the state names: without one, none are ours.
      const nothing = () =>
        log.info(
          `Nothing to uninstall: setup-binfmt install has not changed this table${values['forget-owners'] ? ' (no owners forgotten)' : ''}`
        )
      const saved = store.load()
      if (!saved) {
        nothing()
        return 0
      }
      const writer = await reopenRegistrar(saved.registrar, saved.root, log)
      try {
        const report = await restoreSaved(store, log, {
          writer,
          forgetOwners: values['forget-owners']
        })
        if (!report) {
          nothing()
          return 0
        }
        return report.differences.length === 0 ? 0 : 1
      } finally {
        await writer.close?.()
      }
    }
    case 'daemon': {
      const options = parseOptions({ ...values, reset: values.reset ? 'true' : 'false' })
      const intervalMs = parseInterval(values.interval)
      const stop = new Promise(resolve => {
        process.once('SIGTERM', resolve)
        process.once('SIGINT', resolve)
      })
      return runDaemon(options, {
        log,
        root: values['binfmt-root'],
        intervalMs,
        statusFile: values['status-file'],
        stop
      })
    }
    case 'health': {
      const file = values['status-file']
      if (!file) throw new Error('health needs --status-file FILE: the file the daemon writes')
      const answer = await health(file)
      console.log(answer.message)
      return answer.code
    }
    default:
      console.error(`Unknown command '${command}'.\n${USAGE}`)
      return 2
  }
}
