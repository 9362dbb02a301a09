import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript } from '../../test-support/runScript';

// The operator's commands refuse bad arguments before they touch a database or NATS: a
// message naming the argument, a non-zero exit, and nothing written under DATA_DIR.
function runCommand(script: string, args: string[], dataDir: string) {
  const { DATABASE_URL: _db, NATS_URL: _nats, ...inherited } = process.env;
  return runScript(script, args, { env: { ...inherited, DATA_DIR: dataDir } });
}

describe('operator commands with bad arguments', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-args-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    [['--subgraph', 'payroll', '--from', '2026-01-01T00:00:00Z'], /--subgraph must be one of/],
    [['--subgraph', 'time', '--from', 'yesterday'], /--from must be a date and time/],
    [
      ['--subgraph', 'time', '--from', '2026-02-01T00:00:00Z', '--to', '2026-01-01T00:00:00Z'],
      /--to must be later than --from/,
    ],
    [['--subgraph', 'time', '--from', '2026-01-01T00:00:00Z', '--drop', 'x'], /Unknown option/],
  ])('republish refuses %j with exit code 2, naming the argument', async (args, message) => {
    const { code, stderr } = await runCommand('bin/republish.ts', args, dataDir);
    expect({ code, stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it.each([
    [['--size', 'many'], /--size must be a whole number from 11 to 50/],
    [['--size', '5000'], /--size must be a whole number from 11 to 50/],
    [['--gateway', 'javascript:alert(1)'], /--gateway must be the http\(s\) URL/],
    [['--gateway', 'http://gateway:4000/graphql', '--days', '3'], /Unknown option '--days'/],
  ])('seed refuses %j before calling the gateway, naming the argument', async (args, message) => {
    const { code, stderr } = await runCommand('bin/seed/main.ts', args, dataDir);
    expect({ code, stderr }).toEqual({ code: 1, stderr: expect.stringMatching(message) });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
