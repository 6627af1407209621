import { signatoriesFromCsv, SignatoryImportError } from './signatory-csv';

const source = {
  arrangement: 'Global ACI MRA, formerly the IAF MLA',
  url: 'https://global-aci.org/',
  retrievedOn: '2026-12-02',
  note: 'Imported from the published list.',
};

const problemsOf = (text: string): string[] => {
  try {
    signatoriesFromCsv(text, source);
  } catch (error) {
    if (error instanceof SignatoryImportError) return error.problems;
    throw error;
  }
  return [];
};

// `npm run signatories:import`: the published Global ACI MRA (formerly IAF MLA) list as CSV.
describe('signatoriesFromCsv', () => {
  it('reads the published columns, aliases split on ";", economy in upper case, empty rows skipped', () => {
    const { file, skippedRows } = signatoriesFromCsv(
      '\uFEFFAcronym,Accreditation Body,Economy,Aliases\n' +
        'CNAS,China National Accreditation Service for Conformity Assessment,cn,中国合格评定国家认可委员会\n' +
        ',,,\n' +
        '"JAS-ANZ","Joint Accreditation System of Australia and New Zealand",AU,JASANZ; JAS ANZ\n',
      source,
    );
    expect(skippedRows).toBe(1);
    expect(file.source).toEqual(source);
    expect(file.signatories).toEqual([
      {
        acronym: 'CNAS',
        name: 'China National Accreditation Service for Conformity Assessment',
        economy: 'CN',
        aliases: ['中国合格评定国家认可委员会'],
      },
      {
        acronym: 'JAS-ANZ',
        name: 'Joint Accreditation System of Australia and New Zealand',
        economy: 'AU',
        aliases: ['JASANZ', 'JAS ANZ'],
      },
    ]);
  });

  it('names the line of each bad row, and of a row listed twice', () => {
    expect(
      problemsOf(
        'acronym,name,country\n' +
          'UKAS,United Kingdom Accreditation Service,United Kingdom\n' +
          ',Nameless,DE\n' +
          'UKAS,United Kingdom Accreditation Service,GB\n' +
          'UKAS,UKAS again,GB\n',
      ),
    ).toEqual([
      'line 2 (UKAS): economy must be an ISO 3166-1 alpha-2 code such as CN',
      'line 3: acronym must be text',
    ]);
    expect(
      problemsOf(
        'acronym,name,economy\nUKAS,United Kingdom Accreditation Service,GB\nUKAS,Again,GB\n',
      ),
    ).toEqual(['line 3 (UKAS): listed twice']);
  });

  it('says which column is missing, and refuses an empty list', () => {
    expect(problemsOf('acronym,economy\nCNAS,CN\n')).toEqual([
      'line 1: no column for name (one of: name, accreditationbody, accreditationbodyname, organisation, organization)',
    ]);
    expect(problemsOf('acronym,name,economy\n')).toEqual(['signatories must be a non-empty list']);
    expect(problemsOf('')).toEqual(['the file is empty: expected a header row']);
  });
});
