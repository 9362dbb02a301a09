import type { Problem } from '../../api/problemsOf';
import type { SessionStore } from '../../auth/sessionStore';

/**
 * Saves the audit export (GET /audit/export) of every entry matching `filter` as a file. The
 * route wants the bearer token, so it is fetched here rather than followed as a link; a 401
 * refreshes the token once. Rejects with a {@link Problem} naming the parameter at fault.
 */
export async function downloadExport(
  session: SessionStore,
  format: 'csv' | 'ndjson',
  filter: Record<string, string>,
): Promise<void> {
  const url = `/audit/export?${new URLSearchParams({ format, ...filter }).toString()}`;
  const send = () => fetch(url, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
  let response = await send();
  if (response.status === 401 && (await session.refresh())) response = await send();
  if (!response.ok) throw await refusalOf(response);
  const blob = await response.blob();
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `audit-log.${format}`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

async function refusalOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as {
      errors?: { message: string; extensions?: { code?: string; field?: string } }[];
    };
    const first = body.errors?.[0];
    if (first)
      return {
        message: first.message,
        code: first.extensions?.code,
        field: first.extensions?.field,
      };
  } catch {
    // Not JSON: say what the server answered.
  }
  return { message: `The export failed: the server answered ${response.status}.` };
}
