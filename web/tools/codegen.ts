import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig } from './codegenConfig';

/**
 * `npm run codegen`: writes web/src/gql/ from the operations and the committed supergraph.
 * With `--check`, writes nothing and exits 1 naming the files that would change.
 */
async function main(check: boolean): Promise<void> {
  if (!check) {
    await generate(codegenConfig(), true);
    console.log('web/src/gql/ written');
    return;
  }
  const outputs = await generate(codegenConfig(), false);
  const stale = outputs
    .filter(
      (o: { filename: string; content: string }) =>
        fs.readFileSync(o.filename, { encoding: 'utf8', flag: 'a+' }) !== o.content,
    )
    .map((o: { filename: string }) => path.relative(process.cwd(), o.filename));
  if (stale.length > 0) {
    console.error(`Out of date (run npm run codegen): ${stale.join(', ')}`);
    process.exit(1);
  }
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
