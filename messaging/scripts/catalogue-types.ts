// Regenerates messaging/src/eventTypes/eventData.generated.ts from messaging/catalogue/.
// Run: npm run catalogue:types. With --check it writes nothing and exits 1 when the file is stale.
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { loadCatalogue } from '../src/catalogue';
import { renderEventTypes } from '../src/eventTypes/renderEventTypes';

export const EVENT_TYPES_FILE = path.resolve(
  __dirname,
  '..',
  'src',
  'eventTypes',
  'eventData.generated.ts',
);

/** The generated file's text, formatted as the repository formats TypeScript. */
export async function eventTypesText(): Promise<string> {
  const options = (await prettier.resolveConfig(EVENT_TYPES_FILE)) ?? {};
  return prettier.format(await renderEventTypes(loadCatalogue()), {
    ...options,
    filepath: EVENT_TYPES_FILE,
  });
}

async function main(check: boolean): Promise<void> {
  const text = await eventTypesText();
  const file = path.relative(process.cwd(), EVENT_TYPES_FILE);
  if (!check) {
    fs.writeFileSync(EVENT_TYPES_FILE, text);
    console.log(`Wrote ${file}`);
  } else if (fs.readFileSync(EVENT_TYPES_FILE, 'utf8') !== text) {
    console.error(`${file} is stale: run npm run catalogue:types`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main(process.argv.includes('--check'));
