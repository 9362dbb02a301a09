import type { Cipher } from '../../../runtime/src/cipher';
import type { Employee } from './entities';
import { lifecycle } from './errors';
import type { CreateEmployeeInput, UpdateEmployeeInput } from './inputs';
import * as check from './validation';
import type { Money } from './validation';

/** A checked create input: the columns, the employee number still to choose when absent. */
export type NewEmployee = Omit<
  Employee,
  'id' | 'employeeNumber' | 'version' | 'createdAt' | 'updatedAt'
> & { employeeNumber: string | null };

/** Fields `updateEmployee` may change whose values events may carry, in event order. */
const PLAIN_FIELDS = [
  'employeeNumber',
  'firstName',
  'lastName',
  'email',
  'department',
  'jobTitle',
  'grade',
  'employmentType',
  'hireDate',
  'location',
  'timeZone',
] as const;
type PlainField = (typeof PLAIN_FIELDS)[number];

/** Personal fields: sealed at rest, masked in events. */
const PERSONAL_FIELDS = ['phone', 'salary'] as const;
type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** A checked update: only the fields it names. */
export type Patch = Partial<Record<PlainField, string>> & {
  phone?: string | null;
  salary?: Money | null;
};

export type Changes = Record<string, { old: string | null; new: string | null }>;

const MASK = '***';

const seal = (cipher: Cipher, plain: string | null) =>
  plain === null ? null : cipher.encrypt(plain);
const sealMoney = (cipher: Cipher, money: Money | null) =>
  money === null ? null : cipher.encrypt(JSON.stringify(money));

export function newEmployee(input: CreateEmployeeInput, cipher: Cipher): NewEmployee {
  const status = input.status ?? 'ACTIVE';
  if (status === 'TERMINATED') throw lifecycle('A new employee cannot start TERMINATED.');
  const email = check.email(input.email);
  return {
    employeeNumber:
      input.employeeNumber == null ? null : check.employeeNumber(input.employeeNumber),
    firstName: check.text('firstName', input.firstName),
    lastName: check.text('lastName', input.lastName),
    email,
    emailKey: check.emailKey(email),
    phoneSealed: seal(cipher, check.phone(input.phone)),
    department: check.text('department', input.department),
    jobTitle: check.text('jobTitle', input.jobTitle),
    grade: check.text('grade', input.grade, 20),
    employmentType: check.employmentType(input.employmentType),
    status,
    hireDate: check.isoDate('hireDate', input.hireDate),
    terminationDate: null,
    managerId: input.managerId ?? null,
    location: check.location(input.location ?? check.DEFAULT_LOCATION),
    timeZone: check.timeZone(input.timeZone ?? check.DEFAULT_TIME_ZONE),
    salarySealed: sealMoney(cipher, check.salary(input.salary)),
  };
}

/** Checks the fields an update names; null clears phone or salary and is refused elsewhere. */
export function patchOf(input: UpdateEmployeeInput): Patch {
  const patch: Patch = {};
  const has = (field: keyof UpdateEmployeeInput) => input[field] !== undefined;
  if (has('employeeNumber')) patch.employeeNumber = check.employeeNumber(input.employeeNumber);
  for (const field of ['firstName', 'lastName', 'department', 'jobTitle'] as const)
    if (has(field)) patch[field] = check.text(field, input[field]);
  if (has('grade')) patch.grade = check.text('grade', input.grade, 20);
  if (has('email')) patch.email = check.email(input.email);
  if (has('employmentType')) patch.employmentType = check.employmentType(input.employmentType);
  if (has('hireDate')) patch.hireDate = check.isoDate('hireDate', input.hireDate);
  if (has('location')) patch.location = check.location(input.location);
  if (has('timeZone')) patch.timeZone = check.timeZone(input.timeZone);
  if (has('phone')) patch.phone = check.phone(input.phone);
  if (has('salary')) patch.salary = check.salary(input.salary);
  return patch;
}

/** What the patch really changes, as the updated event reports it (personal values masked). */
export function changesOf(employee: Employee, patch: Patch, cipher: Cipher): Changes {
  const changes: Changes = {};
  for (const field of PLAIN_FIELDS) {
    const next = patch[field];
    if (next !== undefined && next !== employee[field])
      changes[field] = { old: employee[field], new: next };
  }
  for (const field of PERSONAL_FIELDS) {
    if (patch[field] === undefined) continue;
    const old = personal(employee, field, cipher);
    const next = patch[field] === null ? null : JSON.stringify(patch[field]);
    if (old !== next) changes[field] = { old: old && MASK, new: next && MASK };
  }
  return changes;
}

/** The clear value of a personal field, as a comparable string. */
function personal(employee: Employee, field: PersonalField, cipher: Cipher): string | null {
  const sealed = field === 'phone' ? employee.phoneSealed : employee.salarySealed;
  if (sealed === null) return null;
  const plain = cipher.decrypt(sealed);
  return field === 'phone' ? JSON.stringify(plain) : plain;
}

export function applyPatch(employee: Employee, patch: Patch, cipher: Cipher): void {
  for (const field of PLAIN_FIELDS) {
    const next = patch[field];
    if (next !== undefined) Object.assign(employee, { [field]: next });
  }
  if (patch.email) employee.emailKey = check.emailKey(patch.email);
  if (patch.phone !== undefined) employee.phoneSealed = seal(cipher, patch.phone);
  if (patch.salary !== undefined) employee.salarySealed = sealMoney(cipher, patch.salary);
}
