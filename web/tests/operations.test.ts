import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Kind, parse, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { createOperationCheck, readCostDirectives } from '../../runtime';
import { apiSchemaOf, validateOperation, type ContractOperation } from '../../schema/src/contract';
import { SUPERGRAPH_FILE, WEB_DIR } from '../tools/codegenConfig';

function graphqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(file);
    return entry.name.endsWith('.graphql') ? [file] : [];
  });
}

/** The fragments `node` spreads, and theirs in turn. */
function spreadFragments(
  node: DefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  found = new Set<string>(),
): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (found.has(name) || !fragments.has(name)) return;
      found.add(name);
      spreadFragments(fragments.get(name)!, fragments, found);
    },
  });
  return found;
}

const documents = graphqlFiles(path.join(WEB_DIR, 'src')).map((file) => ({
  file,
  document: parse(fs.readFileSync(file, 'utf8')),
}));

/** Every fragment of the web app: a file may spread one that another file holds. */
const fragmentList = documents.flatMap(({ document }) =>
  document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  ),
);
const fragments = new Map(fragmentList.map((d) => [d.name.value, d]));

/** Every operation the web app sends, each as its own document with the fragments it uses. */
const operations: ContractOperation[] = documents.flatMap(({ file, document }) =>
  document.definitions
    .filter((definition) => definition.kind !== Kind.FRAGMENT_DEFINITION)
    .map((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) {
        throw new Error(`${file}: every web operation must be named.`);
      }
      const used = [...spreadFragments(definition, fragments)].map((name) => fragments.get(name)!);
      return {
        name: definition.name.value,
        file,
        document: { ...document, definitions: [definition, ...used] },
      };
    }),
);
const supergraphSdl = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
const schema = apiSchemaOf(supergraphSdl);

describe("the web app's operations against the committed supergraph", () => {
  it('has operations, each named once', () => {
    const names = operations.map((o) => o.name);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('names each fragment once', () => {
    const names = fragmentList.map((f) => f.name.value);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it.each(operations.map((o) => [o.name, o] as const))('%s validates', (_name, operation) => {
    expect(validateOperation(schema, operation)).toEqual([]);
  });

  it.each(operations.map((o) => [o.name, o] as const))(
    "%s passes the gateway's default operation limits",
    (_name, operation) => {
      const result = createOperationCheck()({
        schema,
        costs: readCostDirectives(supergraphSdl),
        document: operation.document,
        variables: { first: 20 },
        identity: null,
      });
      expect('refusal' in result ? result.refusal.message : undefined).toBeUndefined();
    },
  );

  // The committed types are what the app compiles against: stale ones would hide a change.
  // Codegen runs in its own process: its CLI is ESM that Jest's CommonJS runtime cannot load.
  it('has generated types that match the operations and the supergraph (npm run codegen)', () => {
    const run = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), path.join(WEB_DIR, 'tools/codegen.ts'), '--check'],
      { encoding: 'utf8', cwd: path.join(WEB_DIR, '..') },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
