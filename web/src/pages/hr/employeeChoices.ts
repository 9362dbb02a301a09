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
