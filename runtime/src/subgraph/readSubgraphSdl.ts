import fs from 'node:fs';
import { concatAST, parse, type DocumentNode } from 'graphql';

/**
 * The directives the runtime reads from every subgraph's SDL, defined once here rather
 * than in each file. Composition leaves them out of the supergraph.
 */
const RUNTIME_DIRECTIVES = parse(`
  """
  Bounds a text argument or input field other than by the runtime's default
  (docs/input-bounds.md): at most \`maxLength\` characters; \`multiline\` lets it hold tabs
  and line breaks.
  """
  directive @text(
    "At most this many characters."
    maxLength: Int
    "Whether tabs, line feeds and carriage returns are allowed."
    multiline: Boolean = false
  ) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
`);

/** A subgraph's SDL file, parsed, with the runtime's own directives defined. */
export function readSubgraphSdl(file: string): DocumentNode {
  return concatAST([RUNTIME_DIRECTIVES, parse(fs.readFileSync(file, 'utf8'))]);
}
