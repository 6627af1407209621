import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'postgres';
}

/**
 * Deleting a factory revokes its managers' pending invitations, and marks them so that
 * accepting one answers that the factory is gone. Invitations of factories deleted
 * before this migration are revoked and marked the same way.
 */
export class InvitationsRevokedWithFactory1766000000002 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'invitations',
      new TableColumn({
        name: 'revokedBecauseFactoryRemoved',
        type: 'boolean',
        default: isPostgres(queryRunner) ? 'false' : 0,
      }),
    );
    await queryRunner.query(
      `UPDATE "invitations" SET "revokedAt" = CURRENT_TIMESTAMP, "revokedBecauseFactoryRemoved" = ${isPostgres(queryRunner) ? 'true' : '1'}
       WHERE "factoryId" IS NOT NULL AND "acceptedAt" IS NULL AND "revokedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "factories" WHERE "factories"."id" = "invitations"."factoryId")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('invitations', 'revokedBecauseFactoryRemoved');
  }
}
