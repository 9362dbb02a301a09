import type { PropertyBuilders } from '../entityColumns';

/** The name and work e-mail a named copy keeps (`NamedEmployeeCopy`); an update may clear them. */
export const employeeNameColumns = (p: PropertyBuilders) => ({
  firstName: p.string().length(100).nullable(),
  lastName: p.string().length(100).nullable(),
  email: p.string().length(320).nullable(),
});
