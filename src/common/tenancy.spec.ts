import type { EntityManager } from 'typeorm';
import { notFound } from './errors';
import { acrossTenants, requireOrganizationId, TenantRepository, TenantOwned } from './tenancy';

class Row implements TenantOwned {
  id = '';
  organizationId = '';
  count = 0;
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
    expect(() => rows.findOneWhere(manager, organizationId, { id: 'some-id' })).toThrow(refused);
    expect(() => rows.query(manager, organizationId, 'row')).toThrow(refused);
    await expect(rows.findMany(manager, organizationId)).rejects.toThrow(refused);
    await expect(rows.count(manager, organizationId, { id: 'some-id' })).rejects.toThrow(refused);
    await expect(
      rows.update(manager, organizationId, { id: 'some-id' }, { count: 1 }),
    ).rejects.toThrow(refused);
    await expect(
      rows.increment(manager, organizationId, { id: 'some-id' }, 'count', 1),
    ).rejects.toThrow(refused);
    await expect(rows.delete(manager, organizationId, { id: 'some-id' })).rejects.toThrow(refused);
    await expect(rows.insert(manager, organizationId, { id: 'some-id' })).rejects.toThrow(refused);
    await expect(rows.insertMany(manager, organizationId, [], { orIgnore: true })).rejects.toThrow(
      refused,
    );
    expect(() => requireOrganizationId(organizationId)).toThrow(refused);
  });

  describe('with a table', () => {
    const calls: unknown[][] = [];
    const table = {
      find: (...args: unknown[]) => calls.push(['find', ...args]),
      count: (...args: unknown[]) => calls.push(['count', ...args]),
      update: (...args: unknown[]) => calls.push(['update', ...args]),
      increment: (...args: unknown[]) => calls.push(['increment', ...args]),
      delete: (...args: unknown[]) => calls.push(['delete', ...args]),
      create: (fields: Partial<Row>) =>
        Object.assign(new Row(), { organizationId: undefined }, fields),
      createQueryBuilder: () => {
        throw new Error('inserted');
      },
    };
    const withTable = { getRepository: () => table } as unknown as EntityManager;
    beforeEach(() => (calls.length = 0));

    it('adds the organization to every condition, over one the caller wrote', async () => {
      await rows.findMany(withTable, 'org-a', { where: { organizationId: 'org-b', id: '1' } });
      await rows.update(withTable, 'org-a', { id: '1', organizationId: 'org-b' }, { count: 2 });
      await rows.increment(withTable, 'org-a', { id: '1' }, 'count', 1);
      await rows.delete(withTable, 'org-a', { id: '1' });
      await rows.count(withTable, 'org-a', { organizationId: 'org-b', id: '1' });
      expect(calls).toEqual([
        ['find', { where: { id: '1', organizationId: 'org-a' } }],
        ['update', { id: '1', organizationId: 'org-a' }, { count: 2 }],
        ['increment', { id: '1', organizationId: 'org-a' }, 'count', 1],
        ['delete', { id: '1', organizationId: 'org-a' }],
        ['count', { where: { id: '1', organizationId: 'org-a' } }],
      ]);
    });

    it('refuses to insert a row of another organization', async () => {
      await expect(
        rows.insertMany(withTable, 'org-a', [{ id: '1' }, { id: '2', organizationId: 'org-b' }]),
      ).rejects.toThrow(/row of another organization/);
      // A row without one is the organization's: it goes on to the insert.
      await expect(rows.insert(withTable, 'org-a', { id: '1' })).rejects.toThrow('inserted');
    });

    it('reaches the table unscoped only through acrossTenants', () => {
      expect(rows.acrossTenants(withTable)).toBe(table);
      expect(acrossTenants(withTable, Row)).toBe(table);
    });
  });
});
