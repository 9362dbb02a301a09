import { createLocalIssuer } from '../runtime/src/auth';
import { ConfigError, loadConfig } from '../runtime/src/config';

/**
 * `npm run seed`: a small hospital for trying the platform, created through
 * the running gateway (`npm start`) as HR would. Every create carries an
 * idempotency key, so running it again adds nobody.
 */
interface Person {
  key: string;
  firstName: string;
  lastName: string;
  department: string;
  jobTitle: string;
  grade: string;
  manager?: string;
  location?: string;
}

const PEOPLE: Person[] = [
  {
    key: 'hr-lead',
    firstName: 'Hannah',
    lastName: 'Reid',
    department: 'People',
    jobTitle: 'HR Business Partner',
    grade: 'BAND_7',
  },
  {
    key: 'director',
    firstName: 'Samuel',
    lastName: 'Adeyemi',
    department: 'Nursing',
    jobTitle: 'Director of Nursing',
    grade: 'BAND_9',
  },
  {
    key: 'ed-manager',
    firstName: 'Maya',
    lastName: 'Okafor',
    department: 'Emergency Medicine',
    jobTitle: 'Ward Manager',
    grade: 'BAND_7',
    manager: 'director',
  },
  {
    key: 'ed-1',
    firstName: 'Aisha',
    lastName: 'Khan',
    department: 'Emergency Medicine',
    jobTitle: 'Staff Nurse',
    grade: 'BAND_5',
    manager: 'ed-manager',
  },
  {
    key: 'ed-2',
    firstName: 'Ben',
    lastName: 'Walsh',
    department: 'Emergency Medicine',
    jobTitle: 'Staff Nurse',
    grade: 'BAND_5',
    manager: 'ed-manager',
  },
  {
    key: 'ed-3',
    firstName: 'Chloe',
    lastName: 'Evans',
    department: 'Emergency Medicine',
    jobTitle: 'Senior Staff Nurse',
    grade: 'BAND_6',
    manager: 'ed-manager',
  },
  {
    key: 'ed-4',
    firstName: 'Dev',
    lastName: 'Patel',
    department: 'Emergency Medicine',
    jobTitle: 'Healthcare Assistant',
    grade: 'BAND_3',
    manager: 'ed-3',
  },
  {
    key: 'rad-manager',
    firstName: 'Fiona',
    lastName: 'MacLeod',
    department: 'Radiology',
    jobTitle: 'Radiology Manager',
    grade: 'BAND_8A',
    manager: 'director',
    location: 'SCOTLAND',
  },
  {
    key: 'rad-1',
    firstName: 'Owen',
    lastName: 'Hughes',
    department: 'Radiology',
    jobTitle: 'Radiographer',
    grade: 'BAND_6',
    manager: 'rad-manager',
    location: 'SCOTLAND',
  },
  {
    key: 'rad-2',
    firstName: 'Isla',
    lastName: 'Campbell',
    department: 'Radiology',
    jobTitle: 'Radiographer',
    grade: 'BAND_5',
    manager: 'rad-manager',
    location: 'SCOTLAND',
  },
];

const CREATE = `mutation Seed($input: CreateEmployeeInput!) { createEmployee(input: $input) { id employeeNumber } }`;

async function createPerson(
  url: string,
  token: string,
  person: Person,
  managerId?: string,
): Promise<string> {
  const input = {
    idempotencyKey: `seed-${person.key}`,
    firstName: person.firstName,
    lastName: person.lastName,
    email: `${person.firstName}.${person.lastName}@hospital.example`.toLowerCase(),
    phone: '+44 20 7946 0000',
    department: person.department,
    jobTitle: person.jobTitle,
    grade: person.grade,
    employmentType: 'FULL_TIME',
    hireDate: '2022-04-01',
    location: person.location ?? 'ENGLAND_AND_WALES',
    salary: { amountMinor: 3_200_000, currency: 'GBP' },
    ...(managerId && { managerId }),
  };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: CREATE, variables: { input } }),
  });
  const body = (await response.json()) as {
    data?: { createEmployee: { id: string } };
    errors?: unknown;
  };
  if (!body.data)
    throw new Error(
      `Could not create ${person.firstName} ${person.lastName}: ${JSON.stringify(body.errors)}`,
    );
  return body.data.createEmployee.id;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const url = `http://127.0.0.1:${config.PORT}/graphql`;
  const issuer = createLocalIssuer({
    dataDir: config.DATA_DIR,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  const token = await issuer.issue({ role: 'HR', sub: 'service:seed' });
  const ids = new Map<string, string>();
  for (const person of PEOPLE) {
    ids.set(
      person.key,
      await createPerson(url, token, person, person.manager && ids.get(person.manager)),
    );
  }
  console.log(
    `${PEOPLE.length} people in place. Try: npm run --silent token -- --role MANAGER --sub ${ids.get('ed-manager')}`,
  );
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
