import { EMPLOYEE_QUESTION, type EmployeeAnswer, type ResponderDefinition } from '../../../runtime';
import { EmployeeSchema } from './entities';
import { createdData } from './events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tells a subgraph that has no copy of an employee yet who they are: what the created
 * event carries (never salary or phone), at the current version, and the termination
 * date; null when there is nobody of that id.
 */
export const employeeResponder: ResponderDefinition = {
  name: EMPLOYEE_QUESTION,
  async answer(question, { em }): Promise<EmployeeAnswer> {
    const id = question.employeeId;
    if (typeof id !== 'string' || !UUID.test(id)) return { employee: null };
    const employee = await em.findOne(EmployeeSchema, id);
    if (!employee) return { employee: null };
    return {
      employee: { ...createdData(employee), terminationDate: employee.terminationDate ?? null },
    };
  },
};
