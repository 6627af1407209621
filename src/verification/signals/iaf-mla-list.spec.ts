import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigType } from '@nestjs/config';
import type { appConfig } from '../../config/configuration';
import { IafMlaList } from './iaf-mla-list';

type App = ConfigType<typeof appConfig>;

describe('IafMlaList: the accreditation data files, shipped or in DATA_DIR', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'certpact-accreditation-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = () => new IafMlaList({ dataDir } as App);

  it('reads the shipped files when DATA_DIR has none', () => {
    const list = load();
    expect(list.signatoriesPath).toMatch(/config\/iaf-mla-signatories\.json$/);
    expect(list.source.arrangement).toContain('Global ACI MRA');
    expect(list.recognizes('CNAS')).toBe(true);
    expect(list.recognizes('')).toBeNull();
    expect(list.withdrawalFor('China Quality Certification Centre', 'CNAS')).toBeNull();
  });

  it('reads a withdrawals file in DATA_DIR', () => {
    writeFileSync(
      join(dataDir, 'accreditation-withdrawals.json'),
      JSON.stringify({
        withdrawals: [
          {
            certificationBody: 'Example Certification Ltd',
            aliases: [],
            accreditationBody: null,
            withdrawnOn: '2026-10-15',
            source: 'UKAS notice',
            recordedOn: '2026-11-01',
          },
        ],
      }),
    );
    expect(load().withdrawalFor('EXAMPLE CERTIFICATION LTD', 'UKAS')?.withdrawnOn).toBe(
      '2026-10-15',
    );
  });

  it('refuses a broken file, naming the file and the entry', () => {
    writeFileSync(
      join(dataDir, 'accreditation-withdrawals.json'),
      JSON.stringify({
        withdrawals: [
          {
            certificationBody: 'Broken Certification Ltd',
            aliases: [],
            accreditationBody: null,
            withdrawnOn: 'last spring',
            source: 'a call',
            recordedOn: '2026-11-01',
          },
        ],
      }),
    );
    expect(load).toThrow(
      `${join(dataDir, 'accreditation-withdrawals.json')} is not a valid list of accreditation withdrawals: withdrawals[0] (Broken Certification Ltd): withdrawnOn must be a date YYYY-MM-DD`,
    );
    writeFileSync(join(dataDir, 'iaf-mla-signatories.json'), '{ not json');
    expect(load).toThrow(/iaf-mla-signatories\.json is not valid JSON/);
  });
});
