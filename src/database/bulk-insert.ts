import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Many rows of one entity in one multi-row INSERT, its statement built from the entity's
 * metadata and its values prepared by the driver as TypeORM's own `insert()` prepares them
 * (JSON, dates, booleans). For bulk writes only (an import's rows, certificates and audit
 * events): `insert()` names each value as a query-builder parameter and looks every name
 * up again, which for 500 rows of 20 columns costs more than the database's own work
 * (bench/RESULTS.md, "imports: 50,000 certificates").
 *
 * Every column must have a value, except row timestamps (now), nullable columns (null)
 * and columns with a constant default. Keep `rows × columns` under SQLite's 32,766
 * parameters: 500 rows of up to 60 columns.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const postgres = driver.options.type === 'postgres';
  const columns = metadata.columns.filter((c) => c.isInsert && !c.isVirtual && !c.isGenerated);
  const now = new Date();
  const parameters: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      let value: unknown = column.getEntityValue(row);
      if (value === undefined) {
        if (column.isCreateDate || column.isUpdateDate) value = now;
        else if (column.default !== undefined && typeof column.default !== 'function')
          value = column.default;
        else if (column.isNullable) value = null;
        else throw new Error(`insertRows: ${metadata.tableName}.${column.databaseName} is missing`);
      }
      parameters.push(driver.preparePersistentValue(value, column));
      return postgres ? `$${parameters.length}` : '?';
    });
    return `(${placeholders.join(', ')})`;
  });
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  await manager.query(
    `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${tuples.join(', ')}`,
    parameters,
  );
}
