// deploy/kubernetes validates against the Kubernetes schemas (kubernetes-models, offline), and
// the DaemonSet keeps the promises its guide makes: every node, not privileged, bounded
// resources, a health probe, and a command line the CLI accepts.

import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet'
import { Namespace } from 'kubernetes-models/v1/Namespace'
import { daemonPod, manifests } from '../helpers/kubernetes.js'

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1 DaemonSet': DaemonSet,
  'v1 Namespace': Namespace
}

describe('deploy/kubernetes', () => {
  test('every resource validates against its schema', () => {
    const resources = manifests()
    expect(resources.map(r => r.object.kind).sort()).toEqual(['DaemonSet', 'Namespace'])
    for (const { file, object } of resources) {
      const Model = MODELS[`${object.apiVersion} ${object.kind}`]
      if (!Model)
        throw new Error(`${file}: no schema checked for ${object.apiVersion} ${object.kind}`)
      expect(() => new Model(object as never).validate()).not.toThrow()
    }
  })

  test('the validation would catch a broken DaemonSet', () => {
    const broken = structuredClone(manifests().find(r => r.object.kind === 'DaemonSet')!.object)
    const spec = broken as unknown as {
      spec: { template: { spec: { containers: { resources: unknown }[] } } }
    }
    spec.spec.template.spec.containers[0].resources = { limits: { memory: ['160Mi'] } }
    expect(() => new DaemonSet(broken as never).validate()).toThrow(/limits/)
  })

  test('the DaemonSet runs on every node, unprivileged, with bounded resources', () => {
    const object = manifests().find(r => r.object.kind === 'DaemonSet')!.object as unknown as {
      spec: { template: { spec: { tolerations: { operator: string }[] } } }
    }
    expect(object.spec.template.spec.tolerations).toEqual([{ operator: 'Exists' }])
    const pod = daemonPod()
    expect(pod.securityContext.privileged).toBeUndefined()
    expect(pod.securityContext.capabilities).toEqual({
      drop: ['ALL'],
      add: ['SYS_ADMIN', 'SYS_CHROOT']
    })
    expect(pod.securityContext.readOnlyRootFilesystem).toBe(true)
    const resources = (pod as unknown as { resources: Record<string, Record<string, string>> })
      .resources
    expect(Object.keys(resources.requests).sort()).toEqual(['cpu', 'memory'])
    expect(Object.keys(resources.limits).sort()).toEqual(['cpu', 'memory'])
  })

  test('its arguments and probe are options the CLI has, and the image runs the same', () => {
    const usage = readFileSync('src/cli/cli.ts', 'utf8')
    const pod = daemonPod()
    expect(pod.args[0]).toBe('daemon')
    for (const option of pod.args.filter(a => a.startsWith('--'))) {
      expect(usage).toContain(`  ${option} `)
    }
    expect(pod.livenessProbe.exec.command.slice(2)).toEqual([
      'health',
      '--status-file',
      pod.args[pod.args.indexOf('--status-file') + 1]
    ])
    // The image's default command is the DaemonSet's, so `docker run IMAGE` behaves the same.
    const dockerfile = readFileSync('deploy/daemon/Dockerfile', 'utf8')
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[]
    expect(cmd).toEqual(pod.args)
    const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)![1]) as string[]
    expect(pod.livenessProbe.exec.command.slice(0, 2)).toEqual(entrypoint)
  })
})
