import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  closeNats,
  connectNats,
  createNamespace,
  ensureStreams,
  type EventEnvelope,
  eventsStream,
  listDeadLetters,
  type Namespace,
  type NatsClients,
  type RunningNatsServer,
  startNatsServer,
  subjectFor,
} from '../../messaging';
import { deleteStreams } from '../../messaging/testing';
import {
  FRAGILE_CONSUMER,
  startFragileConsumer,
  type FragileConsumer,
} from '../../test-support/fragileConsumer';
import { runScript, type ScriptRun } from '../../test-support/runScript';
import { waitFor } from '../../test-support/waitFor';

/** The events in the stream whose type is `type` (NATS wildcards allowed), oldest first. */
async function readEventsOf(nats: NatsClients, ns: Namespace, type: string) {
  const found: EventEnvelope[] = [];
  for (let seq = 1; ;) {
    const query = { seq, next_by_subj: subjectFor(type, ns) };
    const stored = await nats.jsm.streams.getMessage(eventsStream(ns), query as never);
    if (!stored) return found;
    found.push(stored.json<EventEnvelope>());
    seq = stored.seq + 1;
  }
}

// The command runs as its own process against a nats-server of its own, as an operator's would.
describe('npm run dead-letters', () => {
  const id = `T${crypto.randomBytes(4).toString('hex')}`;
  const namespace = createNamespace(id);
  let server: RunningNatsServer;
  let storeDir: string;
  let nats: NatsClients;
  let fragile: FragileConsumer;

  /** Runs the command as a process, as an operator would. */
  const cli = (...args: string[]): Promise<ScriptRun> =>
    runScript('bin/dead-letters.ts', args, {
      env: { ...process.env, NATS_URL: server.url, NATS_NAMESPACE: id },
    });
  // Waiting and checking go through the API: each run of the command costs a process start.
  const listedIds = async () =>
    (await listDeadLetters({ ...nats, namespace })).nodes.map((letter) => letter.id);
  const parked = (count: number) =>
    waitFor(async () => ((await listedIds()).length === count ? true : undefined));

  beforeAll(async () => {
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dead-letters-cli-'));
    server = await startNatsServer({ storeDir });
    nats = await connectNats({ servers: server.url, name: 'dead-letters-cli-test' });
    await ensureStreams(nats.jsm, namespace);
    fragile = await startFragileConsumer(nats, namespace);
    await fragile.publish(1);
    await fragile.publish(2);
    await parked(2);
  });
  afterAll(async () => {
    await fragile?.stop();
    if (nats) {
      await deleteStreams(nats.jsm, namespace);
      await closeNats(nats.nc);
    }
    await server?.stop();
    if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
  });

  it('lists and shows dead letters', async () => {
    const list = await cli('list', '--consumer', FRAGILE_CONSUMER);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split('\t')).toEqual([
      expect.stringMatching(/^\d+$/),
      FRAGILE_CONSUMER,
      'audit.retention.purged',
      'HANDLER_FAILED',
      'attempts=2',
      expect.stringMatching(/^first=\d{4}-/),
      expect.stringMatching(/^last=\d{4}-/),
      'purge 1 cannot be applied',
    ]);
    expect(list.stderr).toMatch(/2 of 2 dead letters/);

    const [first] = await listedIds();
    const show = await cli('show', first!);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({
      id: first,
      consumer: FRAGILE_CONSUMER,
      event: { data: { purgedCount: 1 } },
    });
  });

  it('refuses bad arguments with a message and exit code 2, and a missing letter with 3', async () => {
    const cases = await Promise.all([cli('fly'), cli('discard', '1'), cli('show', 'x1')]);
    expect(cases.map((run) => run.code)).toEqual([2, 2, 2]);
    expect(cases.map((run) => run.stderr.split('\n')[0])).toEqual([
      'Unknown or missing command "fly".',
      'discard needs --reason "why", kept in the audit log.',
      '"x1" is not a dead letter id.',
    ]);
    const missing = await cli('show', '999999');
    expect([missing.code, missing.stderr.trim()]).toEqual([3, 'No dead letter 999999.']);
  });

  it('replays one to the fixed consumer once, and discards the other, both audited', async () => {
    const [first, second] = await listedIds();
    expect((await cli('replay', first!)).code).toBe(5);
    fragile.setFixed(true);
    const replay = await cli('replay', first!);
    expect([replay.code, replay.stdout.trim()]).toEqual([
      0,
      `Dead letter ${first} replayed to ${FRAGILE_CONSUMER}: the event was applied.`,
    ]);
    expect((await cli('replay', first!)).code).toBe(3);
    expect(await fragile.applied()).toBe(1);

    expect((await cli('discard', second!, '--reason', 'a test purge')).code).toBe(0);
    expect(await listedIds()).toEqual([]);
    expect(await fragile.applied()).toBe(1);

    const audited = await readEventsOf(nats, namespace, 'audit.dead_letter.*');
    expect(audited.map((event) => [event.type, event.data.deadLetterId])).toEqual([
      ['audit.dead_letter.replayed', first],
      ['audit.dead_letter.discarded', second],
    ]);
    expect(audited[1]!.data.reason).toBe('a test purge');
  });

  it('says when no consumer answers (exit code 4)', async () => {
    fragile.setFixed(false);
    await fragile.publish(3);
    await parked(1);
    await fragile.consumer.stop();
    const [third] = await listedIds();
    const replay = await cli('replay', third!);
    expect(replay.code).toBe(4);
    expect(replay.stderr).toMatch(/did not answer/);
  });
});
