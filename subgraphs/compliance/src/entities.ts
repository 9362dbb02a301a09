import { employeeCopySchema, PLACED_COLUMNS, type PlacedEmployeeCopy } from '../../../runtime';
import { policyEntities } from './policies';
import { trainingEntities } from './training';
import { violationEntities } from './violations';

/**
 * Compliance's copy of what it needs of an employee (manager for teams, department for
 * training, zone for local days), fed by employees' events.
 */
export interface EmployeeCopy extends PlacedEmployeeCopy {
  department: string | null;
}

export const EmployeeCopySchema = employeeCopySchema<EmployeeCopy>(
  'ComplianceEmployee',
  'compliance_employees',
  [...PLACED_COLUMNS, 'department'],
);

export const entities = [
  EmployeeCopySchema,
  ...policyEntities,
  ...violationEntities,
  ...trainingEntities,
];
