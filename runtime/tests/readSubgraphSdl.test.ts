import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kind, isTypeDefinitionNode, type DocumentNode } from 'graphql';
import { readSubgraphSdl } from '../src/subgraph/readSubgraphSdl';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdl-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function read(sdl: string): DocumentNode {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.graphql`);
  fs.writeFileSync(file, sdl);
  return readSubgraphSdl(file);
}

const typeNames = (doc: DocumentNode) =>
  doc.definitions.filter(isTypeDefinitionNode).map((d) => d.name.value);

describe('readSubgraphSdl', () => {
  it('puts the link header and the @text directive in front of every SDL', () => {
    const doc = read('type Query { ping: String }');
    expect(doc.definitions[0].kind).toBe(Kind.SCHEMA_EXTENSION);
    expect(
      doc.definitions.some((d) => d.kind === Kind.DIRECTIVE_DEFINITION && d.name.value === 'text'),
    ).toBe(true);
    expect(typeNames(doc)).toEqual(['Query']);
  });

  it('adds only the common types the SDL names, ahead of its own', () => {
    const doc = read(`
      type Query { day: Date, page(at: DateTime): Page }
      type Page { pageInfo: PageInfo! }
    `);
    expect(typeNames(doc)).toEqual(['Date', 'DateTime', 'PageInfo', 'Query', 'Page']);
  });

  it('refuses an SDL that declares a common type again', () => {
    expect(() => read('scalar Date\ntype Query { day: Date }')).toThrow(
      /declares Date, which .*common\.graphql supplies/,
    );
  });
});
