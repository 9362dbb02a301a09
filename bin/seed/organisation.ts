import fs from 'node:fs';
import path from 'node:path';

/**
 * The demo organisation `npm run seed` builds: a hospital trust of about fifty people in
 * six departments across the UK and Ireland. Fixed names and keys, so every run, on any
 * machine, builds the same organisation; only dates move with today.
 */

export interface Person {
  /** Stable key: the idempotency key of everything made for this person derives from it. */
  key: string;
  firstName: string;
  lastName: string;
  department: string;
  jobTitle: string;
  grade: string;
  /** The key of their line manager; absent at the top. */
  manager?: string;
  location: string;
  timeZone: string;
  hireDate: string;
}

export interface Grade {
  code: string;
  description: string;
  /** Hourly rate in pence, and yearly salary in pence, of the grade. */
  hourlyMinor: number;
  salaryMinor: number;
}

export interface Course {
  code: string;
  title: string;
  validityMonths?: number;
  /** Who must take it: everyone, or one department. */
  department?: string;
  /** Days from today the assignment falls due. */
  dueInDays: number;
}

/** The leave request a person makes and what their manager does with it. */
export type LeaveOutcome = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED';

/** The pay bands of the demo: code, description, hourly rate and yearly salary in pence. */
const GRADE_TABLE: readonly [string, string, number, number][] = [
  ['BAND_3', 'Clinical support', 1250, 2_440_000],
  ['BAND_4', 'Assistant practitioner', 1380, 2_700_000],
  ['BAND_5', 'Registered practitioner', 1530, 2_990_000],
  ['BAND_6', 'Senior practitioner', 1890, 3_700_000],
  ['BAND_7', 'Advanced practitioner, team lead', 2280, 4_460_000],
  ['BAND_8A', 'Service manager', 2650, 5_180_000],
  ['BAND_9', 'Director', 3800, 7_400_000],
];

export const GRADES: readonly Grade[] = GRADE_TABLE.map(
  ([code, description, hourlyMinor, salaryMinor]) => ({
    code,
    description,
    hourlyMinor,
    salaryMinor,
  }),
);

export const COURSES: readonly Course[] = [
  { code: 'FIRE-SAFETY', title: 'Fire safety', validityMonths: 12, dueInDays: 30 },
  {
    code: 'INFO-GOV',
    title: 'Information governance and data security',
    validityMonths: 12,
    dueInDays: 60,
  },
  {
    code: 'RESUS-ILS',
    title: 'Immediate life support',
    validityMonths: 12,
    department: 'Emergency Medicine',
    dueInDays: 14,
  },
];

/**
 * A full-time agreement, as everyone in the demo has: Monday to Friday, 37.5 hours a week,
 * 27 days' leave, 1,950 target hours a year.
 */
export function fullTimeAgreement(employeeId: string, startDate: string, endDate: string) {
  return {
    employeeId,
    agreementType: 'AHA',
    startDate,
    endDate,
    fte: 1,
    termsAndConditions: 'MODERNISED',
    salaryBasis: 'NATIONAL',
    weeklyHours: 37.5,
    workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
    annualLeaveDays: 27,
    targets: [{ accrualType: 'ANNUAL_TARGET_HOURS', total: 1950 }],
  };
}

const UK = { location: 'ENGLAND_AND_WALES', timeZone: 'Europe/London' };
const SCOTLAND = { location: 'SCOTLAND', timeZone: 'Europe/London' };
const NI = { location: 'NORTHERN_IRELAND', timeZone: 'Europe/London' };
const IRELAND = { location: 'IE', timeZone: 'Europe/Dublin' };

/** The top of the trust and the head of each department, managers before their reports. */
const LEADERS: readonly Person[] = [
  {
    key: 'director',
    firstName: 'Samuel',
    lastName: 'Adeyemi',
    department: 'Operations',
    jobTitle: 'Director of Operations',
    grade: 'BAND_9',
    ...UK,
    hireDate: '2016-09-01',
  },
  {
    key: 'hr-lead',
    firstName: 'Hannah',
    lastName: 'Reid',
    department: 'People',
    jobTitle: 'HR Business Partner',
    grade: 'BAND_7',
    manager: 'director',
    ...UK,
    hireDate: '2018-01-08',
  },
  {
    key: 'ed-manager',
    firstName: 'Maya',
    lastName: 'Okafor',
    department: 'Emergency Medicine',
    jobTitle: 'Ward Manager',
    grade: 'BAND_7',
    manager: 'director',
    ...UK,
    hireDate: '2017-05-02',
  },
  {
    key: 'rad-manager',
    firstName: 'Fiona',
    lastName: 'MacLeod',
    department: 'Radiology',
    jobTitle: 'Radiology Manager',
    grade: 'BAND_8A',
    manager: 'director',
    ...SCOTLAND,
    hireDate: '2015-03-16',
  },
  {
    key: 'card-manager',
    firstName: 'Rohan',
    lastName: 'Mehta',
    department: 'Cardiology',
    jobTitle: 'Cardiology Lead',
    grade: 'BAND_8A',
    manager: 'director',
    ...UK,
    hireDate: '2019-10-01',
  },
  {
    key: 'pharm-manager',
    firstName: 'Niamh',
    lastName: 'Doherty',
    department: 'Pharmacy',
    jobTitle: 'Chief Pharmacist',
    grade: 'BAND_8A',
    manager: 'director',
    ...NI,
    hireDate: '2020-02-03',
  },
  {
    key: 'digital-manager',
    firstName: 'Cian',
    lastName: 'Byrne',
    department: 'Digital',
    jobTitle: 'Head of Digital',
    grade: 'BAND_8A',
    manager: 'director',
    ...IRELAND,
    hireDate: '2021-06-14',
  },
];

type Staff = [firstName: string, lastName: string, jobTitle: string, grade: string];

/** Each department's head and where it works; its staff are in staff.csv, in this order. */
const DEPARTMENTS: Record<string, { manager: string; region: typeof UK }> = {
  'Emergency Medicine': { manager: 'ed-manager', region: UK },
  Radiology: { manager: 'rad-manager', region: SCOTLAND },
  Cardiology: { manager: 'card-manager', region: UK },
  Pharmacy: { manager: 'pharm-manager', region: NI },
  Digital: { manager: 'digital-manager', region: IRELAND },
  People: { manager: 'hr-lead', region: UK },
};

/** staff.csv: `department,name,jobTitle,grade` a line, the name as `First Last`. */
function staffByDepartment(): Map<string, Staff[]> {
  const lines = fs.readFileSync(path.join(__dirname, 'staff.csv'), 'utf8').trim().split('\n');
  const staff = new Map<string, Staff[]>();
  for (const line of lines.slice(1)) {
    const [department, name, jobTitle, grade] = line.split(',') as [string, string, string, string];
    const [firstName, lastName] = name.split(' ') as [string, string];
    if (!DEPARTMENTS[department])
      throw new Error(`staff.csv names an unknown department: ${department}.`);
    staff.set(department, [
      ...(staff.get(department) ?? []),
      [firstName, lastName, jobTitle, grade],
    ]);
  }
  return staff;
}

/** Hire dates spread over eight years, one per staff member in turn. */
const hireDateOf = (index: number) =>
  `${2017 + (index % 8)}-${String(1 + ((index * 5) % 12)).padStart(2, '0')}-${String(1 + ((index * 7) % 28)).padStart(2, '0')}`;

/** Staff taken from each department in turn, so a small organisation has every department. */
function interleavedStaff(): Person[] {
  const staff = staffByDepartment();
  const departments = Object.entries(DEPARTMENTS).map(([department, { manager, region }]) =>
    (staff.get(department) ?? []).map(([firstName, lastName, jobTitle, grade], i) => ({
      key: `${department.toLowerCase().replace(/\s+/g, '-')}-${i + 1}`,
      firstName,
      lastName,
      department,
      jobTitle,
      grade,
      manager,
      ...region,
    })),
  );
  const longest = Math.max(...departments.map((d) => d.length));
  const people: Omit<Person, 'hireDate'>[] = [];
  for (let i = 0; i < longest; i += 1)
    for (const department of departments) if (department[i]) people.push(department[i]);
  return people.map((person, i) => ({ ...person, hireDate: hireDateOf(i) }));
}

/** Everyone, managers before their reports. */
export const PEOPLE: readonly Person[] = [...LEADERS, ...interleavedStaff()];

/** The default size of the organisation: everyone. */
export const DEFAULT_SIZE = PEOPLE.length;

/** The smallest organisation that still has a manager with reports in every department. */
export const MIN_SIZE = LEADERS.length + 4;

/** The first `size` people: the leaders, then staff a department at a time. */
export function peopleOf(size: number = DEFAULT_SIZE): Person[] {
  if (!Number.isInteger(size) || size < MIN_SIZE || size > PEOPLE.length)
    throw new RangeError(`size must be a whole number from ${MIN_SIZE} to ${PEOPLE.length}.`);
  return PEOPLE.slice(0, size);
}

const OUTCOMES: readonly LeaveOutcome[] = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'];

/**
 * Who asks for leave and how it ends: the first four staff one outcome each (so even the
 * smallest organisation shows every status), then every third member of staff.
 */
export function leaveOutcomeOf(staffIndex: number): LeaveOutcome | undefined {
  if (staffIndex < OUTCOMES.length) return OUTCOMES[staffIndex];
  return staffIndex % 3 === 0 ? OUTCOMES[staffIndex % OUTCOMES.length] : undefined;
}

/** Late arrivals: a few check-ins a week, spread over people and days. */
export const isLate = (personIndex: number, dayIndex: number) =>
  (personIndex * 3 + dayIndex) % 13 === 0;

/** Staff who completed fire safety already: every other one. */
export const completedFireSafety = (staffIndex: number) => staffIndex % 2 === 1;
