/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each module's default export is
 * `async (options: BenchOptions) => BenchReport`; every report prints its figures beside
 * a baseline measured in the same run. Record the results in bench/RESULTS.md.
 *
 *   npm run bench                 # everything, default sizes
 *   npm run bench -- reminders    # only files whose name contains "reminders"
 *   BENCH_SCALE=10 npm run bench  # ten times the default row counts
 */
import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchOptions {
  /** Multiplies the default row counts. */
  scale: number;
  /** `sqlite` or `postgres` (BENCH_DATABASE, default sqlite). */
  database: 'sqlite' | 'postgres';
}

export interface BenchReport {
  name: string;
  /** Lines to print: figures with their baseline and the ratio. */
  lines: string[];
}

export type Bench = (options: BenchOptions) => Promise<BenchReport>;

async function main(): Promise<void> {
  const filter = process.argv[2];
  const options: BenchOptions = {
    scale: Number(process.env.BENCH_SCALE ?? '1'),
    database: process.env.BENCH_DATABASE === 'postgres' ? 'postgres' : 'sqlite',
  };
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bench = (require(join(__dirname, file)) as { default: Bench }).default;
    const report = await bench(options);
    console.log(`\n## ${report.name} (${options.database}, scale ${options.scale})`);
    for (const line of report.lines) console.log(line);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
