/** One employee as a partner reads them: the directory fields `employees:read` opens. */
export interface DirectoryEntry {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  department: string;
  jobTitle: string;
  status: string;
}

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: DirectoryEntry[];
}

const PAGE = `query EmployeesPage($after: String) {
  employees(first: 100, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { id employeeNumber firstName lastName email department jobTitle status }
  }
}`;

const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000));

/** `RateLimit: limit=120, remaining=119, reset=60` as numbers. */
function quotaOf(response: Response): Record<string, number> {
  const header = response.headers.get('ratelimit') ?? '';
  return Object.fromEntries(
    header.split(',').map((part) => {
      const [key, value] = part.trim().split('=');
      return [key, Number(value)];
    }),
  );
}

/**
 * Reads the whole directory a page at a time: paced by the `RateLimit` header, waiting
 * `Retry-After` (plus jitter) on a 429 and asking for the same page again.
 */
export async function syncEmployees(gateway: string, token: string) {
  const employees: DirectoryEntry[] = [];
  let after: string | null = null;
  let quota: Record<string, number> = {};
  for (;;) {
    const response = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PAGE, variables: { after } }),
    });
    if (response.status === 429) {
      await sleep(Number(response.headers.get('retry-after')) + Math.random() * 2);
      continue;
    }
    const body = (await response.json()) as {
      data?: { employees: Page };
      errors?: { message: string; extensions: { code: string } }[];
    };
    if (body.errors)
      throw new Error(`${body.errors[0].extensions.code}: ${body.errors[0].message}`);
    const page = body.data!.employees;
    employees.push(...page.nodes);
    quota = quotaOf(response);
    if (!page.pageInfo.hasNextPage) return { employees, quota };
    after = page.pageInfo.endCursor;
    // Spread what is left of the quota over what is left of the window.
    if (quota.remaining < 10) await sleep(quota.reset / Math.max(quota.remaining, 1));
  }
}
