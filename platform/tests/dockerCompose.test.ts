import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../runtime/src/config';
import { subgraphs } from '../../subgraphs';
import { readNotificationSettings } from '../../subgraphs/notifications/src';

// Docker has no engine on every machine, so the compose file is checked by
// reading it: each service's configuration must pass the same validation the
// process runs at start.
interface Service {
  image?: string;
  build?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const root = path.resolve(__dirname, '../..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };
const { services } = compose;
const env = (service: Service) =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [
      k,
      String(v).replace(/\$\{\w+:-(.*)\}/, '$1'),
    ]),
  );

describe('docker-compose.yml', () => {
  it('runs every subgraph and the gateway as services with health checks', () => {
    for (const name of [...subgraphs.map((s) => s.name), 'gateway']) {
      expect(services[name]?.command).toEqual([name]);
      expect(services[name]?.healthcheck?.test.join(' ')).toContain('/health/ready');
    }
  });

  it('gives each app service a configuration the process accepts', () => {
    for (const name of [...subgraphs.map((s) => s.name), 'gateway']) {
      const config = loadConfig(env(services[name]));
      expect(config.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(config.NATS_URL).toBe('nats://nats:4222');
      expect(config.HOST).toBe('0.0.0.0');
    }
  });

  it('gives notifications SMTP settings its own check accepts, e-mail off by default', () => {
    const settings = readNotificationSettings(env(services.notifications!));
    expect(settings.smtpUrl).toBeUndefined();
    expect(settings.from).toMatch(/<.+@.+>/);
    expect(settings.hrRecipientIds).toEqual([]);
  });

  it('points the gateway at every subgraph of the supergraph', () => {
    const config = loadConfig(env(services.gateway));
    for (const { name } of subgraphs) {
      expect(config.subgraphUrls[name]).toBe(`http://${name}:4001/graphql`);
      expect(services.gateway.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('starts app services only after PostgreSQL, NATS and the keys are ready', () => {
    for (const name of [...subgraphs.map((s) => s.name), 'gateway']) {
      expect(services[name].depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        nats: { condition: 'service_healthy' },
        keys: { condition: 'service_completed_successfully' },
      });
    }
    expect(services.nats.command).toContain('-js');
  });

  it('runs files that exist in the image', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('ENTRYPOINT ["node_modules/.bin/tsx", "bin/serve.ts"]');
    expect(fs.existsSync(path.join(root, 'bin/serve.ts'))).toBe(true);
    expect(services.keys.entrypoint?.[1]).toBe('bin/keys.ts');
    expect(fs.existsSync(path.join(root, services.keys.entrypoint![1]))).toBe(true);
  });
});
