import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** The policy version that judged a refusal, as the server names it. */
export interface PolicyRef {
  kind: string;
  key: string;
  version: number;
}

/** One thing the server refused, ready to show beside its field or above the form. */
export interface Problem {
  message: string;
  code?: string;
  field?: string;
  policy?: PolicyRef;
  /** The entries a new or changed time entry clashes with. */
  clashes?: { id: string; startTime: string; endTime: string | null; clash: string }[];
}

/** What a form shows: problems by field, and those that name no field. */
export interface Problems {
  byField: Record<string, Problem>;
  general: Problem[];
}

export const NO_PROBLEMS: Problems = { byField: {}, general: [] };

function fromExtensions(message: string, extensions: Record<string, unknown> | undefined): Problem {
  const ext = extensions ?? {};
  return {
    message,
    code: typeof ext.code === 'string' ? ext.code : undefined,
    field: typeof ext.field === 'string' ? ext.field : undefined,
    policy: ext.policy as PolicyRef | undefined,
    clashes: Array.isArray(ext.clashes) ? (ext.clashes as Problem['clashes']) : undefined,
  };
}

/**
 * The problems of a failed GraphQL request: server field errors beside their field. With
 * `fields`, an error naming a field the form does not show is listed with the general ones.
 */
export function problemsOf(error: unknown, fields?: readonly string[]): Problems {
  let list: Problem[];
  if (CombinedGraphQLErrors.is(error)) {
    list = error.errors.map((e) => fromExtensions(e.message, e.extensions));
  } else if (ServerError.is(error)) {
    list = [{ message: `The server answered ${error.statusCode}; try again.` }];
  } else if (error instanceof Error) {
    list = [{ message: error.message }];
  } else {
    list = [];
  }
  const byField: Record<string, Problem> = {};
  const general: Problem[] = [];
  for (const problem of list) {
    const shown = problem.field && (!fields || fields.includes(problem.field));
    if (shown && !byField[problem.field!]) byField[problem.field!] = problem;
    else general.push(problem);
  }
  return { byField, general };
}

/** `LEAVE/ANNUAL v3`: the rule as the policy pages name it. */
export const policyLabel = (policy: PolicyRef) =>
  `${policy.kind}${policy.key === 'DEFAULT' ? '' : `/${policy.key}`} v${policy.version}`;
