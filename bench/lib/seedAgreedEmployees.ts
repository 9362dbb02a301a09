import { contractOperation } from '../../test-support/contractOperation';
import { agreementInput, personInput } from '../../test-support/seedOrganisation';
import type { Call } from './graphqlCall';
import type { PlatformProcess } from './startPlatformProcess';

/**
 * `count` people with an agreement each, created through the gateway as HR; returns their
 * ids. Agreements learns of each employee by event, so each agreement is retried until
 * accepted.
 */
export async function seedAgreedEmployees(
  platform: PlatformProcess,
  gql: Call,
  count: number,
  lastName: string,
): Promise<string[]> {
  const hr = await platform.token('HR', 'service:bench');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const input = personInput('Bench', `${lastName}${i}`);
    ids.push((await gql(contractOperation('CreateEmployee'), { input }, hr)).createEmployee.id);
  }
  for (const employeeId of ids) {
    const input = agreementInput(employeeId, '2025-04-01', '2026-03-31');
    for (;;) {
      try {
        await gql(contractOperation('CreateAgreement'), { input }, hr);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  return ids;
}
