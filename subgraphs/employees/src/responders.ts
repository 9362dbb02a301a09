import { EMPLOYEE_QUESTION, type EmployeeAnswer, type ResponderDefinition } from '../../../runtime';
import { EmployeeSchema } from './entities';
import { createdData } from './events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^[A-Za-z0-9-]{1,20}$/;

/** The question's `employeeId`, else its `employeeNumber`, when either is one; else null. */
function whereOf(question: Record<string, unknown>) {
  const { employeeId: id, employeeNumber: number } = question;
  if (typeof id === 'string' && UUID.test(id)) return { id };
  if (typeof number === 'string' && NUMBER.test(number)) return { employeeNumber: number };
  return null;
}

/**
 * Tells a subgraph that has no copy of an employee yet who they are, asked by id or by the
 * employee number they hold: what the created event carries (never salary or phone), at the
 * current version, and the termination date; null when there is nobody so.
 */
export const employeeResponder: ResponderDefinition = {
  name: EMPLOYEE_QUESTION,
  async answer(question, { em }): Promise<EmployeeAnswer> {
    const where = whereOf(question);
    const employee = where && (await em.findOne(EmployeeSchema, where));
    if (!employee) return { employee: null };
    return {
      employee: { ...createdData(employee), terminationDate: employee.terminationDate ?? null },
    };
  },
};
