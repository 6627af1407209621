import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * The text drawn by a PDF's content streams, enough to check what a generated PDF says:
 * inflates each FlateDecode stream and decodes the hex strings of its Tj/TJ operators
 * (pdfkit writes standard-font text that way, WinAnsi-encoded).
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const texts: string[] = [];
  const streamPattern = /<<([^]*?)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    let body = pdf.subarray(start, end);
    if (/FlateDecode/.test(match[1])) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    const content = body.toString('latin1');
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [op[2]];
      texts.push(hexes.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join(''));
    }
  }
  return texts.join('\n');
}

export interface ParsedPdf {
  numPages: number;
  /** The text of each page, as pdf.js extracts it. */
  pages: string[];
  text: string;
}

/**
 * Parses a PDF with pdf.js (pdfjs-dist, the reader Firefox uses) in a child Node.js
 * process, and answers its pages' text: a PDF pdf.js cannot open fails the test.
 */
export function parsePdf(pdf: Buffer): Promise<ParsedPdf> {
  const script = join(__dirname, 'pdf-extract.mjs');
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [script],
      { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error)
          return reject(new Error(`pdf.js could not read the PDF: ${stderr || error.message}`));
        const parsed = JSON.parse(stdout) as { numPages: number; pages: string[] };
        resolve({ ...parsed, text: parsed.pages.join('\n') });
      },
    );
    child.stdin?.end(pdf);
  });
}
