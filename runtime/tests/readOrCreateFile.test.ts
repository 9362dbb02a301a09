import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readOrCreateFile } from '../src/readOrCreateFile';

describe('readOrCreateFile', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'once-'));
    file = path.join(dir, 'secrets', 'data.key');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the file once, for its owner only, and reads it after', () => {
    expect(readOrCreateFile(file, () => 'first')).toBe('first');
    expect(readOrCreateFile(file, () => 'second')).toBe('first');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads the file another process created meanwhile, and leaves nothing aside', () => {
    const text = readOrCreateFile(file, () => {
      // Another part on the same data directory wins the race while this one creates.
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'theirs');
      return 'mine';
    });
    expect(text).toBe('theirs');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['data.key']);
  });
});
