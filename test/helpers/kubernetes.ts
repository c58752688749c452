// The Kubernetes manifests of deploy/kubernetes, read as the API server would get them.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'

export const MANIFEST_DIR = 'deploy/kubernetes'

export interface Resource {
  readonly file: string
  readonly object: Record<string, unknown> & { kind: string; apiVersion: string }
}

export function manifests(): Resource[] {
  return readdirSync(MANIFEST_DIR)
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f =>
      parseAllDocuments(readFileSync(join(MANIFEST_DIR, f), 'utf8')).map(d => {
        if (d.errors.length > 0) throw new Error(`${f}: ${d.errors.join('; ')}`)
        return { file: f, object: d.toJS() as Resource['object'] }
      })
    )
}

/** The parts of the DaemonSet's pod that decide how its container runs. */
export interface DaemonPod {
  readonly image: string
  readonly args: string[]
  readonly env: { name: string; value: string }[]
  readonly securityContext: {
    runAsUser?: number
    readOnlyRootFilesystem?: boolean
    privileged?: boolean
    capabilities?: { drop?: string[]; add?: string[] }
  }
  readonly volumeMounts: { name: string; mountPath: string }[]
  readonly volumes: {
    name: string
    hostPath?: { path: string; type?: string }
    emptyDir?: { medium?: string; sizeLimit?: string }
  }[]
  readonly livenessProbe: { exec: { command: string[] } }
  readonly terminationGracePeriodSeconds?: number
}

export function daemonPod(): DaemonPod {
  const daemonSet = manifests().find(r => r.object.kind === 'DaemonSet')
  if (!daemonSet) throw new Error(`no DaemonSet in ${MANIFEST_DIR}`)
  const pod = (
    daemonSet.object as unknown as { spec: { template: { spec: Record<string, unknown> } } }
  ).spec.template.spec as {
    containers: Omit<DaemonPod, 'volumes' | 'terminationGracePeriodSeconds'>[]
    volumes: DaemonPod['volumes']
    terminationGracePeriodSeconds?: number
  }
  return {
    ...pod.containers[0],
    volumes: pod.volumes,
    terminationGracePeriodSeconds: pod.terminationGracePeriodSeconds
  }
}
