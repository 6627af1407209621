import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { EvidenceItem, EvidencePack } from './dto/coverage.dto';

/**
 * Renders the evidence pack with pdfkit. Latin text uses the built-in Helvetica; text with
 * Chinese characters uses a CJK font when one is installed (Noto CJK, WenQuanYi…), and
 * otherwise shows the Chinese runs as "[…]" with a note pointing to the JSON version.
 */
/** [path, font name inside a .ttc collection] */
const CJK_FONT_CANDIDATES: [string, string | undefined][] = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['/usr/share/fonts/truetype/arphic/uming.ttc', 'AR-PL-UMing-CN'],
  ['/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', undefined],
];
// Helvetica (WinAnsi) prints Latin-1 and a few typographic marks; anything else needs another font.
const NON_LATIN = /[^\u0020-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]+/gu;

function cjkFont(): [string, string | undefined] | null {
  return CJK_FONT_CANDIDATES.find(([path]) => existsSync(path)) ?? null;
}

const VERIFICATION_WORDS: Record<string, string> = {
  verified: 'verified with the certification registry',
  unverified: 'not verified yet',
  pending_registry: 'awaiting a registry check',
  failed: 'verification failed',
};

const STATUS_WORDS: Record<string, string> = {
  covered: 'Covered',
  covered_with_gaps: 'Covered, with gaps',
  not_covered: 'Not covered',
};

export function renderEvidencePackPdf(pack: EvidencePack): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Certification evidence for ${pack.buyer.name}`,
      Author: pack.organization.name,
      Subject: 'Certificates covering the buyer requirements',
    },
  });
  const cjk = cjkFont();
  if (cjk) doc.registerFont('cjk', cjk[0], cjk[1]);
  let omitted = false;

  const write = (text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) => {
    const hasNonLatin = NON_LATIN.test(text);
    NON_LATIN.lastIndex = 0;
    let shown = text;
    if (hasNonLatin && cjk) doc.font('cjk');
    else {
      doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica');
      if (hasNonLatin) {
        shown = text.replace(NON_LATIN, '[…]');
        omitted = true;
      }
    }
    doc.fontSize(options.size ?? 10).text(shown);
    if (options.gap) doc.moveDown(options.gap);
  };

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  write('Certification evidence', { size: 18, bold: true });
  write(
    `Prepared by ${pack.organization.name} for ${pack.buyer.name} (${pack.buyer.country}) on ${pack.generatedOn}`,
    { gap: 1 },
  );

  for (const item of pack.items) writeItem(item, write);

  if (omitted)
    write(
      'Chinese text is shown as […] because no Chinese font is installed on the server; the JSON version of this pack (Accept: application/json) has it in full.',
      { size: 8 },
    );
  doc.end();
  return done;
}

type Write = (text: string, options?: { size?: number; bold?: boolean; gap?: number }) => void;

function writeItem(item: EvidenceItem, write: Write): void {
  write(`${item.standard} for ${item.productCategory}: ${STATUS_WORDS[item.status]}`, {
    size: 13,
    bold: true,
  });
  const c = item.certificate;
  if (c) {
    write(`Certificate number: ${c.certificateNumber}`);
    write(
      `Holder: ${c.holder === 'own' ? 'the trader (own certificate)' : (c.factoryName ?? 'partner factory')}`,
    );
    write(
      `Certification body: ${c.certificationBody}${c.accreditationBody ? ` (accredited by ${c.accreditationBody})` : ''}`,
    );
    write(`Scope: ${c.scope}`);
    if (c.sites.length) write(`Sites: ${c.sites.join('; ')}`);
    write(
      `Issued ${c.issuedOn}, expires ${c.expiresOn}${c.nextSurveillanceAuditOn ? `, next surveillance audit ${c.nextSurveillanceAuditOn}` : ''}`,
    );
    write(
      `Status: ${c.status}; verification: ${VERIFICATION_WORDS[c.verification] ?? c.verification}`,
    );
    for (const agreement of item.backing)
      write(
        `Backed by: ${agreement.title} (${agreement.kind.replace(/_/g, ' ')}, ${agreement.status})`,
      );
    if (item.backing.length === 0)
      write('Backed by: no cooperation agreement or audit disclosure on record');
  } else {
    write('No certificate covers this requirement.');
  }
  for (const gap of item.gaps) write(`Gap (${gap.rule}): ${gap.explanation}`);
  write('', { gap: 0.8 });
}
