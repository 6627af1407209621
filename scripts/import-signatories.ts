/**
 * `npm run signatories:import <file.csv> [-- --source <url> --retrieved-on YYYY-MM-DD
 *   --arrangement <text> --note <text> --out <path>]`
 *
 * (npm passes options to the script only after `--`.) --source defaults to the Global ACI
 * website, which publishes the MRA signatories since 2026; --retrieved-on to today.
 *
 * Replaces the signatory list (config/iaf-mla-signatories.json, or --out, such as
 * $DATA_DIR/iaf-mla-signatories.json to update an installation without a release) with
 * the published list saved as CSV: a header row (acronym, name, economy, and optionally
 * aliases separated by ";"), then one accreditation body a row. Every row is checked as
 * the application checks the file at start; on a bad row it names the line and writes
 * nothing. The file is written whole (a temporary file renamed over it).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configFile } from '../src/config/project-root';
import { SIGNATORIES_FILE } from '../src/verification/signals/iaf-mla';
import {
  SignatoryImportError,
  signatoriesFromCsv,
} from '../src/verification/signals/signatory-csv';

const COMMENT =
  "Accreditation bodies that sign the Global ACI MRA for management-system certification (ISO/IEC 17021-1: QMS, EMS, OHSMS). Global Accreditation Cooperation Incorporated (Global ACI, GACI) replaced IAF and ILAC on 1 January 2026; its MRA took over the IAF MLA, and accreditations under the IAF MLA stay valid during the transition. Written by `npm run signatories:import`; source says where and when the list was taken. A file of the same shape in DATA_DIR replaces this one without a release.";

/** Global ACI publishes the MRA signatories (its FAQ: "the Global ACI MRA signatory page"). */
const DEFAULT_SOURCE = 'https://global-aci.org/';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string', default: DEFAULT_SOURCE },
      'retrieved-on': { type: 'string' },
      arrangement: {
        type: 'string',
        default: 'Global ACI MRA (Global Accreditation Cooperation Incorporated, since 2026-01-01), formerly the IAF MLA',
      },
      note: { type: 'string' },
      out: { type: 'string', default: configFile(SIGNATORIES_FILE) },
    },
  });
  const [csvPath] = positionals;
  if (!csvPath || !values.source) {
    console.error(
      'usage: npm run signatories:import <file.csv> [-- --source <url of the published list> --retrieved-on YYYY-MM-DD --out <path>]',
    );
    return 2;
  }
  const retrievedOn = values['retrieved-on'] ?? new Date().toISOString().slice(0, 10);
  try {
    const { file, skippedRows } = signatoriesFromCsv(readFileSync(csvPath, 'utf8'), {
      arrangement: values.arrangement!,
      url: values.source!,
      retrievedOn,
      note: values.note ?? `Imported from ${csvPath} by npm run signatories:import.`,
    });
    const out = values.out!;
    const temporary = `${out}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ $comment: COMMENT, ...file }, null, 2)}\n`);
    renameSync(temporary, out);
    console.log(
      `${out}: ${file.signatories.length} signatories from ${values.source}, retrieved on ${retrievedOn}` +
        (skippedRows > 0 ? ` (${skippedRows} empty rows skipped)` : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof SignatoryImportError) {
      console.error(`${csvPath}: nothing written, the list has errors:\n${error.message}`);
      return 1;
    }
    console.error(`${csvPath}: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
