import { MigrationInterface, QueryRunner } from 'typeorm';

interface Row {
  id: string;
  reminderPolicy: string | null;
  timezone: string;
  locale: string;
}

/**
 * One calendar, one language: a saved reminder policy held its own `timezone` and
 * `locale`, which could disagree with the organization's (the API counted "today" in one,
 * the scan in the other). They now live on the organization alone. A policy that held
 * them hands them to the organization (they are what its scan and digests used) and keeps
 * only thresholds, sending hour and the overdue rhythm. No schema change: data only.
 */
export class OneOrganizationCalendar1766100000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const row of await policies(queryRunner)) {
      const policy = JSON.parse(row.reminderPolicy as string) as Record<string, unknown>;
      if (!('timezone' in policy) && !('locale' in policy)) continue;
      const { timezone, locale, ...kept } = policy;
      await update(queryRunner, row.id, {
        timezone: typeof timezone === 'string' && timezone ? timezone : row.timezone,
        locale: typeof locale === 'string' && locale ? locale : row.locale,
        reminderPolicy: JSON.stringify(kept),
      });
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const row of await policies(queryRunner)) {
      const policy = JSON.parse(row.reminderPolicy as string) as Record<string, unknown>;
      await update(queryRunner, row.id, {
        timezone: row.timezone,
        locale: row.locale,
        reminderPolicy: JSON.stringify({ ...policy, timezone: row.timezone, locale: row.locale }),
      });
    }
  }
}

function policies(queryRunner: QueryRunner): Promise<Row[]> {
  return queryRunner.query(
    'SELECT "id", "reminderPolicy", "timezone", "locale" FROM "organizations" WHERE "reminderPolicy" IS NOT NULL',
  ) as Promise<Row[]>;
}

async function update(
  queryRunner: QueryRunner,
  id: string,
  fields: { timezone: string; locale: string; reminderPolicy: string },
): Promise<void> {
  const postgres = queryRunner.connection.driver.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  await queryRunner.query(
    `UPDATE "organizations" SET "timezone" = ${p(1)}, "locale" = ${p(2)}, "reminderPolicy" = ${p(3)} WHERE "id" = ${p(4)}`,
    [fields.timezone, fields.locale, fields.reminderPolicy, id],
  );
}
