import fs from 'node:fs';
import path from 'node:path';
import {
  Kind,
  isTypeDefinitionNode,
  parse,
  visit,
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
  type TypeDefinitionNode,
} from 'graphql';

const COMMON_FILE = path.join(__dirname, 'common.graphql');
const COMMON = parse(fs.readFileSync(COMMON_FILE, 'utf8'));

/** The link header and the runtime's directives: in front of every subgraph's SDL. */
const HEADER = COMMON.definitions.filter((d) => !isTypeDefinitionNode(d));

/** The shared types, by name: each goes only to the subgraphs that name it. */
const COMMON_TYPES = new Map(
  COMMON.definitions.filter(isTypeDefinitionNode).map((d) => [d.name.value, d]),
);

function namedTypes(node: ASTNode): Set<string> {
  const names = new Set<string>();
  visit(node, { NamedType: (named) => void names.add(named.name.value) });
  return names;
}

/** The common types `own` names, with those they name in turn. */
function commonTypesNamedIn(own: DocumentNode): TypeDefinitionNode[] {
  const wanted = new Set<string>();
  const pending = [...namedTypes(own)];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const common = COMMON_TYPES.get(name);
    if (!common || wanted.has(name)) continue;
    wanted.add(name);
    pending.push(...namedTypes(common));
  }
  // In common.graphql's order, so every subgraph lists them alike.
  return [...COMMON_TYPES.values()].filter((d) => wanted.has(d.name.value));
}

/**
 * A subgraph's SDL file, parsed, behind what the kit supplies (common.graphql): the link
 * header, the runtime's directives and the common types the file names.
 */
export function readSubgraphSdl(file: string): DocumentNode {
  const own = parse(fs.readFileSync(file, 'utf8'));
  const redeclared = own.definitions
    .filter(isTypeDefinitionNode)
    .map((d) => d.name.value)
    .filter((name) => COMMON_TYPES.has(name));
  if (redeclared.length > 0) {
    throw new Error(`${file} declares ${redeclared.join(', ')}, which ${COMMON_FILE} supplies`);
  }
  const definitions: DefinitionNode[] = [...HEADER, ...commonTypesNamedIn(own), ...own.definitions];
  return { kind: Kind.DOCUMENT, definitions };
}
