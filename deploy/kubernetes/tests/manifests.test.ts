import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import * as kedaV1alpha1 from '@kubernetes-models/keda/keda.sh/v1alpha1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { createNamespace, eventsStream } from '../../../messaging';
import { issuerKeyFile, loadConfig, streamOptionsOf } from '../../../runtime';
import { subgraphs } from '../../../subgraphs';

// Renders each overlay with `kubectl kustomize`, checks every object against the
// Kubernetes (and KEDA) OpenAPI schemas, then what an operator would check: each part
// runs, is probed on its real health paths, reads a configuration the process accepts,
// holds only the keys it should, and the consumers scale on their own lag.

const here = path.resolve(__dirname, '..');
const root = path.resolve(here, '../..');
const overlays = ['staging', 'production'];

// A manifest as parsed: only the fields these checks read are typed.
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string } & any } & any;

function kubectl(args: string[]) {
  const run = spawnSync('kubectl', args, { cwd: here, encoding: 'utf8' });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'kubectl is not on PATH: the Kubernetes manifests are rendered with `kubectl kustomize` ' +
        '(kustomize v5). Install kubectl 1.27 or later (https://kubernetes.io/docs/tasks/tools/); ' +
        "Debian's kubernetes-client package is too old.",
    );
  }
  if (run.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stdout;
}

function render(overlay: string): K8sObject[] {
  return parseAllDocuments(kubectl(['kustomize', `overlays/${overlay}`])).map((d) => d.toJS());
}

const models: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'batch/v1': batchV1,
  'policy/v1': policyV1,
  'autoscaling/v2': autoscalingV2,
  'networking.k8s.io/v1': networkingV1,
  'keda.sh/v1alpha1': kedaV1alpha1,
};

/** The schema's complaints about `object`, or why it cannot be checked. */
function schemaErrors(object: K8sObject): string[] {
  const Model = models[object.apiVersion]?.[object.kind] as
    (new (data: unknown) => { validate(): void }) | undefined;
  if (!Model) return [`${object.apiVersion} ${object.kind} has no schema to check it against`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${object.kind}/${object.metadata.name}: ${(error as Error).message}`];
  }
}

// Values of the right shape for the Secret's keys, never kept in the repository.
const secretStandIns: Record<string, string> = {
  DATABASE_URL: 'postgres://hr:secret@postgres.example:5432/hr',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  NATS_URL: 'nats://hr:secret@nats.nats.svc.cluster.local:4222',
  SMTP_URL: 'smtp://user:secret@mail.example:587',
};
const SECRET_VARIABLES = [...Object.keys(secretStandIns), 'METRICS_TOKEN'];

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe.each(overlays)('the %s overlay', (overlay) => {
  let objects: K8sObject[];
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const named = (kind: string, name: string) =>
    byKind(kind).find((o) => o.metadata.name === name) as K8sObject | undefined;
  const configMaps = () => new Map(byKind('ConfigMap').map((c) => [c.metadata.name, c.data]));
  const workloads = () => [...byKind('Deployment'), ...byKind('Job')];

  /** The environment a pod's container starts with, Secret values stood in for. */
  const envOf = (pod: any, container: any) => {
    const env: Record<string, string> = {};
    for (const from of container.envFrom ?? []) {
      Object.assign(env, configMaps().get(from.configMapRef.name));
    }
    for (const { name, value, valueFrom } of container.env ?? []) {
      if (value !== undefined) env[name] = value;
      else if (valueFrom?.secretKeyRef) env[name] = secretStandIns[valueFrom.secretKeyRef.key];
      else if (valueFrom?.fieldRef) {
        const label = /^metadata\.labels\['(.+)'\]$/.exec(valueFrom.fieldRef.fieldPath)?.[1];
        env[name] = pod.metadata.labels[label ?? ''];
      }
    }
    return env;
  };

  /** The volume mounted where `file` lies, and its mount. */
  const volumeHolding = (pod: any, container: any, file: string) => {
    const mount = (container.volumeMounts ?? [])
      .filter((m: any) => file.startsWith(`${m.mountPath}/`))
      .sort((a: any, b: any) => b.mountPath.length - a.mountPath.length)[0];
    const volume = mount && pod.spec.volumes.find((v: any) => v.name === mount.name);
    return { mount, volume };
  };

  /** The Deployment serving `part`, with its pod template and app container. */
  const deploymentOf = (part: string) => {
    const deployment = byKind('Deployment').find((d) => {
      const pod = d.spec.template;
      return envOf(pod, pod.spec.containers[0]).SERVICE === part;
    });
    if (!deployment) throw new Error(`No Deployment serves ${part}.`);
    const pod = deployment.spec.template;
    return { deployment, pod, container: pod.spec.containers[0] };
  };

  const parts = ['gateway', ...subgraphs.map((s) => s.name)];

  beforeAll(() => {
    objects = render(overlay);
  });

  it('renders with kustomize v5 into objects the Kubernetes and KEDA schemas accept', () => {
    const version = JSON.parse(kubectl(['version', '--client', '-o', 'json']));
    expect(version.kustomizeVersion).toMatch(/^v([5-9]|\d\d)\./);
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.flatMap(schemaErrors)).toEqual([]);
  });

  it('runs every subgraph and the gateway, with a Service, probes, resources and a PDB', () => {
    for (const part of parts) {
      const { pod, container } = deploymentOf(part);
      const config = loadConfig(envOf(pod, container));
      const http = container.ports.find((p: any) => p.name === 'http');
      expect([part, http?.containerPort]).toEqual([part, config.PORT]);
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        expect([part, probe, container[probe]?.httpGet?.port]).toEqual([part, probe, 'http']);
      }
      expect([part, container.livenessProbe.httpGet.path]).toEqual([part, '/health/live']);
      expect([part, container.readinessProbe.httpGet.path]).toEqual([part, '/health/ready']);
      for (const kind of ['requests', 'limits']) {
        expect([part, Object.keys(container.resources?.[kind] ?? {}).sort()]).toEqual([
          part,
          ['cpu', 'memory'],
        ]);
      }
      const labels = pod.metadata.labels;
      const services = byKind('Service').filter((s) => matches(s.spec.selector, labels));
      expect([part, services.length]).toEqual([part, 1]);
      expect(services[0].spec.ports.find((p: any) => p.targetPort === 'http')).toBeDefined();
      const budgets = byKind('PodDisruptionBudget').filter((b) =>
        matches(b.spec.selector.matchLabels, labels),
      );
      expect([part, budgets.length]).toEqual([part, 1]);
      // Selectors that pick one part only: two parts behind one Service would mix answers.
      expect(services[0].spec.selector['app.kubernetes.io/component']).toBe(part);
    }
  });

  it('points the gateway at each subgraph through that subgraph’s Service', () => {
    const { pod, container } = deploymentOf('gateway');
    const config = loadConfig(envOf(pod, container));
    for (const { name } of subgraphs) {
      const url = new URL(config.subgraphUrls[name] ?? `http://missing-${name}`);
      const service = named('Service', url.hostname);
      expect([name, service?.spec.selector['app.kubernetes.io/component']]).toEqual([name, name]);
      const port = service!.spec.ports.find((p: any) => String(p.port) === url.port);
      const target = deploymentOf(name).container.ports.find(
        (p: any) => p.name === port?.targetPort,
      );
      expect([name, url.pathname, target?.containerPort]).toEqual([name, '/graphql', 4001]);
    }
  });

  it('keeps secret values out: Secrets are referenced, never rendered', () => {
    expect(byKind('Secret')).toEqual([]);
    for (const [name, data] of configMaps()) {
      expect([name, Object.keys(data ?? {}).filter((k) => SECRET_VARIABLES.includes(k))]).toEqual([
        name,
        [],
      ]);
    }
    for (const workload of workloads()) {
      for (const container of workload.spec.template.spec.containers) {
        for (const { name, value } of container.env ?? []) {
          if (SECRET_VARIABLES.includes(name)) expect([name, value]).toEqual([name, undefined]);
        }
      }
    }
    const { pod, container } = deploymentOf('employees');
    const refs = container.env.filter((e: any) => e.valueFrom?.secretKeyRef);
    expect(refs.map((e: any) => e.name).sort()).toEqual([
      'DATABASE_URL',
      'DATA_ENCRYPTION_KEY',
      'NATS_URL',
    ]);
    expect(loadConfig(envOf(pod, container)).NATS_URL).toEqual([secretStandIns.NATS_URL]);
  });

  it("keeps three copies of the events, one on each of the chart's NATS servers", () => {
    const values = parse(fs.readFileSync(path.join(here, 'nats-values.yaml'), 'utf8'));
    expect(values.config.cluster).toMatchObject({ enabled: true, replicas: 3 });
    for (const part of parts) {
      const { pod, container } = deploymentOf(part);
      expect([part, streamOptionsOf(loadConfig(envOf(pod, container))).replicas]).toEqual([
        part,
        3,
      ]);
    }
  });

  it("mounts the issuer's private key into accounts alone, the gateway's into the gateway alone", () => {
    const mounting = (secretName: string) =>
      workloads()
        .filter((w) =>
          w.spec.template.spec.volumes?.some((v: any) => v.secret?.secretName === secretName),
        )
        .map((w) => w.metadata.name);
    const issuerSecret = (() => {
      const { pod, container } = deploymentOf('accounts');
      const file = issuerKeyFile(loadConfig(envOf(pod, container)).DATA_DIR);
      const { mount, volume } = volumeHolding(pod, container, file);
      expect(mount?.readOnly).toBe(true);
      return volume?.secret?.secretName as string;
    })();
    expect(issuerSecret).toBeDefined();
    expect(mounting(issuerSecret)).toEqual([deploymentOf('accounts').deployment.metadata.name]);

    const gateway = deploymentOf('gateway');
    const keyFile = loadConfig(envOf(gateway.pod, gateway.container)).GATEWAY_ASSERTION_KEY_FILE!;
    const { mount, volume } = volumeHolding(gateway.pod, gateway.container, keyFile);
    expect(mount?.readOnly).toBe(true);
    expect(mounting(volume.secret.secretName)).toEqual([gateway.deployment.metadata.name]);

    // Every part verifies with the public key sets, from one read-only ConfigMap volume.
    for (const part of parts) {
      const { pod, container } = deploymentOf(part);
      const config = loadConfig(envOf(pod, container));
      const files = [config.JWKS_FILE!, ...(part === 'gateway' ? [] : [config.GATEWAY_JWKS_FILE!])];
      for (const file of files) {
        const held = volumeHolding(pod, container, file);
        expect([part, file, held.volume?.configMap?.name, held.mount?.readOnly]).toEqual([
          part,
          file,
          'hr-public-keys',
          true,
        ]);
      }
    }
  });

  it('runs as non-root on a read-only root, DATA_DIR and /tmp on emptyDir volumes', () => {
    for (const workload of workloads()) {
      const pod = workload.spec.template;
      expect([workload.metadata.name, pod.spec.securityContext?.runAsNonRoot]).toEqual([
        workload.metadata.name,
        true,
      ]);
      for (const container of pod.spec.containers) {
        expect(container.securityContext).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        const dataDir = loadConfig(envOf(pod, container)).DATA_DIR;
        for (const dir of [dataDir, '/tmp']) {
          const { volume } = volumeHolding(pod, container, `${dir}/file`);
          expect([workload.metadata.name, dir, volume?.emptyDir]).toEqual([
            workload.metadata.name,
            dir,
            expect.any(Object),
          ]);
        }
      }
    }
  });

  it('migrates with the release’s image in a Job applied before the rollout', () => {
    const job = named('Job', 'hr-migrate');
    expect(job).toBeDefined();
    const pod = job!.spec.template;
    const [container] = pod.spec.containers;
    expect(container.command).toEqual(['node', 'dist/bin/migrate.js']);
    expect(fs.existsSync(path.join(root, 'bin/migrate.ts'))).toBe(true);
    expect(container.image).toBe(deploymentOf('gateway').container.image);
    expect(loadConfig(envOf(pod, container)).DATABASE_URL).toBe(secretStandIns.DATABASE_URL);
    // `kubectl apply -l hr-platform/phase=pre-rollout` must bring the Job what it reads.
    expect(job!.metadata.labels['hr-platform/phase']).toBe('pre-rollout');
    for (const from of container.envFrom) {
      const map = named('ConfigMap', from.configMapRef.name);
      expect(map?.metadata.labels['hr-platform/phase']).toBe('pre-rollout');
    }
  });

  it('runs the image the overlay names, with a tag, everywhere', () => {
    const kustomization = parse(
      fs.readFileSync(path.join(here, 'overlays', overlay, 'kustomization.yaml'), 'utf8'),
    );
    const { newName, newTag } = kustomization.images.find((i: any) => i.name === 'hr-platform');
    expect(newTag).toMatch(/^(?!latest$)\S+$/);
    const images = workloads().flatMap((w) =>
      w.spec.template.spec.containers.map((c: any) => c.image),
    );
    expect(new Set(images)).toEqual(new Set([`${newName}:${newTag}`]));
  });

  describe('scaling', () => {
    const nats = parse(fs.readFileSync(path.join(here, 'nats-values.yaml'), 'utf8'));

    it('scales each event-consuming subgraph on the lag of all its durable consumers', () => {
      for (const module of subgraphs) {
        const { deployment, pod, container } = deploymentOf(module.name);
        const scaled = byKind('ScaledObject').filter(
          (s) => s.spec.scaleTargetRef.name === deployment.metadata.name,
        );
        // The durables the consumers create: `<subgraph>_<handler>` (messaging/src/eventConsumer.ts).
        const durables = (module.eventHandlers ?? []).map((h) => `${module.name}_${h.name}`);
        if (durables.length === 0) {
          expect([module.name, scaled.length, deployment.spec.replicas]).toEqual([
            module.name,
            0,
            expect.any(Number),
          ]);
          continue;
        }
        // Replicas are KEDA's to set: a count here would be applied over its choice.
        expect([module.name, scaled.length, deployment.spec.replicas]).toEqual([
          module.name,
          1,
          undefined,
        ]);
        const stream = eventsStream(
          createNamespace(loadConfig(envOf(pod, container)).NATS_NAMESPACE),
        );
        const triggers = scaled[0].spec.triggers;
        expect(triggers.map((t: any) => t.metadata.consumer).sort()).toEqual(durables.sort());
        for (const trigger of triggers) {
          expect(trigger).toMatchObject({
            type: 'nats-jetstream',
            metadata: {
              stream,
              lagThreshold: expect.stringMatching(/^[1-9]\d*$/),
              natsServerMonitoringEndpoint: `nats-headless.nats.svc.cluster.local:${nats.config.monitor.port}`,
            },
          });
          // The account the platform's NATS user belongs to, with JetStream on.
          expect(nats.config.merge.accounts[trigger.metadata.account]?.jetstream).toBe('enabled');
        }
        expect(scaled[0].spec.minReplicaCount).toBeGreaterThanOrEqual(1);
        expect(scaled[0].spec.maxReplicaCount).toBeGreaterThan(scaled[0].spec.minReplicaCount);
      }
    });

    it('scales the gateway on CPU', () => {
      const { deployment } = deploymentOf('gateway');
      expect(deployment.spec.replicas).toBeUndefined();
      const hpa = byKind('HorizontalPodAutoscaler').find(
        (h) => h.spec.scaleTargetRef.name === deployment.metadata.name,
      );
      expect(hpa?.spec.metrics).toEqual([
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ]);
    });

    it('runs NATS as a three-server cluster with JetStream on files', () => {
      expect(nats.config.cluster).toMatchObject({ enabled: true, replicas: 3 });
      expect(nats.config.jetstream).toMatchObject({ enabled: true, fileStore: { enabled: true } });
    });
  });
});
