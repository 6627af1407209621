import { DomainError, invalidField, notFound } from '../common/errors';

export const BuyerErrors = {
  notFound: () => notFound('buyer'),
  requirementNotFound: () => notFound('requirement'),
  unknownStandard: (known: string[]) =>
    invalidField(
      'BUYER.UNKNOWN_STANDARD',
      'standard',
      `standard must be one of: ${known.join(', ')}`,
    ),
  duplicateRequirement: () =>
    new DomainError(
      'conflict',
      'BUYER.DUPLICATE_REQUIREMENT',
      'The buyer already requires this standard for this product category',
      [{ field: 'productCategory', message: 'already required for this standard' }],
    ),
};
