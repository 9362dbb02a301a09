import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CATALOGUE_DIR } from '../../../messaging';
import { DomainError, ErrorCode } from '../errors';
import { NoOwnerError, OwnerUnavailableError, type AskOwner } from '../ownerRequests';
import type { EmployeeEventData } from './employeeEvents';

/** The question employees answers: who is `employeeId` (or holds `employeeNumber`), as its events say. */
export const EMPLOYEE_QUESTION = 'employees.employee';

/** An employee as employees answers the question: what its events carry, never more. */
export interface LookedUpEmployee extends Omit<EmployeeEventData, 'terminationDate'> {
  terminationDate: string | null;
}

/** The answer: the employee, or null when employees has nobody of that id. */
export interface EmployeeAnswer {
  employee: LookedUpEmployee | null;
}

let checkAnswer: ValidateFunction<EmployeeAnswer> | undefined;

/**
 * Checks an answer like an event: the record is the `employees.employee.created`
 * contract plus `terminationDate`, with no other field.
 */
export function validEmployeeAnswer(answer: unknown): answer is EmployeeAnswer {
  if (!checkAnswer) {
    // The one contract, read alone: compiling the whole catalogue would hold the event loop.
    const file = path.join(CATALOGUE_DIR, 'employees.employee.created.v1.json');
    const created = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      schema: { $schema?: string; properties: object; required: string[] };
    };
    const { $schema: _draft, ...record } = created.schema;
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
    addFormats(ajv);
    checkAnswer = ajv.compile<EmployeeAnswer>({
      type: 'object',
      additionalProperties: false,
      required: ['employee'],
      properties: {
        employee: {
          anyOf: [
            { type: 'null' },
            {
              ...record,
              required: [...record.required, 'terminationDate'],
              properties: {
                ...record.properties,
                terminationDate: { type: ['string', 'null'], format: 'date' },
              },
            },
          ],
        },
      },
    });
  }
  return checkAnswer(answer);
}

/** Whom the question is about: an employee's id, or the employee number they hold now. */
type Who = { employeeId: string } | { employeeNumber: string };

const named = (who: Who) =>
  'employeeId' in who ? `Employee ${who.employeeId}` : `Employee number ${who.employeeNumber}`;

const retryLater = (who: Who, cause: unknown) =>
  new DomainError(
    ErrorCode.UNAVAILABLE,
    `${named(who)} is not known here yet and the employees service cannot be asked now. Retry in a moment.`,
    'OWNER_UNAVAILABLE',
    { cause },
  );

const isAbout = (employee: LookedUpEmployee, who: Who) =>
  'employeeId' in who
    ? employee.employeeId === who.employeeId
    : employee.employeeNumber === who.employeeNumber;

/**
 * Asks employees who someone is: the record, or null when there is nobody of that id or
 * number (or, without NATS, nobody to ask). UNAVAILABLE (retry) when employees does not
 * answer or answers out of contract.
 */
async function lookUp(askOwner: AskOwner, who: Who): Promise<LookedUpEmployee | null> {
  let answer: unknown;
  try {
    answer = await askOwner(EMPLOYEE_QUESTION, who);
  } catch (error) {
    // No NATS: nobody to ask, and no event will come either; the copy is all there is.
    if (error instanceof NoOwnerError) return null;
    if (error instanceof OwnerUnavailableError) throw retryLater(who, error);
    throw error;
  }
  if (!validEmployeeAnswer(answer))
    throw retryLater(who, new Error('The employees answer does not fit its contract.'));
  if (answer.employee && !isAbout(answer.employee, who))
    throw retryLater(who, new Error('The employees answer is about someone else.'));
  return answer.employee;
}

/** `lookUp` by id: who `employeeId` is. */
export const lookUpEmployee = (askOwner: AskOwner, employeeId: string) =>
  lookUp(askOwner, { employeeId });

/** `lookUp` by number: who holds `employeeNumber` now. */
export const lookUpEmployeeByNumber = (askOwner: AskOwner, employeeNumber: string) =>
  lookUp(askOwner, { employeeNumber });
