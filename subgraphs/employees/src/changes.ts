import { type Cipher, createInputCheck } from '../../../runtime';
import type { Employee } from './entities';
import { lifecycle } from './errors';
import type { Changes } from './events';
import * as check from './inputs';
import type { CreateEmployeeInput, Money, UpdateEmployeeInput } from './inputs';

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

const MASK = '***';

const seal = (cipher: Cipher, plain: string | null) =>
  plain === null ? null : cipher.encrypt(plain);
const sealMoney = (cipher: Cipher, money: Money | null) =>
  money === null ? null : cipher.encrypt(JSON.stringify(money));

/** Checks every field of a create input; all the bad ones are refused together. */
export function newEmployee(input: CreateEmployeeInput, cipher: Cipher): NewEmployee {
  const status = input.status ?? 'ACTIVE';
  if (status === 'TERMINATED') throw lifecycle('A new employee cannot start TERMINATED.');
  const inputCheck = createInputCheck();
  const field = inputCheck.field;
  const email = field(() => check.email(input.email));
  const values = {
    employeeNumber:
      input.employeeNumber == null ? null : field(() => check.employeeNumber(input.employeeNumber)),
    firstName: field(() => check.text('firstName', input.firstName)),
    lastName: field(() => check.text('lastName', input.lastName)),
    email,
    emailKey: email && check.emailKey(email),
    phoneSealed: field(() => seal(cipher, check.phone(input.phone))),
    department: field(() => check.text('department', input.department)),
    jobTitle: field(() => check.text('jobTitle', input.jobTitle)),
    grade: field(() => check.text('grade', input.grade, 20)),
    employmentType: field(() => check.employmentType(input.employmentType)),
    status,
    hireDate: field(() => check.isoDate('hireDate', input.hireDate)),
    terminationDate: null,
    managerId: input.managerId ?? null,
    location: field(() => check.location(input.location ?? check.DEFAULT_LOCATION)),
    timeZone: field(() => check.timeZone(input.timeZone ?? check.DEFAULT_TIME_ZONE)),
    salarySealed: field(() => sealMoney(cipher, check.salary(input.salary))),
  };
  inputCheck.done();
  return values as NewEmployee;
}

/**
 * Checks the fields an update names, all the bad ones refused together; null clears
 * phone or salary and is refused elsewhere.
 */
export function patchOf(input: UpdateEmployeeInput): Patch {
  const patch: Patch = {};
  const inputCheck = createInputCheck();
  const has = (name: keyof UpdateEmployeeInput) => input[name] !== undefined;
  const set = <K extends keyof Patch>(key: K, value: () => Patch[K]) => {
    if (!has(key)) return;
    const checked = inputCheck.field(value);
    if (checked !== undefined) patch[key] = checked;
  };
  set('employeeNumber', () => check.employeeNumber(input.employeeNumber));
  for (const name of ['firstName', 'lastName', 'department', 'jobTitle'] as const)
    set(name, () => check.text(name, input[name]));
  set('grade', () => check.text('grade', input.grade, 20));
  set('email', () => check.email(input.email));
  set('employmentType', () => check.employmentType(input.employmentType));
  set('hireDate', () => check.isoDate('hireDate', input.hireDate));
  set('location', () => check.location(input.location));
  set('timeZone', () => check.timeZone(input.timeZone));
  set('phone', () => check.phone(input.phone));
  set('salary', () => check.salary(input.salary));
  inputCheck.done();
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
    if (old !== next)
      changes[field] = { old: old === null ? null : MASK, new: next === null ? null : MASK };
  }
  return changes;
}

/** The clear value of a personal field, as a comparable string. */
function personal(employee: Employee, field: PersonalField, cipher: Cipher): string | null {
  const sealed = field === 'phone' ? employee.phoneSealed : employee.salarySealed;
  if (sealed == null) return null;
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
