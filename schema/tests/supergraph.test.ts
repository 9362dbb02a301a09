import fs from 'node:fs';
import { subgraphs } from '../../subgraphs';
import { SUPERGRAPH_FILE } from '../compose';
import { composeSupergraph } from '../src/composeSupergraph';

describe('schema/supergraph.graphql', () => {
  it('is what `npm run compose` makes from the subgraphs today', () => {
    const committed = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
    // On failure: run `npm run compose` and commit the result.
    expect(committed).toBe(composeSupergraph([...subgraphs]));
  });
});
