import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/**
 * Who looks after a factory: admins or members whose digests carry its notices.
 * Self-contained: it imports nothing from src/.
 */
export class CreateFactoryResponsibles1766100000001 implements MigrationInterface {
  name = 'CreateFactoryResponsibles1766100000001';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await q.createTable(
      new Table({
        name: 'factory_responsibles',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'factoryId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'createdAt', type: timestamp, default: now },
          { name: 'updatedAt', type: timestamp, default: now },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_factory_responsibles_organization',
            columnNames: ['organizationId'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_factory_responsibles_factory',
            columnNames: ['factoryId'],
            referencedTableName: 'factories',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_factory_responsibles_user',
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_factory_responsibles_factory_user',
            columnNames: ['factoryId', 'userId'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_factory_responsibles_org_factory',
            columnNames: ['organizationId', 'factoryId'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('factory_responsibles');
  }
}
