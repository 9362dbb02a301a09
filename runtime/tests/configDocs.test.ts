import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES } from '../src/config';

// An operator learns the settings from the README: each one the process reads is there.
describe('the README', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

  it.each(CONFIG_VARIABLES.filter((name) => name !== 'SERVICE' && name !== 'NODE_ENV'))(
    'documents %s',
    (name) => {
      expect(readme).toContain(`\`${name}\``);
    },
  );
});
