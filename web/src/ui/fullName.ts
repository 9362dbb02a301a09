/** A person's name as every page shows it. */
export const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

/** A name to show; '–' when the employees service could not say (the row still shows). */
export const personName = (person: { firstName: string; lastName: string } | null | undefined) =>
  person ? fullName(person) : '–';
