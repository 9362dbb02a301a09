import { OIDC_ROLES, type OidcRole } from '../../../../runtime';
import type { OidcOptions } from './oidcOptions';

export type Claims = Record<string, unknown>;

/**
 * A claim by name; a name with dots that is no claim itself is a path into nested claims
 * (`realm_access.roles`), while a namespaced claim (`https://example.org/roles`) is read whole.
 */
export function claimOf(claims: Claims, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Claims)[part];
  }
  return value;
}

/**
 * The role the person's claim values map to. Someone in several mapped groups gets the first
 * of ADMIN, HR, FINANCE, AUDITOR, MANAGER, EMPLOYEE among them; none mapped: undefined.
 */
export function mappedRole(claims: Claims, options: OidcOptions): OidcRole | undefined {
  const raw = claimOf(claims, options.roleClaim);
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => typeof v === 'string');
  const roles = new Set(values.map((v) => options.roleMap.get(v)));
  return OIDC_ROLES.find((role) => roles.has(role));
}

/** The employee id the claims name, if they name one that could be an id. */
export function employeeIdOf(claims: Claims, options: OidcOptions): string | undefined {
  const raw = claimOf(claims, options.employeeClaim);
  return typeof raw === 'string' && raw.length > 0 && raw.length <= 36 ? raw : undefined;
}
