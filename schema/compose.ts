import fs from 'node:fs';
import path from 'node:path';
import { subgraphs } from '../subgraphs';
import { composeSupergraph } from './src/composeSupergraph';

/** `npm run compose`: writes schema/supergraph.graphql from the subgraphs' SDL. */
export const SUPERGRAPH_FILE = path.join(__dirname, 'supergraph.graphql');

if (require.main === module) {
  fs.writeFileSync(SUPERGRAPH_FILE, composeSupergraph([...subgraphs]));
  console.log(`Wrote ${path.relative(process.cwd(), SUPERGRAPH_FILE)}`);
}
