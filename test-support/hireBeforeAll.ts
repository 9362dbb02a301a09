import type { TestPlatform } from './createTestPlatform';
import { beforeAllValue } from './beforeAllValue';
import { createPerson, type SeededPerson } from './seedOrganisation';

/**
 * An employee the suite hires through the gateway before its tests, as HR would (`createPerson`
 * in a beforeAll: declare it after the platform). `extra` may be a function, to name someone
 * hired by an earlier hook, such as their manager.
 */
export function hireBeforeAll(
  tp: TestPlatform,
  firstName: string,
  lastName: string,
  extra: Record<string, unknown> | (() => Record<string, unknown>) = {},
): SeededPerson {
  return beforeAllValue(() =>
    createPerson(tp, firstName, lastName, typeof extra === 'function' ? extra() : extra),
  );
}
