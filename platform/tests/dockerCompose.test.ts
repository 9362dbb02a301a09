import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spawnSync } from 'node:child_process';
import { findOnPath } from '../../messaging';
import { keyPaths, loadConfig, streamOptionsOf } from '../../runtime';
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
  profiles?: string[];
  volumes?: (string | { source?: string; target: string; read_only?: boolean })[];
}

const root = path.resolve(__dirname, '../..');
const composeText = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const { services } = compose;

/** What an operator sets for the variables the compose file requires (`${NAME:?message}`). */
const operatorSets: Record<string, string> = {
  DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
  POSTGRES_PASSWORD: 'Xk4p9Qv2Lm7w',
  NATS_PASSWORD: 'Rq8z3Nf6Hs1c',
};
/** The operator's value of a required variable. */
const required = (name: string) => operatorSets[name];
/** A value as compose gives it: `${NAME:-default}` is the default, `${NAME:?…}` the operator's. */
const interpolate = (value: string) =>
  value.replace(/\$\{(\w+)(:[-?])([^}]*)\}/g, (_all, name: string, kind: string, rest: string) => {
    if (kind === ':-') return rest;
    if (!(name in operatorSets)) throw new Error(`The compose file requires ${name}.`);
    return operatorSets[name]!;
  });
const env = (service: Service) =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]),
  );

interface Mount {
  source: string;
  target: string;
  readOnly: boolean;
}

/** A service's mounts, from the short (`source:target[:ro]`) or the long syntax. */
const mounts = (service: Service): Mount[] =>
  (service.volumes ?? []).map((volume) => {
    if (typeof volume !== 'string') {
      const { source = '', target, read_only: readOnly = false } = volume;
      return { source, target, readOnly };
    }
    const [source, target, mode = ''] = volume.split(':');
    return { source, target: target ?? source, readOnly: mode.split(',').includes('ro') };
  });

/** The mount of `service` a file at `file` (a path inside its container) lies in. */
const mountHolding = (service: Service, file: string) =>
  mounts(service).find((m) => file === m.target || file.startsWith(`${m.target}/`));

const apps = [...subgraphs.map((s) => s.name), 'gateway'];

describe('docker-compose.yml', () => {
  it('runs every subgraph and the gateway as services with health checks on their ports', () => {
    for (const name of [...subgraphs.map((s) => s.name), 'gateway']) {
      expect(services[name]?.command).toEqual([name]);
      const port = String(loadConfig(env(services[name])).PORT);
      expect(services[name]?.healthcheck?.test).toEqual([
        'CMD',
        'bash',
        'dist/bin/health-check.sh',
        port,
      ]);
    }
    const script = fs.readFileSync(path.join(root, 'bin/health-check.sh'), 'utf8');
    expect(script).toContain('GET /health/ready');
  });

  it('gives each app service a configuration the process accepts', () => {
    for (const name of [...subgraphs.map((s) => s.name), 'gateway']) {
      const config = loadConfig(env(services[name]));
      expect(config.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(config.NATS_URL).toEqual([
        'nats://nats1:4222',
        'nats://nats2:4222',
        'nats://nats3:4222',
      ]);
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
        nats1: { condition: 'service_healthy' },
        nats2: { condition: 'service_healthy' },
        nats3: { condition: 'service_healthy' },
        keys: { condition: 'service_completed_successfully' },
      });
    }
  });

  describe('the NATS cluster', () => {
    const nodes = ['nats1', 'nats2', 'nats3'];
    const confFile = '/etc/nats/nats.conf';
    const conf = fs.readFileSync(path.join(root, 'deploy/nats/nats.conf'), 'utf8');
    const raw = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    /** The file's settings with comments left out, whitespace squeezed. */
    const settings = conf
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean)
      .join(' ');

    it('runs three JetStream nodes from the one configuration file, each with its own store', () => {
      expect(Object.keys(services).filter((name) => /^nats/.test(name))).toEqual(nodes);
      const stores = new Set<string>();
      for (const name of nodes) {
        const node = services[name];
        expect(node.command).toEqual(['-c', confFile]);
        expect(mountHolding(node, confFile)).toEqual({
          source: './deploy/nats/nats.conf',
          target: confFile,
          readOnly: true,
        });
        stores.add(mountHolding(node, '/data')!.source);
        expect(env(node).NATS_SERVER_NAME).toBe(name);
        expect(node.healthcheck?.test.join(' ')).toContain(
          'http://127.0.0.1:8222/healthz?js-enabled-only=true',
        );
      }
      expect(stores.size).toBe(3);
      expect(settings).toContain('server_name: $NATS_SERVER_NAME');
      expect(settings).toContain('http_port: 8222');
      expect(settings).toMatch(/jetstream \{ store_dir: \/data \}/);
    });

    it('routes every node to all three', () => {
      const cluster = /cluster \{ name: hr listen: 0\.0\.0\.0:6222 routes: \[ (.*?) \] \}/.exec(
        settings,
      );
      expect(cluster?.[1].split(' ')).toEqual(nodes.map((n) => `nats-route://${n}:6222`));
    });

    it("lets in only clients with the platform's user and password, and the password has no default", () => {
      expect(settings).toContain('authorization { user: $NATS_USER password: $NATS_PASSWORD }');
      // Required wherever it is given: `docker compose up` stops without it.
      const passwords = raw.match(/NATS_PASSWORD: .*/g) ?? [];
      expect(passwords.length).toBeGreaterThanOrEqual(2);
      for (const line of passwords) expect(line).toMatch(/^NATS_PASSWORD: \$\{NATS_PASSWORD:\?/);
      for (const name of [...nodes, ...apps]) {
        expect(env(services[name])).toMatchObject({
          NATS_USER: 'hr',
          NATS_PASSWORD: required('NATS_PASSWORD'),
        });
      }
    });

    it('gives nats-server a configuration it accepts on each node, and one it refuses without a password', () => {
      const command = findOnPath('nats-server', `${process.env.PATH}:/usr/sbin:/usr/local/sbin`);
      expect(command).toBeDefined();
      const check = (environment: Record<string, string>) =>
        spawnSync(command!, ['-t', '-c', path.join(root, 'deploy/nats/nats.conf')], {
          env: { PATH: process.env.PATH, ...environment },
          encoding: 'utf8',
        });
      for (const name of nodes) expect(check(env(services[name])).status).toBe(0);
      const { NATS_PASSWORD: _password, ...withoutPassword } = env(services.nats1);
      const refused = check(withoutPassword);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('NATS_PASSWORD');
    });

    it('has every app keep three replicas of the streams, on the three nodes', () => {
      for (const name of apps) {
        const config = loadConfig(env(services[name]));
        expect(streamOptionsOf(config)).toEqual({
          replicas: 3,
          maxAgeMs: 90 * 86_400_000,
          maxBytes: 20 * 1024 ** 3,
        });
        expect(config.NATS_URL?.map((url) => new URL(url).hostname)).toEqual(nodes);
      }
    });
  });

  describe('secrets', () => {
    /** Every `${NAME…}` of the file, by name: how it is given (`:?` required, `:-` default). */
    const variables = [...composeText.matchAll(/\$\{(\w+)(:[-?])([^}]*)\}/g)].map(
      ([, name, kind, rest]) => ({ name: name!, kind: kind!, rest: rest! }),
    );

    it('requires the data key and the database password, with no default', () => {
      for (const name of ['DATA_ENCRYPTION_KEY', 'POSTGRES_PASSWORD']) {
        const uses = variables.filter((v) => v.name === name);
        expect(uses.length).toBeGreaterThan(0);
        for (const use of uses) expect(use).toMatchObject({ kind: ':?', rest: expect.any(String) });
      }
      for (const name of apps) {
        const config = loadConfig(env(services[name]));
        expect(config.DATA_ENCRYPTION_KEY).toBe(operatorSets.DATA_ENCRYPTION_KEY);
        expect(config.DATABASE_URL).toContain(`:${operatorSets.POSTGRES_PASSWORD}@`);
      }
      expect(env(services.postgres).POSTGRES_PASSWORD).toBe(operatorSets.POSTGRES_PASSWORD);
    });

    it('passes earlier data keys through to every part, none by default', () => {
      expect(variables.filter((v) => v.name === 'DATA_ENCRYPTION_PREVIOUS_KEYS')).toEqual([
        { name: 'DATA_ENCRYPTION_PREVIOUS_KEYS', kind: ':-', rest: '' },
      ]);
      for (const name of [...apps, 'reencrypt']) {
        expect(loadConfig(env(services[name])).DATA_ENCRYPTION_PREVIOUS_KEYS).toEqual([]);
      }
    });

    it('holds no private key, key material or secret default', () => {
      expect(composeText).not.toMatch(/"d"\s*:|-----BEGIN|PRIVATE KEY/);
      // No base64 run as long as a 32-byte key (43 characters and more).
      expect(composeText).not.toMatch(/[A-Za-z0-9+/]{43,}={0,2}/);
      const secretName = /KEY|PASSWORD|SECRET|TOKEN/;
      for (const { name, kind, rest } of variables) {
        if (secretName.test(name) && kind === ':-')
          expect({ name, rest }).toEqual({ name, rest: '' });
      }
      for (const [service, { environment = {} }] of Object.entries(services)) {
        for (const [name, value] of Object.entries(environment)) {
          if (!secretName.test(name) || name.endsWith('_FILE')) continue;
          // Each secret comes from the operator's environment, never from the file.
          expect({ service, name, value: String(value) }).toEqual({
            service,
            name,
            value: expect.stringMatching(/^\$\{\w+:[-?][^}]*\}$/),
          });
        }
      }
    });

    it("runs re-encryption on demand only, with the parts' database and data keys, and no key file", () => {
      const job = services.reencrypt;
      expect(job.profiles).toEqual(['tools']);
      expect(job.entrypoint).toEqual(['node', 'dist/bin/reencrypt.js']);
      expect(job.volumes ?? []).toEqual([]);
      const config = loadConfig(env(job));
      const employees = loadConfig(env(services.employees));
      expect([config.DATABASE_URL, config.DATA_ENCRYPTION_KEY]).toEqual([
        employees.DATABASE_URL,
        employees.DATA_ENCRYPTION_KEY,
      ]);
    });
  });

  describe('keys', () => {
    // Where the keys job writes each key, and so which volume holds it.
    const written = keyPaths(env(services.keys).DATA_DIR);
    const volumeOf = (file: string) => {
      const mount = mountHolding(services.keys, file);
      if (!mount) throw new Error(`The keys job writes ${file} into no volume.`);
      return mount.source;
    };
    const mounting = (volume: string) =>
      Object.keys(services).filter((name) =>
        mounts(services[name]).some((m) => m.source === volume),
      );

    it("gives the issuer's private key to the token issuers alone (the tools and sign-in)", () => {
      const issuerKey = volumeOf(written.issuerPrivate);
      expect(mounting(issuerKey).sort()).toEqual(['accounts', 'keys', 'seed', 'token']);
      for (const name of ['token', 'seed', 'accounts']) {
        const issuerFile = keyPaths(env(services[name]).DATA_DIR).issuerPrivate;
        expect(mountHolding(services[name], issuerFile)).toMatchObject({
          source: issuerKey,
          readOnly: true,
        });
      }
    });

    it("gives the gateway's private key to the gateway alone, and to no subgraph", () => {
      const gatewayKey = volumeOf(written.gatewayPrivate);
      expect(mounting(gatewayKey).sort()).toEqual(['gateway', 'keys']);
      for (const { name } of subgraphs) {
        expect(mounts(services[name]).map((m) => m.source)).not.toContain(gatewayKey);
      }
    });

    it('keeps the private keys and the public key sets in different volumes', () => {
      const privates = [volumeOf(written.issuerPrivate), volumeOf(written.gatewayPrivate)];
      for (const file of [written.issuerJwks, written.gatewayJwks]) {
        expect(privates).not.toContain(volumeOf(file));
      }
    });

    /** `name` reads `file` read-only from the volume the keys job wrote it into. */
    const expectReadsWritten = (name: string, file: string | undefined) => {
      expect(file).toBeDefined();
      expect(mountHolding(services[name], file!)).toEqual({
        source: volumeOf(file!),
        target: expect.any(String),
        readOnly: true,
      });
    };

    it('gives every part the public key sets, read-only, and it verifies with them', () => {
      for (const name of apps) {
        const config = loadConfig(env(services[name]));
        expect(config.JWKS_FILE).toBe(written.issuerJwks);
        expectReadsWritten(name, config.JWKS_FILE);
      }
      for (const { name } of subgraphs) {
        const config = loadConfig(env(services[name]));
        expect(config.GATEWAY_JWKS_FILE).toBe(written.gatewayJwks);
        expectReadsWritten(name, config.GATEWAY_JWKS_FILE);
      }
    });

    it('gives the gateway its key to sign assertions with, read-only', () => {
      const config = loadConfig(env(services.gateway));
      expect(config.GATEWAY_ASSERTION_KEY_FILE).toBe(written.gatewayPrivate);
      expectReadsWritten('gateway', config.GATEWAY_ASSERTION_KEY_FILE);
    });

    it('runs the token issuer on demand only, with the same issuer settings as the parts', () => {
      expect(services.token.profiles).toEqual(['tools']);
      const issuer = loadConfig(env(services.token));
      const gateway = loadConfig(env(services.gateway));
      expect([issuer.JWT_ISSUER, issuer.JWT_AUDIENCE]).toEqual([
        gateway.JWT_ISSUER,
        gateway.JWT_AUDIENCE,
      ]);
      expect(services.token.depends_on).toEqual({
        keys: { condition: 'service_completed_successfully' },
      });
    });
  });

  describe('the image', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    // The stage the image is made of: what follows the last FROM.
    const runStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const build = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));

    /** The source `npm run build` compiles `dist/<path>.js` from, if it compiles one. */
    const sourceOf = (compiled: string) => {
      const source = compiled.replace(/^dist\/(.*)\.js$/, '$1.ts');
      const built = (build.include as string[]).some((dir) => source.startsWith(`${dir}/`));
      return built && fs.existsSync(path.join(root, source)) ? source : undefined;
    };

    it('runs the compiled build (npm run build) with node, the one-off jobs too', () => {
      expect(runStage).toContain('ENTRYPOINT ["node", "dist/bin/serve.js"]');
      expect(runStage).toContain('COPY --from=build /app/dist dist');
      expect(sourceOf('dist/bin/serve.js')).toBe('bin/serve.ts');
      expect(services.keys.entrypoint).toEqual(['node', 'dist/bin/keys.js']);
      expect(services.token.entrypoint).toEqual(['node', 'dist/bin/token.js']);
      expect(services.reencrypt.entrypoint).toEqual(['node', 'dist/bin/reencrypt.js']);
      for (const name of ['keys', 'token', 'reencrypt']) {
        expect(sourceOf(services[name].entrypoint![1])).toBe(`bin/${name}.ts`);
      }
    });

    it('runs the tools an operator needs from the compiled build, each configured to start', () => {
      const tools = Object.keys(services).filter((n) => services[n].profiles?.includes('tools'));
      expect(tools.sort()).toEqual(['admin', 'migrate', 'reencrypt', 'seed', 'token']);
      for (const name of tools) {
        const [command, script] = services[name].entrypoint!;
        expect([name, command, sourceOf(script)]).toEqual([
          name,
          'node',
          expect.stringMatching(/^bin\/.+\.ts$/),
        ]);
        expect(() => loadConfig(env(services[name]))).not.toThrow();
      }
      expect(services.seed.command).toEqual(['--gateway', 'http://gateway:4000/graphql']);
      expect(services.seed.depends_on?.gateway).toEqual({ condition: 'service_healthy' });
    });

    it('holds no compiler toolchain and no sources, and runs as node', () => {
      expect(runStage).not.toMatch(/apt-get|g\+\+|python3|COPY \. /);
      expect(runStage).toMatch(/\nUSER node\n/);
      expect(runStage.indexOf('USER node')).toBeLessThan(runStage.indexOf('ENTRYPOINT'));
    });

    it("checks the readiness of the part it runs, on that part's port", () => {
      // Without an argument the script asks the port the part listens on (PORT).
      expect(runStage).toMatch(/HEALTHCHECK .*\n\s+CMD \["bash", "dist\/bin\/health-check\.sh"\]/);
      const script = fs.readFileSync(path.join(root, 'bin/health-check.sh'), 'utf8');
      expect(script).toContain('port=${1:-${PORT:-4000}}');
    });
  });
});
