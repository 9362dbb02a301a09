import { DomainError, ErrorCode } from '../errors';

/** One bad input field: where, why in words, and the domain's reason code. */
export interface InputFault {
  field: string;
  message: string;
  reason: string;
}

/**
 * Several bad fields of one input, refused together. It answers one BAD_USER_INPUT
 * error per field (see createFieldErrorsPlugin), so a form marks each at once.
 */
export class InputErrors extends DomainError {
  override name = 'InputErrors';

  constructor(readonly faults: readonly DomainError[]) {
    const first = faults[0];
    super(ErrorCode.BAD_USER_INPUT, first.message, first.reason, {
      field: first.field,
      extensions: { faults: faults.map(faultOf) },
    });
  }
}

export const faultOf = (error: DomainError): InputFault => ({
  field: error.field ?? '',
  message: error.message,
  reason: error.reason,
});

/** A refusal of one input field: BAD_USER_INPUT naming the field. */
export const isFieldError = (error: unknown): error is DomainError =>
  error instanceof DomainError &&
  error.code === ErrorCode.BAD_USER_INPUT &&
  error.field !== undefined &&
  !(error instanceof InputErrors);

/** The first bad field of several, or the error itself: for answers that name one field. */
export const firstFault = (error: unknown): unknown =>
  error instanceof InputErrors ? error.faults[0] : error;
