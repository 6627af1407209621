import type { EntityManager } from 'typeorm';
import { notFound } from './errors';
import { TenantRepository, TenantOwned } from './tenancy';

class Row implements TenantOwned {
  id = '';
  organizationId = '';
}

describe('TenantRepository', () => {
  const rows = new TenantRepository(Row, () => notFound('row'));
  // Never reached: the organization id is checked before any query is built.
  const manager = {
    getRepository: () => {
      throw new Error('queried without an organization');
    },
  } as unknown as EntityManager;

  it.each([
    ['undefined', undefined as unknown as string],
    ['empty', ''],
  ])('refuses an %s organization id on every call', async (_, organizationId) => {
    const refused = /organization id is required/;
    expect(() => rows.find(manager, organizationId, 'some-id')).toThrow(refused);
    await expect(rows.get(manager, organizationId, 'some-id')).rejects.toThrow(refused);
    expect(() => rows.list(manager, organizationId)).toThrow(refused);
    expect(() => rows.query(manager, organizationId, 'row')).toThrow(refused);
  });
});
