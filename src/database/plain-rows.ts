import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The rows of `qb` as plain objects of `columns` only (the alias's properties), each value
 * converted by the driver as hydration converts it (dates, timestamps, booleans, JSON),
 * without building entities: for reads of thousands of rows (the daily scan), where
 * TypeORM's hydration costs more than the query. Any select already on `qb` is replaced.
 */
export async function plainRows<T extends ObjectLiteral, K extends keyof T & string>(
  qb: SelectQueryBuilder<T>,
  columns: readonly K[],
): Promise<Pick<T, K>[]> {
  const alias = qb.alias;
  const metadata = qb.expressionMap.mainAlias?.metadata;
  if (!metadata) throw new Error('plainRows needs a query builder of an entity');
  const driver = qb.connection.driver;
  const converters = columns.map((name) => {
    const column = metadata.findColumnWithPropertyName(name);
    if (!column) throw new Error(`plainRows: ${metadata.name} has no column ${name}`);
    return { name, column };
  });
  qb.select(`${alias}.${columns[0]}`, columns[0]);
  for (const name of columns.slice(1)) qb.addSelect(`${alias}.${name}`, name);
  const raw = await qb.getRawMany<Record<K, unknown>>();
  return raw.map((row) => {
    const plain = {} as Pick<T, K>;
    for (const { name, column } of converters)
      plain[name] = driver.prepareHydratedValue(row[name], column) as T[K];
    return plain;
  });
}
