import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createCipher, loadConfig, readSignInSettings } from '../../../runtime';
import { claimOf, employeeIdOf, mappedRole } from '../src/oidc/claims';
import { flowCookie, flowOf } from '../src/oidc/flowCookie';
import { oidcOptionsOf } from '../src/oidc/oidcOptions';

const OIDC = {
  OIDC_ISSUER: 'https://id.example.org/realms/staff',
  OIDC_CLIENT_ID: 'hr-platform',
  OIDC_ROLE_MAP: '{"staff":"EMPLOYEE","hr-team":"HR","auditors":"AUDITOR","admins":"ADMIN"}',
};

describe('OpenID Connect settings', () => {
  it('are off without OIDC_ISSUER, and then take no other OIDC setting', () => {
    expect(oidcOptionsOf(readSignInSettings({}))).toBeNull();
    expect(() => readSignInSettings({ OIDC_CLIENT_ID: 'x' })).toThrow(
      'OIDC_CLIENT_ID: is set, but OIDC_ISSUER is not',
    );
  });

  it('name what is missing or wrong, as the configuration checked at start', () => {
    const bad = (env: Record<string, string>) => () => loadConfig({ ...OIDC, ...env });
    expect(bad({ OIDC_CLIENT_ID: '' })).toThrow('OIDC_CLIENT_ID');
    expect(bad({ OIDC_ISSUER: 'http://id.example.org' })).toThrow(
      'OIDC_ISSUER: must be an https: URL (http: only for localhost)',
    );
    expect(bad({ OIDC_ROLE_MAP: 'hr-team=HR' })).toThrow(
      'OIDC_ROLE_MAP: must be a JSON object from claim value to role',
    );
    expect(bad({ OIDC_ROLE_MAP: '{"partners":"PARTNER"}' })).toThrow(
      'OIDC_ROLE_MAP: maps "partners" to "PARTNER"',
    );
    expect(bad({ OIDC_SCOPES: 'profile email' })).toThrow('OIDC_SCOPES: must include openid');
    const { OIDC_ROLE_MAP: _map, ...withoutMap } = OIDC;
    expect(() => loadConfig(withoutMap)).toThrow('OIDC_ROLE_MAP: is required with OIDC_ISSUER');
    expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: 'http://localhost:8080' })).not.toThrow();
  });

  it('derive the callback from PUBLIC_URL and the provider name from the issuer', () => {
    const options = oidcOptionsOf(
      readSignInSettings({ ...OIDC, PUBLIC_URL: 'https://hr.example.org/' }),
    )!;
    expect(options.redirectUri).toBe('https://hr.example.org/auth/oidc/callback');
    expect(options.home).toBe('https://hr.example.org/');
    expect(options.name).toBe('id.example.org');
    expect(options).toMatchObject({ roleClaim: 'roles', employeeClaim: 'employee_id' });
  });
});

describe('OpenID Connect claims', () => {
  const options = oidcOptionsOf(readSignInSettings(OIDC))!;

  it('map to the strongest role among the mapped values, whatever their order', () => {
    expect(mappedRole({ roles: ['staff', 'hr-team'] }, options)).toBe('HR');
    expect(mappedRole({ roles: ['auditors', 'admins', 'staff'] }, options)).toBe('ADMIN');
    expect(mappedRole({ roles: 'staff' }, options)).toBe('EMPLOYEE');
    expect(mappedRole({ roles: ['contractors'] }, options)).toBeUndefined();
    expect(mappedRole({ roles: [{ name: 'staff' }] }, options)).toBeUndefined();
    expect(mappedRole({}, options)).toBeUndefined();
  });

  it('are read whole by name, or along a path of nested claims', () => {
    const claims = {
      'https://example.org/roles': ['staff'],
      realm_access: { roles: ['hr-team'] },
    };
    expect(claimOf(claims, 'https://example.org/roles')).toEqual(['staff']);
    expect(claimOf(claims, 'realm_access.roles')).toEqual(['hr-team']);
    expect(claimOf(claims, 'realm_access.nothing.here')).toBeUndefined();
    expect(claimOf(claims, 'constructor')).toBeUndefined();
  });

  it('name an employee only with a string that could be an id', () => {
    expect(employeeIdOf({ employee_id: 'a'.repeat(36) }, options)).toBe('a'.repeat(36));
    expect(employeeIdOf({ employee_id: 42 }, options)).toBeUndefined();
    expect(employeeIdOf({ employee_id: 'x'.repeat(37) }, options)).toBeUndefined();
  });
});

describe('the flow cookie', () => {
  const cipher = createCipher(crypto.randomBytes(32));
  const flow = { state: 'state-1', nonce: 'nonce-1', verifier: 'verifier-1' };
  const now = new Date('2026-05-01T10:00:00Z');
  const requestWith = (cookie: string) => ({ headers: { cookie } }) as IncomingMessage;
  const valueOf = (setCookie: string) => setCookie.split(';')[0];

  it('gives back the flow it sealed, for 10 minutes', () => {
    const cookie = valueOf(flowCookie(cipher, flow, now, true));
    expect(flowOf(cipher, requestWith(cookie), now)).toEqual(flow);
    const later = new Date(now.getTime() + 600_000);
    expect(flowOf(cipher, requestWith(cookie), later)).toBeUndefined();
  });

  it('gives nothing for a cookie altered, sealed with another key, or absent', () => {
    const cookie = valueOf(flowCookie(cipher, flow, now, false));
    const altered = cookie.slice(0, -2) + (cookie.endsWith('A') ? 'BB' : 'AA');
    expect(flowOf(cipher, requestWith(altered), now)).toBeUndefined();
    const other = createCipher(crypto.randomBytes(32));
    expect(flowOf(other, requestWith(cookie), now)).toBeUndefined();
    expect(flowOf(cipher, requestWith('hr_refresh=x'), now)).toBeUndefined();
    expect(flowOf(cipher, requestWith('hr_oidc=bnVsbA'), now)).toBeUndefined();
  });
});
