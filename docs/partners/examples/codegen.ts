import type { CodegenConfig } from '@graphql-codegen/cli';
import { preset } from '@graphql-codegen/client-preset';

/**
 * Typed operations from the live schema, read with a PARTNER token:
 * `GATEWAY_URL=… TOKEN=… npx graphql-codegen --config codegen.ts` writes `generated/`.
 */
const config: CodegenConfig = {
  schema: [
    {
      [`${process.env.GATEWAY_URL}/graphql`]: {
        headers: { authorization: `Bearer ${process.env.TOKEN}` },
      },
    },
  ],
  documents: [`${__dirname}/employees.graphql`],
  // The preset itself rather than its name, which is looked up from the working directory.
  generates: { 'generated/': { preset } },
};

export default config;
