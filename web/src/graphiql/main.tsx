import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

/**
 * GraphiQL against this gateway. Requests carry the neutral preflight header the gateway's
 * CSRF check wants; a developer pastes `Authorization: Bearer …` into the header editor.
 * Introspection (and so the docs and completion) follows the gateway's own rules.
 */
const fetcher = async (params: unknown, options?: { headers?: Record<string, string> }) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'graphql-require-preflight': '1',
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultHeaders={'{\n  "Authorization": "Bearer "\n}'} />,
);
