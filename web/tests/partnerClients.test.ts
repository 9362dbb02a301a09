import { roleSuite, seriousViolations } from './roleSession';

const admin = roleSuite('ADMIN', '/admin/partners');

/** The partner's side: OAuth client credentials at POST /auth/token (docs/partners.md). */
async function askForToken(id: string, secret: string) {
  const response = await fetch(`${admin.platform.origin}/auth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('partner clients in the browser', () => {
  let id: string;
  let secret: string;

  it('makes a client with its scopes and quota, and shows its secret once', async () => {
    const { page } = admin;
    await page.getByRole('heading', { name: 'Partner clients', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Partner name').fill('Acme Payroll');
    await page.getByLabel('Scopes').fill('employees:read');
    await page.getByLabel('Requests a minute').fill('600');
    await page.getByRole('button', { name: 'Make the client' }).click();
    const shown = page.getByRole('region', { name: 'New client secret' });
    await shown.waitFor();
    [id, secret] = (await shown.locator('dd').allTextContents()).map((t) => t.trim());
    expect(id).toMatch(/^partner-/);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    expect(await seriousViolations(page)).toEqual([]);

    const row = page.getByRole('row').filter({ hasText: 'Acme Payroll' });
    await row.waitFor();
    expect(await row.textContent()).toContain('employees:read');
    expect(await row.textContent()).toContain('600 requests');
    expect(await row.textContent()).toContain('Active');

    // Once put away, the secret is nowhere: not on the page, not after a reload.
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Acme Payroll' }).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('the partner gets a token with that id and secret, with the scopes given', async () => {
    const answer = await askForToken(id, secret);
    expect(answer).toMatchObject({
      status: 200,
      body: { token_type: 'Bearer', scope: 'employees:read', access_token: expect.any(String) },
    });
    const read = await fetch(`${admin.platform.origin}/graphql`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${String(answer.body.access_token)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ query: '{ employees(first: 1) { totalCount } }' }),
    });
    expect(((await read.json()) as { errors?: unknown }).errors).toBeUndefined();
  });

  it('revokes the client, which then gets no token', async () => {
    const { page } = admin;
    const row = page.getByRole('row').filter({ hasText: 'Acme Payroll' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Revoke Acme Payroll now' }).click();
    await row.getByRole('cell', { name: /^Revoked / }).waitFor();
    expect(await askForToken(id, secret)).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });
});
