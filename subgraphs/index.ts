import { accounts } from './accounts/src';
import { accruals } from './accruals/src';
import { agreements } from './agreements/src';
import { attendance } from './attendance/src';
import { audit } from './audit/src';
import { billing } from './billing/src';
import { compliance } from './compliance/src';
import { employees } from './employees/src';
import { leave } from './leave/src';
import { notifications } from './notifications/src';
import { time } from './time/src';

/** Every subgraph of the platform, in the order all-in-one starts them. */
export const subgraphs = [
  employees,
  agreements,
  time,
  accruals,
  leave,
  attendance,
  billing,
  compliance,
  notifications,
  audit,
  accounts,
] as const;
