import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigType } from '@nestjs/config';
import type { appConfig } from './configuration';
import { configFile } from './project-root';
import { StandardsCatalog } from './standards-catalog';

const shipped = JSON.parse(readFileSync(configFile('standards.json'), 'utf8')) as {
  standards: Record<string, unknown>[];
};
const entry = (code: string) => shipped.standards.find((s) => s.code === code)!;

describe('StandardsCatalog with DATA_DIR/standards.json', () => {
  let dataDir: string;
  const catalogIn = () =>
    new StandardsCatalog({ dataDir } as unknown as ConfigType<typeof appConfig>);
  const write = (content: unknown) =>
    writeFileSync(join(dataDir, 'standards.json'), JSON.stringify(content));

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'certpact-catalog-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads the shipped catalogue alone when there is no override', () => {
    const catalog = catalogIn();
    expect(catalog.sources).toHaveLength(1);
    expect(catalog.validUntil('ISO 9001:2008')).toBe('2018-09-15');
    expect(catalog.newEditionAuditsFrom('ISO 9001:2008')).toBe('2018-03-15');
  });

  it('replaces an entry by code and adds new ones', () => {
    write({
      standards: [
        { ...entry('ISO 9001:2026'), status: 'published', publishedOn: '2026-09-30' },
        {
          ...entry('ISO 50001:2018'),
          code: 'ISO 37001:2025',
          family: 'ISO 37001',
          title: 'Anti-bribery management systems',
          publishedOn: '2025-02-01',
        },
      ],
    });
    const catalog = catalogIn();
    expect(catalog.find('ISO 9001:2026')?.status).toBe('published');
    expect(catalog.find('ISO 37001:2025')).toBeDefined();
    expect(catalog.find('ISO 14001:2026')).toBeDefined();
    expect(catalog.sources).toHaveLength(2);
  });

  it('refuses a broken entry, naming the file and the entry', () => {
    write({
      standards: [
        {
          ...entry('ISO 14001:2015'),
          validUntil: { date: '2029-15-01', provisional: true, source: 'x', takenOn: '2026-12-02' },
        },
      ],
    });
    expect(catalogIn).toThrow(
      /standards\.json is not a valid standards catalogue: standards\[0\] "ISO 14001:2015": validUntil\.date must be a date YYYY-MM-DD/,
    );
  });

  it('lets an override name a shipped edition as successor', () => {
    write({
      standards: [
        {
          ...entry('ISO 14001:2015'),
          validUntil: {
            date: '2029-05-31',
            provisional: false,
            source: 'GACI transition document',
            takenOn: '2027-01-10',
          },
        },
      ],
    });
    expect(catalogIn().validUntil('ISO 14001:2015')).toBe('2029-05-31');
  });

  it('refuses an override whose successor is nowhere in the catalogue', () => {
    write({ standards: [{ ...entry('ISO 45001:2018'), successor: 'ISO 45001:2027' }] });
    expect(catalogIn).toThrow(
      /"ISO 45001:2018": successor must be null or the code of another edition/,
    );
  });

  it('refuses a file that is not JSON', () => {
    writeFileSync(join(dataDir, 'standards.json'), '{ not json');
    expect(catalogIn).toThrow(/standards\.json is not valid JSON/);
  });
});
