import { randomBytes } from 'node:crypto';

/** Request bodies for buyers and requirements, with sensible defaults. */
export function makeBuyer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Buyer ${randomBytes(3).toString('hex')}`,
    country: 'DE',
    contactEmail: 'purchasing@buyer.example',
    notes: 'Asks for ISO 9001 and ISO 14001 with every order',
    ...overrides,
  };
}

export function makeRequirement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { standard: 'ISO 9001:2015', productCategory: 'valves', ...overrides };
}
