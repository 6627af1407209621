import { readFileSync } from 'node:fs';
import { configFile } from '../../config/project-root';
import {
  AccreditationWithdrawal,
  isIafMlaSignatory,
  signatoryListProblems,
  SignatoryIndex,
  SignatoryListFile,
  withdrawalListProblems,
  WithdrawalIndex,
} from './iaf-mla';

const file = JSON.parse(
  readFileSync(configFile('iaf-mla-signatories.json'), 'utf8'),
) as SignatoryListFile;
const shipped = file.signatories;

describe('isIafMlaSignatory', () => {
  const cases: [string, boolean][] = [
    ['CNAS', true],
    ['cnas', true],
    ['CNAS L1234', true],
    ['China National Accreditation Service for Conformity Assessment', true],
    ['中国合格评定国家认可委员会', true],
    ['JAS-ANZ', true],
    ['jas anz', true],
    ['Accredited by UKAS', true],
    ['DAkkS', true],
    ['RvA', true],
    ['SA', true],
    ['Example Accreditation SA', false],
    ['', false],
    ['CNASS', false],
    ['International Accreditation Forum Services Ltd', false],
    ['UAF (United Accreditation Foundation)', false],
    ['Global Accreditation Council of Certification', false],
  ];

  it.each(cases)('%s → %s', (body, expected) => {
    expect(isIafMlaSignatory(body, shipped)).toBe(expected);
  });

  it('ships a list with the main signatories, each with a name and an acronym', () => {
    const acronyms = shipped.map((s) => s.acronym);
    for (const a of ['CNAS', 'UKAS', 'DAkkS', 'ANAB', 'COFRAC', 'ACCREDIA', 'JAB', 'SAC', 'HKAS']) {
      expect(acronyms).toContain(a);
    }
    expect(shipped.every((s) => s.name.length > 0 && s.acronym.length > 0)).toBe(true);
  });
});

// Global ACI (Global Accreditation Cooperation Incorporated) replaced IAF and ILAC on
// 2026-01-01; IAF MLA accreditations stay valid during the transition.
describe('the shipped signatory list', () => {
  it('is valid, and says where it comes from, when, and that it names the Global ACI MRA and the former IAF MLA', () => {
    expect(signatoryListProblems(file)).toEqual([]);
    expect(file.source.arrangement).toContain('Global ACI MRA');
    expect(file.source.arrangement).toContain('IAF MLA');
    expect(file.source.retrievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.source.note.length).toBeGreaterThan(0);
  });

  it('names each bad entry and field', () => {
    const problems = signatoryListProblems({
      source: {
        arrangement: 'x',
        url: 'https://example.org',
        retrievedOn: '2026-13-01',
        note: 'n',
      },
      signatories: [
        { acronym: 'CNAS', name: 'China', economy: 'CN', aliases: [] },
        { acronym: 'XAB', name: '', economy: 'China', aliases: [''] },
        { acronym: 'CNAS', name: 'China again', economy: 'CN', aliases: [] },
      ],
    });
    expect(problems).toEqual([
      'source.retrievedOn must be a date YYYY-MM-DD',
      'signatories[1] (XAB): name must be text',
      'signatories[1] (XAB): economy must be an ISO 3166-1 alpha-2 code such as CN',
      'signatories[1] (XAB): aliases must be a list of names',
      'signatories[2] (CNAS): listed twice',
    ]);
  });

  it('answers as the list it was built from, from one index built once', () => {
    const index = new SignatoryIndex(shipped);
    expect(index.find('CNAS L1234')?.economy).toBe('CN');
    expect(index.find('accredited by UKAS')?.acronym).toBe('UKAS');
    expect(index.find('Example Accreditation SA')).toBeNull();
  });
});

// IAF CertSearch, "Rules for Withdrawn Accreditation": a certification body's certificates
// stay searchable for 3 months after its accreditation is withdrawn.
describe('recorded accreditation withdrawals', () => {
  const withdrawal: AccreditationWithdrawal = {
    certificationBody: 'Example Certification (Shenzhen) Co., Ltd.',
    aliases: ['深圳示例认证有限公司'],
    accreditationBody: 'CNAS',
    withdrawnOn: '2026-06-01',
    source: 'CNAS announcement',
    recordedOn: '2026-06-10',
  };
  const index = new WithdrawalIndex([withdrawal], new SignatoryIndex(shipped));

  it.each([
    ['Example Certification (Shenzhen) Co., Ltd.', 'CNAS', true],
    ['EXAMPLE CERTIFICATION (SHENZHEN) CO LTD', null, true],
    ['深圳示例认证有限公司', '中国合格评定国家认可委员会', true],
    ['Example Certification (Shenzhen) Co., Ltd.', 'UKAS', false],
    ['Example Certification (Ningbo) Co., Ltd.', 'CNAS', false],
  ])('%s accredited by %s → %s', (body, accreditation, concerned) => {
    expect(index.find(body, accreditation) !== null).toBe(concerned);
  });

  it('checks the file and names the entry', () => {
    expect(withdrawalListProblems({ withdrawals: [] })).toEqual([]);
    expect(
      withdrawalListProblems({
        withdrawals: [{ ...withdrawal, withdrawnOn: '1 June 2026', source: '' }],
      }),
    ).toEqual([
      'withdrawals[0] (Example Certification (Shenzhen) Co., Ltd.): withdrawnOn must be a date YYYY-MM-DD',
      'withdrawals[0] (Example Certification (Shenzhen) Co., Ltd.): source must say where the withdrawal was read',
    ]);
  });
});
