import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The text of `file`, or, when there is none, `create()` written there, readable by its owner
 * only. Processes starting together (distributed parts on one data directory, or the CLI
 * beside the server) each write aside and hard-link into place: the first link wins, the
 * others fail with EEXIST and read the winner's whole file.
 */
export function readOrCreateFile(file: string, create: () => string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const created = create();
  const temp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(temp, created, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temp, file);
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.unlinkSync(temp);
  }
}
