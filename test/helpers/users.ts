// Local users made for one test and removed after it: the other users of a shared host, with
// or without passwordless sudo (a drop-in in /etc/sudoers.d).

import { rmSync, writeFileSync } from 'node:fs'
import { run } from '../../src/util/exec.js'

export interface TestUser {
  readonly name: string
  readonly uid: number
  readonly gid: number
  readonly home: string
}

const sudoers = (name: string) => `/etc/sudoers.d/${name}`

/** `groups`: supplementary groups the user is in, such as docker on a GitHub-hosted runner. */
export async function createUser(
  name: string,
  { sudo = false, groups = [] as readonly string[] } = {}
): Promise<TestUser> {
  const member = groups.length > 0 ? ['--groups', groups.join(',')] : []
  await run(['useradd', '--create-home', '--shell', '/bin/sh', ...member, name])
  if (sudo) writeFileSync(sudoers(name), `${name} ALL=(ALL) NOPASSWD: ALL\n`, { mode: 0o440 })
  const id = async (flag: string) => Number((await run(['id', flag, name])).stdout.trim())
  return { name, uid: await id('-u'), gid: await id('-g'), home: `/home/${name}` }
}

/** Remove the user, its home and its sudoers drop-in; safe to call for one never made. */
export async function removeUser(name: string): Promise<void> {
  rmSync(sudoers(name), { force: true })
  await run(['userdel', '--remove', name], { allowFailure: true })
}

/** argv that runs `argv` as `user`, with its own groups. */
export const asUser = (user: TestUser, argv: readonly string[]) => [
  'setpriv',
  `--reuid=${user.uid}`,
  `--regid=${user.gid}`,
  '--init-groups',
  '--',
  ...argv
]

/** argv that runs `argv` as nobody (65534), with no groups: a user without sudo. */
export const asNobody = (argv: readonly string[]) => [
  'setpriv',
  '--reuid=65534',
  '--regid=65534',
  '--clear-groups',
  '--',
  ...argv
]
