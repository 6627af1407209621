import { readFileSync } from 'node:fs';
import { configFile } from '../../config/project-root';
import { isIafMlaSignatory, MlaSignatory } from './iaf-mla';

const shipped = (
  JSON.parse(readFileSync(configFile('iaf-mla-signatories.json'), 'utf8')) as {
    signatories: MlaSignatory[];
  }
).signatories;

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
