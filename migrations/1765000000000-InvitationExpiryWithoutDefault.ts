import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `invitations.expiresAt` was created with the row-timestamp default (now), which the
 * entity does not declare and nothing relies on: every invitation is issued with its
 * expiry. Dropping it leaves TypeORM's schema builder nothing to change (the other
 * differences it saw, foreign keys and an index, are now declared on the entities).
 * On SQLite a default can only change by rebuilding the table, which TypeORM does;
 * nothing references invitations, so the rebuild touches no other table.
 */
export class InvitationExpiryWithoutDefault1765000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.query('ALTER TABLE "invitations" ALTER COLUMN "expiresAt" DROP DEFAULT');
      return;
    }
    await queryRunner.changeColumn(
      'invitations',
      'expiresAt',
      new TableColumn({ name: 'expiresAt', type: 'datetime', isNullable: false }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.query(
        'ALTER TABLE "invitations" ALTER COLUMN "expiresAt" SET DEFAULT now()',
      );
      return;
    }
    await queryRunner.changeColumn(
      'invitations',
      'expiresAt',
      new TableColumn({
        name: 'expiresAt',
        type: 'datetime',
        isNullable: false,
        default: "(datetime('now'))",
      }),
    );
  }
}
