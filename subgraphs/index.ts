import { accruals } from './accruals/src';
import { agreements } from './agreements/src';
import { audit } from './audit/src';
import { employees } from './employees/src';
import { time } from './time/src';

/** Every subgraph of the platform, in the order all-in-one starts them. */
export const subgraphs = [employees, agreements, time, accruals, audit] as const;
