import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const INDEX = 'UQ_documents_certificate_version';

/**
 * A certificate's document versions are unique: two uploads at the same moment both read
 * the same latest version and wrote the same next one (on PostgreSQL, 21 duplicates in 25
 * parallel uploads). Versions that already collide are renumbered first, in upload order,
 * each to the next free number, so a certificate without duplicates keeps its numbers.
 */
export class UniqueDocumentVersions1766000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(
      'SELECT "id", "certificateId", "version" FROM "documents" WHERE "certificateId" IS NOT NULL ' +
        'ORDER BY "certificateId", "version", "createdAt", "id"',
    )) as { id: string; certificateId: string; version: number }[];
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    let certificateId: string | null = null;
    let previous = 0;
    for (const row of rows) {
      if (row.certificateId !== certificateId) {
        certificateId = row.certificateId;
        previous = 0;
      }
      const version = Math.max(Number(row.version), previous + 1);
      if (version !== Number(row.version)) {
        await queryRunner.query(
          postgres
            ? 'UPDATE "documents" SET "version" = $1 WHERE "id" = $2'
            : 'UPDATE "documents" SET "version" = ? WHERE "id" = ?',
          [version, row.id],
        );
      }
      previous = version;
    }
    await queryRunner.createIndex(
      'documents',
      new TableIndex({ name: INDEX, columnNames: ['certificateId', 'version'], isUnique: true }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('documents', INDEX);
  }
}
