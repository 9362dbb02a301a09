import type { DomainError } from '../errors';
import { InputErrors, isFieldError } from './InputErrors';

/** Collects the bad fields of one input instead of stopping at the first. */
export interface InputCheck {
  /**
   * Runs one field's check and returns its value; a BAD_USER_INPUT naming a field is
   * kept for {@link InputCheck.done} and gives undefined. Any other error is thrown.
   */
  field<T>(check: () => T): T | undefined;
  /** Like {@link InputCheck.field}, for a check that needs other fields' values first. */
  fieldAsync<T>(check: () => Promise<T>): Promise<T | undefined>;
  /** Whether every check so far passed (a check that uses earlier values may skip otherwise). */
  readonly ok: boolean;
  /**
   * Throws what was found: the single error as it was, or {@link InputErrors} with every
   * bad field, each at most once (its first fault).
   */
  done(): void;
}

/**
 * The shared way a mutation checks its input: every field is checked, and all the bad
 * ones are answered together, each as its own BAD_USER_INPUT error with its `field`
 * (docs/errors.md). The checks themselves stay the domain's: they throw as before.
 */
export function createInputCheck(): InputCheck {
  const faults: DomainError[] = [];
  const keep = (error: unknown) => {
    if (!isFieldError(error)) throw error;
    if (!faults.some((fault) => fault.field === error.field)) faults.push(error);
    return undefined;
  };
  return {
    field(check) {
      try {
        return check();
      } catch (error) {
        return keep(error);
      }
    },
    async fieldAsync(check) {
      try {
        return await check();
      } catch (error) {
        return keep(error);
      }
    },
    get ok() {
      return faults.length === 0;
    },
    done: () => refuseAll(faults),
  };
}

/** Throws nothing for no fault, a single fault as it is, several as {@link InputErrors}. */
export function refuseAll(faults: readonly DomainError[]): void {
  if (faults.length === 1) throw faults[0];
  if (faults.length > 1) throw new InputErrors(faults);
}
