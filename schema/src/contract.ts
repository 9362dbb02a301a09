import fs from 'node:fs';
import path from 'node:path';
import {
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { Supergraph } from '@apollo/federation-internals';

/** Where the front end's operations live: `schema/contract/` (see its README). */
export const CONTRACT_DIR = path.resolve(__dirname, '../contract');

export interface ContractOperation {
  name: string;
  file: string;
  document: DocumentNode;
}

/** Every named operation of every contract file, each as its own document. */
export function loadContract(dir = CONTRACT_DIR): ContractOperation[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  return files.flatMap((file) => {
    const document = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    return document.definitions.map((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) {
        throw new Error(`${file}: every contract operation must be named.`);
      }
      return {
        name: definition.name.value,
        file,
        document: { ...document, definitions: [definition] },
      };
    });
  });
}

/** The API schema clients see (federation internals removed) of a supergraph. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export function validateOperation(schema: GraphQLSchema, operation: ContractOperation): string[] {
  // graphql-js 16 skips every field check when the operation's root type is
  // missing, so an operation on an absent Subscription type would pass.
  const definition = operation.document.definitions[0] as OperationDefinitionNode;
  if (!schema.getRootType(definition.operation)) {
    return [`The schema has no ${definition.operation} type.`];
  }
  return validate(schema, operation.document).map((e) => e.message);
}
