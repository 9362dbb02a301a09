import { defineDomainErrors } from '../../../runtime';

/**
 * Accruals has no refusals of its own: only bad input and reading what one may not, the
 * reasons every domain shares.
 */
export const accrualsErrors = defineDomainErrors('AccrualsError', {});

export const { invalid, forbidden } = accrualsErrors;
