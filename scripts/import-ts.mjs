// Import one of the project's TypeScript modules that imports nothing but Node's own (data tables,
// probes) from a plain Node script: type annotations are stripped with the typescript package.
import { readFileSync } from 'node:fs'

export async function importTs(path) {
  const ts = (
    await import('typescript').catch(() => {
      throw new Error('needs the typescript package: run npm ci first')
    })
  ).default
  const out = ts.transpileModule(readFileSync(path, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: path
  })
  return import(`data:text/javascript;base64,${Buffer.from(out.outputText).toString('base64')}`)
}
