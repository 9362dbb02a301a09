import { defineDomainErrors } from '../../../runtime';

/** Why compliance refuses, beyond the shared reasons, under the code each is answered with. */
export const complianceErrors = defineDomainErrors('ComplianceError', {
  NOT_FOUND: ['COURSE_NOT_FOUND', 'VIOLATION_NOT_FOUND'],
  CONFLICT: [
    // Another course has the code already.
    'COURSE_CODE_TAKEN',
    // A violation is closed once.
    'VIOLATION_CLOSED',
  ],
  // The subgraph that decides a checked operation could not answer.
  UNAVAILABLE: ['OWNER_UNAVAILABLE'],
});

export const ComplianceReason = complianceErrors.reasons;
export type ComplianceReason = keyof typeof ComplianceReason;

export const { invalid, forbidden } = complianceErrors;

export const courseNotFound = (id: string) =>
  complianceErrors.error(ComplianceReason.COURSE_NOT_FOUND, `Training course ${id} was not found.`);

export const violationNotFound = (id: string) =>
  complianceErrors.error(ComplianceReason.VIOLATION_NOT_FOUND, `Violation ${id} was not found.`);

export const codeTaken = (code: string) =>
  complianceErrors.error(
    ComplianceReason.COURSE_CODE_TAKEN,
    `A course with code ${code} exists already: change it with updateTrainingCourse.`,
  );

export const alreadyClosed = () =>
  complianceErrors.error(ComplianceReason.VIOLATION_CLOSED, 'This violation is already closed.');

/** Someone else's change of the same record won: CONFLICT, as a stale version is. */
export const changedMeanwhile = (message: string) =>
  complianceErrors.error('VERSION_CONFLICT', message);

export const unavailableOwner = (message: string, cause?: unknown) =>
  complianceErrors.error(ComplianceReason.OWNER_UNAVAILABLE, message, { cause });
