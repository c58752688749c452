import { main } from './cli/cli.js'

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (e) {
  console.error(`setup-binfmt: ${(e as Error).message}`)
  process.exitCode = 1
}
