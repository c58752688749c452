import { runPost } from './action/post-step.js'

await runPost()
