import { randomBytes } from 'node:crypto';
import type { Body, Overrides } from './bodies';

/** Request bodies for buyers and requirements, with sensible defaults. */
export function makeBuyer(
  overrides: Overrides<Body<'CreateBuyerDto'>> = {},
): Overrides<Body<'CreateBuyerDto'>> {
  return {
    name: `Buyer ${randomBytes(3).toString('hex')}`,
    country: 'DE',
    contactEmail: 'purchasing@buyer.example',
    notes: 'Asks for ISO 9001 and ISO 14001 with every order',
    ...overrides,
  };
}

export function makeRequirement(
  overrides: Overrides<Body<'CreateRequirementDto'>> = {},
): Overrides<Body<'CreateRequirementDto'>> {
  return { standard: 'ISO 9001:2015', productCategory: 'valves', ...overrides };
}
