import { signIn } from '../../../test-support/accounts';
import {
  createSignedUpEmployee,
  TEST_PASSWORD,
  type WebPlatform,
} from '../../../test-support/browser';
import { waitFor } from '../../../test-support/waitFor';

type Name = [first: string, last: string];

/**
 * A manager and a report of theirs, both with an account; it returns once the manager signs in
 * as a MANAGER, which accounts makes them on hearing that someone reports to them.
 */
export async function createManagerAndReport(
  platform: WebPlatform,
  [managerFirst, managerLast]: Name,
  [reportFirst, reportLast]: Name,
  extra: Record<string, unknown> = {},
): Promise<{ manager: { id: string; email: string }; report: { id: string; email: string } }> {
  const manager = await createSignedUpEmployee(platform, managerFirst, managerLast, extra);
  const report = await createSignedUpEmployee(platform, reportFirst, reportLast, {
    ...extra,
    managerId: manager.id,
  });
  await waitFor(async () => {
    const reply = await signIn(platform.origin, manager.email, TEST_PASSWORD);
    return reply.body?.user?.role === 'MANAGER' || undefined;
  });
  return { manager, report };
}
