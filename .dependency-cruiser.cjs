// The layering of src/, checked by `npm run layers` (part of `npm run check`). Imports go one way:
//   entries (main.ts, post.ts, cli.ts) -> action/ | cli/ -> daemon/ -> setup.ts, options.ts
//   -> verify/ | export/ -> binfmt/ | qemu/ -> platform/ -> util/
// Type-only imports count too: a type from a higher layer ties the lower one to it all the same.

/** Everything of src/ outside these folders (and the top-level files). */
const outside = (...folders) => `^src/(?!(${folders.join('|')})/)`

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle ties modules together so neither can be read, tested or moved alone.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true }
    },
    {
      name: 'util-is-the-floor',
      comment: 'src/util/ holds small helpers: it imports nothing else of src/.',
      severity: 'error',
      from: { path: '^src/util/' },
      to: { path: outside('util') }
    },
    {
      name: 'platform-only-util',
      comment: 'src/platform/ (targets, names, probes, plan) builds on src/util/ alone.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: outside('platform', 'util') }
    },
    {
      name: 'binfmt-only-platform-util',
      comment: 'The kernel table knows platforms and utilities, not how QEMU is obtained.',
      severity: 'error',
      from: { path: '^src/binfmt/' },
      to: { path: outside('binfmt', 'platform', 'util') }
    },
    {
      name: 'qemu-only-platform-util',
      comment: 'Getting QEMU knows platforms and utilities, not the kernel table.',
      severity: 'error',
      from: { path: '^src/qemu/' },
      to: { path: outside('qemu', 'platform', 'util') }
    },
    {
      name: 'verify-export-below-setup',
      comment: 'Verification and export are steps the core calls: they never call back up.',
      severity: 'error',
      from: { path: '^src/(verify|export)/' },
      to: { path: ['^src/(action|cli|daemon)/', '^src/setup\\.ts$', '^src/(main|post|cli)\\.ts$'] }
    },
    {
      name: 'core-below-runners',
      comment: 'setup.ts and options.ts are shared by the action, the CLI and the daemon.',
      severity: 'error',
      from: { path: '^src/(setup|options)\\.ts$' },
      to: { path: ['^src/(action|cli|daemon)/', '^src/(main|post|cli)\\.ts$'] }
    },
    {
      name: 'only-entries-import-action-cli',
      comment: 'action/ and cli/ are what main.ts, post.ts and cli.ts run, nothing else.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(main|post|cli)\\.ts$', '^src/action/', '^src/cli/'] },
      to: { path: '^src/(action|cli)/' }
    },
    {
      name: 'action-cli-apart',
      comment: 'The action and the CLI differ only in how they read options and print results.',
      severity: 'error',
      from: { path: '^src/action/' },
      to: { path: '^src/cli/' }
    },
    {
      name: 'cli-action-apart',
      comment: 'The action and the CLI differ only in how they read options and print results.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/action/' }
    },
    {
      name: 'actions-core-only-in-action',
      comment: 'Only the runner side writes workflow commands: the CLI must print none.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/action/' },
      to: { path: 'node_modules/@actions/' }
    },
    {
      name: 'no-dev-dependencies-in-src',
      comment: 'dist/ bundles src/: what it imports at run time must be a dependency.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json']
    }
  }
}
