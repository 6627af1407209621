import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
} from 'typeorm';

function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'postgres';
}

const timestamp = (
  queryRunner: QueryRunner,
  name: string,
  options: { nullable?: boolean; defaultNow?: boolean } = {},
): TableColumnOptions => ({
  name,
  type: isPostgres(queryRunner) ? 'timestamptz' : 'datetime',
  isNullable: options.nullable ?? false,
  ...(options.defaultNow
    ? { default: isPostgres(queryRunner) ? 'now()' : "(datetime('now'))" }
    : {}),
});

/**
 * People can be managed for years: `users.active` (a deactivated user can neither log in
 * nor use a token), `users.tokenVersion` (carried in every token; raising it ends every
 * session at once: on deactivation, a password change or reset), and `password_resets`,
 * the single-use, hashed, expiring links mailed to reset a password.
 */
export class AccountLifecycle1766000000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = isPostgres(queryRunner);
    await queryRunner.addColumn(
      'users',
      new TableColumn({
        name: 'active',
        type: 'boolean',
        default: postgres ? 'true' : 1,
      }),
    );
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'tokenVersion', type: 'integer', default: 0 }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'password_resets',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          timestamp(queryRunner, 'createdAt', { defaultNow: true }),
          timestamp(queryRunner, 'updatedAt', { defaultNow: true }),
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          timestamp(queryRunner, 'expiresAt'),
          timestamp(queryRunner, 'usedAt', { nullable: true }),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_password_resets_token_hash',
            columnNames: ['tokenHash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_password_resets_user', columnNames: ['userId'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_password_resets_organization',
            columnNames: ['organizationId'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_password_resets_user',
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('password_resets');
    await queryRunner.dropColumn('users', 'tokenVersion');
    await queryRunner.dropColumn('users', 'active');
  }
}
