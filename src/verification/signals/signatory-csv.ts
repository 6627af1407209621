import { parse } from 'csv-parse/sync';
import {
  MlaSignatory,
  signatoryListProblems,
  signatoryProblems,
  SignatoryListFile,
  SignatoryListSource,
} from './iaf-mla';

/**
 * Column names accepted for each field of the published signatory list, compared without
 * case, spaces or punctuation; the list as saved from a spreadsheet usually says
 * "Accreditation Body" and "Economy".
 */
const COLUMNS: Record<keyof MlaSignatory, string[]> = {
  acronym: ['acronym', 'abbreviation', 'shortname', 'ab'],
  name: ['name', 'accreditationbody', 'accreditationbodyname', 'organisation', 'organization'],
  economy: ['economy', 'country', 'countrycode', 'economycode'],
  aliases: ['aliases', 'alias', 'othernames'],
};

const key = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

export interface SignatoryImport {
  file: SignatoryListFile;
  /** Rows left out because they were empty. */
  skippedRows: number;
}

/** An import that failed: every bad row, by its line in the file (the header is line 1). */
export class SignatoryImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/**
 * Reads the published signatory list saved as CSV (a header row, then one accreditation
 * body a row; aliases separated by `;` or `|`) into the data file, checked: a bad row is
 * named by its line and nothing is returned. Pure: the text and the source are passed in.
 */
export function signatoriesFromCsv(text: string, source: SignatoryListSource): SignatoryImport {
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: false,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new SignatoryImportError([`not readable as CSV: ${(error as Error).message}`]);
  }
  const header = rows[0];
  if (!header) throw new SignatoryImportError(['the file is empty: expected a header row']);
  const index: Partial<Record<keyof MlaSignatory, number>> = {};
  const problems: string[] = [];
  for (const [field, names] of Object.entries(COLUMNS) as [keyof MlaSignatory, string[]][]) {
    const at = header.findIndex((h) => names.includes(key(h)));
    if (at >= 0) index[field] = at;
    else if (field !== 'aliases')
      problems.push(`line 1: no column for ${field} (one of: ${names.join(', ')})`);
  }
  if (problems.length > 0) throw new SignatoryImportError(problems);

  const signatories: MlaSignatory[] = [];
  const lines: number[] = [];
  let skippedRows = 0;
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.every((cell) => cell === '')) {
      skippedRows++;
      return;
    }
    const cell = (field: keyof MlaSignatory) =>
      index[field] === undefined ? '' : (row[index[field]] ?? '');
    const entry: MlaSignatory = {
      acronym: cell('acronym'),
      name: cell('name'),
      economy: cell('economy').toUpperCase(),
      aliases: cell('aliases')
        .split(/[;|]/)
        .map((a) => a.trim())
        .filter((a) => a.length > 0),
    };
    const label = `line ${line}${entry.acronym ? ` (${entry.acronym})` : ''}`;
    for (const problem of signatoryProblems(entry)) problems.push(`${label}: ${problem}`);
    signatories.push(entry);
    lines.push(line);
  });
  if (problems.length > 0) throw new SignatoryImportError(problems);

  const file: SignatoryListFile = { source, signatories };
  // What is left (source, duplicates) is checked as the application checks the file at start.
  const rest = signatoryListProblems(file).map((problem) =>
    problem.replace(/^signatories\[(\d+)\]/, (_, i: string) => `line ${lines[Number(i)]}`),
  );
  if (rest.length > 0) throw new SignatoryImportError(rest);
  return { file, skippedRows };
}
