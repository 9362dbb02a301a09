import fs from 'node:fs';
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { apiSchemaOf } from '../../schema/src/contract';

export const WEB_DIR = path.resolve(__dirname, '..');
export const SUPERGRAPH_FILE = path.resolve(WEB_DIR, '../schema/supergraph.graphql');
/** Where the generated types live (committed: see docs/web.md). */
export const GENERATED_DIR = path.join(WEB_DIR, 'src/gql');

/**
 * Types for every operation in web/src/**\/*.graphql, from the API schema clients see (the
 * committed supergraph without its federation internals).
 */
export function codegenConfig(
  supergraphSdl = fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
): CodegenConfig {
  return {
    schema: printSchema(apiSchemaOf(supergraphSdl)),
    documents: [path.join(WEB_DIR, 'src/**/*.graphql')],
    silent: true,
    generates: {
      [`${GENERATED_DIR}/`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          // A result spreading a fragment is typed as its own fields & that fragment's type, so a
          // fragment's fields are written once rather than again in every operation that uses it.
          // Fragments stay unmasked: a page reads every field it selected, as before.
          inlineFragmentTypes: 'combine',
          scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
        },
      },
    },
  };
}
