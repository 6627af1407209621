import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import type { Actor, Role } from './actor';
import { notFound } from './errors';
import {
  assertCanSee,
  canSeeFactory,
  factoryScope,
  isFactoryManager,
  NO_FACTORY,
  scopeToFactory,
} from './factory-scope';

@Entity('scoped_rows')
class ScopedRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) factoryId: string | null;
}

function actor(role: Role, factoryId: string | null = null): Actor {
  return {
    userId: 'user-1',
    organizationId: 'org-1',
    role,
    factoryId,
    email: 'someone@example.com',
    name: 'Someone',
    locale: null,
  };
}

const admin = actor('admin');
const member = actor('member');
const managerOfA = actor('factory_manager', 'factory-a');
// A manager whose factory was deleted: they see nothing at all.
const managerOfNone = actor('factory_manager', null);

describe('factory scope', () => {
  it('knows a factory manager by their role', () => {
    expect([admin, member, managerOfA, managerOfNone].map(isFactoryManager)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it.each([
    ['admin', 'factory-a', true, admin],
    ['admin', null, true, admin],
    ['member', 'factory-b', true, member],
    ['member', null, true, member],
    ['manager of A', 'factory-a', true, managerOfA],
    ['manager of A', 'factory-b', false, managerOfA],
    ['manager of A', null, false, managerOfA],
    ['manager without a factory', null, false, managerOfNone],
    ['manager without a factory', 'factory-a', false, managerOfNone],
  ])('%s sees factory %s: %s', (_, factoryId, sees, who) => {
    expect(canSeeFactory(who, factoryId)).toBe(sees);
    const check = () => assertCanSee(who, factoryId, () => notFound('certificate'));
    if (sees) expect(check).not.toThrow();
    else expect(check).toThrow('Certificate not found');
  });

  it('adds no condition for trader staff and the own factory for a manager', () => {
    expect(factoryScope<ScopedRow>(admin)).toEqual({});
    expect(factoryScope<ScopedRow>(member)).toEqual({});
    expect(factoryScope<ScopedRow>(managerOfA)).toEqual({ factoryId: 'factory-a' });
    // Never null or undefined, which TypeORM would drop and so match every factory.
    expect(factoryScope<ScopedRow>(managerOfNone)).toEqual({ factoryId: NO_FACTORY });
  });

  describe('against a database', () => {
    const db = new DataSource({
      type: 'sqlite',
      database: ':memory:',
      entities: [ScopedRow],
      synchronize: true,
    });

    beforeAll(async () => {
      await db.initialize();
      await db.getRepository(ScopedRow).insert([
        { id: 'row-a', organizationId: 'org-1', factoryId: 'factory-a' },
        { id: 'row-b', organizationId: 'org-1', factoryId: 'factory-b' },
        { id: 'row-own', organizationId: 'org-1', factoryId: null },
      ]);
    });
    afterAll(() => db.destroy());

    async function seenByFind(who: Actor): Promise<string[]> {
      const rows = await db
        .getRepository(ScopedRow)
        .find({ where: { organizationId: 'org-1', ...factoryScope<ScopedRow>(who) } });
      return rows.map((r) => r.id).sort();
    }

    async function seenByQuery(who: Actor): Promise<string[]> {
      const qb = db
        .getRepository(ScopedRow)
        .createQueryBuilder('row')
        .where('row.organizationId = :organizationId', { organizationId: 'org-1' });
      const rows = await scopeToFactory(qb, who, 'row.factoryId').getMany();
      return rows.map((r) => r.id).sort();
    }

    it.each([
      ['admin', admin, ['row-a', 'row-b', 'row-own']],
      ['member', member, ['row-a', 'row-b', 'row-own']],
      ['manager of A', managerOfA, ['row-a']],
      ['manager without a factory', managerOfNone, []],
    ])('%s finds the rows they may see, by find and by query', async (_, who, expected) => {
      expect(await seenByFind(who)).toEqual(expected);
      expect(await seenByQuery(who)).toEqual(expected);
    });
  });
});
