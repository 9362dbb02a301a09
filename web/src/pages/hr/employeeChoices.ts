/** The kinds of employment HR chooses from. */
export const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR'] as const;

/** A person's statuses, as the directory filters by them. */
export const STATUSES = ['ACTIVE', 'INACTIVE', 'ON_LEAVE', 'TERMINATED'] as const;

/** The fields of a person that HR types in, as the employee inputs name them. */
export type PersonField =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'department'
  | 'jobTitle'
  | 'grade'
  | 'employmentType'
  | 'hireDate';
