import { GRADES, type Person } from '../organisation';
import type { SeedContext } from '../SeedContext';

const CREATE_EMPLOYEE = `mutation SeedEmployee($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }`;

const emailOf = (person: Person) =>
  `${person.firstName}.${person.lastName}@trust.example`.toLowerCase();

/** Creates everyone as HR would, managers first; the same key again creates nobody. */
export async function seedPeople(ctx: SeedContext): Promise<number> {
  for (const person of ctx.people) {
    const salaryMinor = GRADES.find((g) => g.code === person.grade)!.salaryMinor;
    const input = {
      idempotencyKey: `employee-${person.key}`,
      firstName: person.firstName,
      lastName: person.lastName,
      email: emailOf(person),
      phone: '+44 20 7946 0000',
      department: person.department,
      jobTitle: person.jobTitle,
      grade: person.grade,
      employmentType: 'FULL_TIME',
      hireDate: person.hireDate,
      location: person.location,
      timeZone: person.timeZone,
      salary: { amountMinor: salaryMinor, currency: 'GBP' },
      ...(person.manager && { managerId: ctx.ids.get(person.manager) }),
    };
    const data = await ctx.client.request<{ createEmployee: { id: string } }>(
      ctx.hr,
      CREATE_EMPLOYEE,
      { input },
    );
    ctx.ids.set(person.key, data.createEmployee.id);
  }
  ctx.log(`people: ${ctx.people.length}`);
  return ctx.people.length;
}
