import { identityFromClaims } from '../../src/auth/identityFromClaims';

describe('identityFromClaims', () => {
  const claims = { sub: 'integration-user', role: 'PARTNER', exp: 2_000_000_000 };

  it('counts a partner by the client its token was issued to: client_id, else azp, else sub', () => {
    expect(identityFromClaims({ ...claims, client_id: 'payroll', azp: 'other' }, 't').client).toBe(
      'payroll',
    );
    expect(identityFromClaims({ ...claims, azp: 'rota-app' }, 't').client).toBe('rota-app');
    expect(identityFromClaims({ ...claims, client_id: '' }, 't').client).toBe('integration-user');
  });

  it('gives no client to other roles, whatever the token says', () => {
    const identity = identityFromClaims({ ...claims, role: 'EMPLOYEE', client_id: 'x' }, 't');
    expect(identity.client).toBeUndefined();
  });
});
