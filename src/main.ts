import { runMain } from './action/main-step.js'

await runMain()
