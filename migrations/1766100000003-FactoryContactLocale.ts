import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A factory contact (an email address, not a user) gets mail in its own language, and can
 * unsubscribe from it: `factories.contactLocale` (Chinese factories' contacts read zh-CN,
 * the others en) and `factories.contactUnsubscribedAt`. Self-contained: it imports nothing
 * from src/.
 */
export class FactoryContactLocale1766100000003 implements MigrationInterface {
  name = 'FactoryContactLocale1766100000003';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    await q.addColumn(
      'factories',
      new TableColumn({
        name: 'contactLocale',
        type: 'varchar',
        length: '10',
        default: "'en'",
      }),
    );
    await q.addColumn(
      'factories',
      new TableColumn({
        name: 'contactUnsubscribedAt',
        type: postgres ? 'timestamptz' : 'datetime',
        isNullable: true,
      }),
    );
    await q.query(`UPDATE "factories" SET "contactLocale" = 'zh-CN' WHERE "country" = 'CN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('factories', 'contactUnsubscribedAt');
    await q.dropColumn('factories', 'contactLocale');
  }
}
