import type { GraphQLFormattedError } from 'graphql';

/** The header a GET or form request sends to show it is not a cross-site forgery. */
export const PREFLIGHT_HEADER = 'graphql-require-preflight';

/**
 * Messages that name the server's engine, or that fingerprinting tools (graphw00f) key
 * on, in neutral words with the same meaning.
 */
const NEUTRAL: [RegExp, string][] = [
  [
    /^This operation has been blocked as a potential Cross-Site Request Forgery[\s\S]*$/,
    `This request was refused as a possible cross-site request forgery (CSRF): send it as JSON (content-type: application/json), or with a non-empty ${PREFLIGHT_HEADER} header.`,
  ],
  [/^Apollo Server supports only GET\/POST requests\.$/, 'Only GET and POST requests are served.'],
  [
    /^Apollo server received an operation that uses incremental delivery[\s\S]*$/,
    'Incremental delivery (@defer, @stream) is not served.',
  ],
  [/^GraphQL queries must be strings\. [\s\S]*$/, 'GraphQL queries must be strings.'],
  [
    /^Directive "@(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\.$/,
    'Directive "@$1" needs its argument "$2" ($3).',
  ],
  [/^Directive "@(\w+)" may not be used on (\w+)\.$/, 'Directive "@$1" is not allowed on $2.'],
];

export function neutralMessage(message: string): string {
  for (const [pattern, replacement] of NEUTRAL) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  return message;
}

export const neutralError = (formatted: GraphQLFormattedError): GraphQLFormattedError => {
  const message = neutralMessage(formatted.message);
  return message === formatted.message ? formatted : { ...formatted, message };
};
