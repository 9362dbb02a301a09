import {
  createTestPlatform,
  type TestPlatform,
  type TestPlatformOptions,
} from './createTestPlatform';
import { suiteHarness } from './suiteHarness';

/**
 * The suite's test platform, started before its tests and stopped after them (see
 * suiteHarness). `timeout` is for the start, where a suite's first hook wants longer.
 */
export function platformSuite(options?: TestPlatformOptions, timeout?: number): TestPlatform {
  return suiteHarness(() => createTestPlatform(options), timeout);
}
