import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseConfigFrom } from '../config/configuration';
import { parseEnvironment } from '../config/environment';
import { buildDataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run migration:run`): the same builder as the app. */
export default new DataSource({
  ...buildDataSourceOptions(databaseConfigFrom(parseEnvironment(process.env).DATABASE_URL)),
  migrationsRun: false,
});
