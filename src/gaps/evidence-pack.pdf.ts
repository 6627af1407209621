import PDFDocument from 'pdfkit';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import type { EvidenceAudit, EvidenceItem, EvidenceMaker, EvidencePack } from './dto/coverage.dto';

/**
 * Renders the evidence pack, a document for the buyer, in its language, with pdfkit.
 * Every line is set in Noto Sans SC, shipped with the service by the npm package
 * @expo-google-fonts/noto-sans-sc (SIL Open Font License): it has Latin and Chinese glyphs,
 * so Chinese renders on every install, and pdfkit embeds only the glyphs used (a subset),
 * so the file stays small. Certificate files are attached in an appendix: images are
 * drawn on a page of their own, PDFs are appended page by page with pdf-lib.
 */
const FONT_REGULAR =
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

/** A certificate's own file, by certificate id. */
export interface PackAttachment {
  contentType: string;
  content: Buffer;
}

type Locale = EvidencePack['locale'];

const WORDS = {
  en: {
    title: 'Certification evidence',
    preparedFor: (buyer: string, country: string) => `For ${buyer} (${country})`,
    preparedBy: (trader: string, date: string) => `Prepared by ${trader} on ${date}`,
    roles: 'Who sells and who makes the products',
    rolesText: (trader: string, buyer: string, categories: string) =>
      `${trader} is a trading company. It sells ${categories} to ${buyer} and does not manufacture them itself. The products are made by the partner factories below; the certificates in this pack are the factories' own and cover their production. ${trader} selects these factories, audits them, and follows up their certificates and corrective actions.`,
    makes: 'makes',
    standing: 'Supplier standing',
    summary: 'Requirements and the certificates that cover them',
    coveredBy: (number: string, holder: string) =>
      `covered by certificate ${number} held by ${holder}`,
    notCovered: 'not covered by a certificate',
    requirement: (standard: string, category: string) => `${standard} for ${category}`,
    holder: 'Holder (as printed)',
    holderEn: 'Holder in English',
    ownCertificate: 'the trader itself',
    number: 'Certificate number',
    body: 'Certification body',
    accreditation: 'Accreditation',
    scope: 'Scope',
    sites: 'Sites',
    dates: 'Validity',
    datesValue: (issued: string, expires: string) => `issued ${issued}, expires ${expires}`,
    surveillance: 'Next surveillance audit',
    status: 'Status',
    verification: 'Latest verification',
    neverVerified: 'not verified yet',
    verifiedValue: (method: string, result: string, date: string) =>
      `${result}, ${method}, on ${date}`,
    document: 'Certificate document',
    documentIn: (ref: string) => `see appendix ${ref}`,
    noDocument: 'no copy on file; ask us for one',
    whatWeDo: 'What we do about it',
    audits: 'Supplier audits',
    noAudit: (factory: string) => `${factory} has not been audited by us yet.`,
    auditHeading: (factory: string, date: string) => `${factory}, audited on ${date}`,
    auditor: 'Auditor',
    kind: 'Kind',
    covered: 'Standards covered',
    processes: 'Processes',
    score: 'Overall score',
    scoreValue: (score: number | null) => (score === null ? 'not scored' : `${score} / 100`),
    sections: 'Scores by section',
    findings: 'Findings',
    noFindings: 'No findings.',
    appendix: 'Appendix',
    appendixItem: (ref: string, number: string, holder: string) =>
      `Appendix ${ref}: certificate ${number} (${holder})`,
    pdfFollows: (pages: number) =>
      `The certificate's own PDF follows on the next ${pages === 1 ? 'page' : `${pages} pages`}.`,
    unreadable: 'The certificate file could not be attached; ask us for a copy.',
  },
  'zh-CN': {
    title: '认证证据资料',
    preparedFor: (buyer: string, country: string) => `致：${buyer}（${country}）`,
    preparedBy: (trader: string, date: string) => `${trader} 编制，${date}`,
    roles: '销售方与生产方',
    rolesText: (trader: string, buyer: string, categories: string) =>
      `${trader} 是一家贸易公司，向 ${buyer} 销售${categories}，本身不从事生产。产品由下列合作工厂生产；本资料中的证书是各工厂自己的证书，覆盖其自身的生产。${trader} 负责选择和审核这些工厂，并跟踪其证书与整改情况。`,
    makes: '生产',
    standing: '供应商评级',
    summary: '要求及覆盖的证书',
    coveredBy: (number: string, holder: string) => `由 ${holder} 持有的证书 ${number} 覆盖`,
    notCovered: '没有证书覆盖',
    requirement: (standard: string, category: string) => `${standard}：${category}`,
    holder: '持证方（证书所载）',
    holderEn: '持证方英文名称',
    ownCertificate: '贸易公司本身',
    number: '证书编号',
    body: '认证机构',
    accreditation: '认可机构',
    scope: '认证范围',
    sites: '认证地址',
    dates: '有效期',
    datesValue: (issued: string, expires: string) => `${issued} 签发，${expires} 到期`,
    surveillance: '下次监督审核',
    status: '状态',
    verification: '最近一次核验',
    neverVerified: '尚未核验',
    verifiedValue: (method: string, result: string, date: string) =>
      `${date}，${method}，${result}`,
    document: '证书文件',
    documentIn: (ref: string) => `见附录 ${ref}`,
    noDocument: '暂无存档副本，如需请联系我们',
    whatWeDo: '我们的做法',
    audits: '供应商审核',
    noAudit: (factory: string) => `我们尚未审核 ${factory}。`,
    auditHeading: (factory: string, date: string) => `${factory}，审核日期 ${date}`,
    auditor: '审核员',
    kind: '审核方式',
    covered: '审核标准',
    processes: '审核过程',
    score: '总分',
    scoreValue: (score: number | null) => (score === null ? '未评分' : `${score} / 100`),
    sections: '各部分得分',
    findings: '审核发现',
    noFindings: '无审核发现。',
    appendix: '附录',
    appendixItem: (ref: string, number: string, holder: string) =>
      `附录 ${ref}：证书 ${number}（${holder}）`,
    pdfFollows: (pages: number) => `证书原件 PDF 见后 ${pages} 页。`,
    unreadable: '证书文件无法附上，如需副本请联系我们。',
  },
} as const;

const ENUMS: Record<Locale, Record<string, string>> = {
  en: {
    active: 'active',
    suspended: 'suspended',
    withdrawn: 'withdrawn',
    expired: 'expired',
    superseded: 'superseded',
    confirmed: 'confirmed',
    not_found: 'not found',
    mismatch: 'details do not match',
    iaf_certsearch: 'IAF CertSearch',
    cnca: 'CNCA register',
    certification_body_registry: "certification body's register",
    manual: 'checked with the certification body',
    on_site: 'on site',
    remote: 'remote',
    document_review: 'document review',
    major: 'Major',
    minor: 'Minor',
    observation: 'Observation',
    approved: 'Approved',
    conditional: 'Conditional',
    not_approved: 'Not approved',
  },
  'zh-CN': {
    active: '有效',
    suspended: '暂停',
    withdrawn: '撤销',
    expired: '过期',
    superseded: '已被替代',
    confirmed: '确认有效',
    not_found: '未查到',
    mismatch: '信息不符',
    iaf_certsearch: 'IAF CertSearch',
    cnca: '国家认监委认证信息查询',
    certification_body_registry: '认证机构证书查询',
    manual: '向认证机构核实',
    on_site: '现场审核',
    remote: '远程审核',
    document_review: '文件审核',
    major: '严重',
    minor: '轻微',
    observation: '观察项',
    approved: '批准',
    conditional: '有条件批准',
    not_approved: '不批准',
  },
};

function findingLine(finding: EvidenceAudit['findings'][number], locale: Locale): string {
  const e = ENUMS[locale];
  const clause = finding.clause
    ? locale === 'zh-CN'
      ? `（条款 ${finding.clause}）`
      : ` (clause ${finding.clause})`
    : '';
  let state: string;
  if (locale === 'zh-CN') {
    state =
      finding.status === 'verified_closed'
        ? `已于 ${finding.closedOn} 验证关闭`
        : finding.status === 'action_proposed'
          ? `工厂已提交纠正措施，待验证${finding.dueOn ? `（期限 ${finding.dueOn}）` : ''}`
          : finding.dueOn
            ? `未关闭，整改期限 ${finding.dueOn}`
            : '未关闭';
    return `${e[finding.severity]}${clause}：${finding.description}（${state}）`;
  }
  state =
    finding.status === 'verified_closed'
      ? `verified and closed on ${finding.closedOn}`
      : finding.status === 'action_proposed'
        ? `corrective action proposed, to be verified${finding.dueOn ? ` (due ${finding.dueOn})` : ''}`
        : finding.dueOn
          ? `open, corrective action due ${finding.dueOn}`
          : 'open';
  return `${e[finding.severity]}${clause}: ${finding.description} (${state})`;
}

interface CheckedAttachment {
  ref: string;
  item: EvidenceItem;
  attachment: PackAttachment;
  /** For a PDF: its pages, ready to copy; null when it could not be read. */
  pdf: PdfLibDocument | null;
}

/** Reads each attached PDF first, so the appendix can say how many pages follow, or that it could not be read. */
async function checkAttachments(
  pack: EvidencePack,
  attachments: ReadonlyMap<string, PackAttachment>,
): Promise<CheckedAttachment[]> {
  const seen = new Set<string>();
  const checked: CheckedAttachment[] = [];
  for (const item of pack.items) {
    const id = item.certificate?.id;
    const attachment = id ? attachments.get(id) : undefined;
    if (!id || !attachment || seen.has(id)) continue;
    seen.add(id);
    let pdf: PdfLibDocument | null = null;
    if (attachment.contentType === 'application/pdf') {
      pdf = await PdfLibDocument.load(attachment.content, { ignoreEncryption: true }).catch(
        () => null,
      );
      if (pdf && pdf.getPageCount() === 0) pdf = null;
    }
    checked.push({ ref: `A${checked.length + 1}`, item, attachment, pdf });
  }
  return checked;
}

export async function renderEvidencePackPdf(
  pack: EvidencePack,
  attachments: ReadonlyMap<string, PackAttachment> = new Map(),
): Promise<Buffer> {
  const locale = pack.locale;
  const w = WORDS[locale];
  const e = ENUMS[locale];
  const appendix = await checkAttachments(pack, attachments);
  const refOf = new Map(appendix.map((a) => [a.item.certificate!.id, a.ref]));

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: {
      Title: `${w.title}: ${pack.buyer.name}`,
      Author: pack.organization.name,
      Subject: w.summary,
    },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  let pageIndex = 0;
  doc.on('pageAdded', () => (pageIndex += 1));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  const heading = (text: string, size = 14) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.6).font('bold').fontSize(size).fillColor('#1f3a5f').text(text, { width });
    doc.moveDown(0.3).fillColor('black');
  };
  const paragraph = (text: string, size = 10) =>
    doc.font('regular').fontSize(size).fillColor('black').text(text, { width, lineGap: 2 });
  const field = (label: string, value: string) => {
    doc
      .font('bold')
      .fontSize(10)
      .text(`${label}${locale === 'zh-CN' ? '：' : ': '}`, { continued: true, width });
    doc.font('regular').text(value, { width, lineGap: 1.5 });
  };
  const bullet = (text: string) =>
    doc.font('regular').fontSize(10).text(`•  ${text}`, { width, indent: 0, lineGap: 1.5 });
  const holderOf = (item: EvidenceItem) =>
    item.certificate?.holder === 'own'
      ? item.certificate.holderName
      : ((item.certificate?.holderNameEn && locale === 'en'
          ? item.certificate.holderNameEn
          : item.certificate?.holderName) ?? '');
  const makerName = (maker: EvidenceMaker) =>
    maker.nameEn && maker.nameEn !== maker.name ? `${maker.name} (${maker.nameEn})` : maker.name;
  const separator = locale === 'zh-CN' ? '、' : ', ';

  // Cover
  doc.font('bold').fontSize(24).fillColor('#1f3a5f').text(w.title, { width });
  doc.moveDown(0.4).fillColor('black');
  doc
    .font('regular')
    .fontSize(12)
    .text(w.preparedFor(pack.buyer.name, pack.buyer.country), { width });
  doc.text(w.preparedBy(pack.organization.name, pack.generatedOn), { width });
  heading(w.roles);
  paragraph(
    w.rolesText(pack.organization.name, pack.buyer.name, pack.productCategories.join(separator)),
  );
  doc.moveDown(0.4);
  for (const maker of pack.makers) {
    const place = [maker.city, maker.country].filter(Boolean).join(', ');
    bullet(
      `${makerName(maker)}${place ? `, ${place}` : ''}: ${w.makes} ${maker.productCategories.join(separator)}`,
    );
    if (maker.standing)
      doc
        .font('regular')
        .fontSize(9)
        .fillColor('#444444')
        .text(`${w.standing}: ${maker.standing.explanation}`, { width, indent: 14 })
        .fillColor('black');
  }
  heading(w.summary);
  for (const item of pack.items) {
    const c = item.certificate;
    bullet(
      `${w.requirement(item.standard, item.productCategory)}: ${c ? w.coveredBy(c.certificateNumber, holderOf(item)) : w.notCovered}`,
    );
  }

  // One section per requirement
  for (const [index, item] of pack.items.entries()) {
    if (index === 0) doc.addPage();
    heading(w.requirement(item.standard, item.productCategory), 15);
    const c = item.certificate;
    if (c) {
      field(w.holder, c.holder === 'own' ? `${c.holderName} (${w.ownCertificate})` : c.holderName);
      if (c.holderNameEn && c.holderNameEn !== c.holderName) field(w.holderEn, c.holderNameEn);
      field(w.number, c.certificateNumber);
      field(w.body, c.certificationBody);
      if (c.accreditationBody) field(w.accreditation, c.accreditationBody);
      field(w.scope, c.scope);
      if (c.sites.length) field(w.sites, c.sites.join('; '));
      field(w.dates, w.datesValue(c.issuedOn, c.expiresOn));
      if (c.nextSurveillanceAuditOn) field(w.surveillance, c.nextSurveillanceAuditOn);
      field(w.status, e[c.status] ?? c.status);
      field(
        w.verification,
        c.latestVerification
          ? w.verifiedValue(
              e[c.latestVerification.method] ?? c.latestVerification.method,
              e[c.latestVerification.result] ?? c.latestVerification.result,
              c.latestVerification.checkedOn,
            )
          : w.neverVerified,
      );
      const ref = refOf.get(c.id);
      field(w.document, ref ? w.documentIn(ref) : w.noDocument);
    }
    if (item.notes.length) {
      doc.moveDown(0.3);
      doc.font('bold').fontSize(10).text(w.whatWeDo, { width });
      for (const note of item.notes) paragraph(note);
    }
    doc.moveDown(0.6);
  }

  // Supplier audits
  if (pack.makers.length) {
    heading(w.audits, 16);
    for (const maker of pack.makers) {
      const audit = maker.latestAudit;
      if (!audit) {
        paragraph(w.noAudit(makerName(maker)));
        continue;
      }
      heading(w.auditHeading(makerName(maker), audit.auditedOn), 12);
      field(
        w.auditor,
        audit.auditorOrganization
          ? `${audit.auditor}, ${audit.auditorOrganization}`
          : audit.auditor,
      );
      field(w.kind, e[audit.kind] ?? audit.kind);
      if (audit.standards.length) field(w.covered, audit.standards.join(', '));
      if (audit.processes.length) field(w.processes, audit.processes.join(separator));
      field(w.score, w.scoreValue(audit.overallScore));
      if (audit.sections.length)
        field(
          w.sections,
          audit.sections
            .map((s) => `${s.title} ${s.score === null ? '—' : s.score}`)
            .join(locale === 'zh-CN' ? '；' : '; '),
        );
      // The explanation opens with the status itself ("Conditional: …", "有条件合格：…").
      if (maker.standing) field(w.standing, maker.standing.explanation);
      doc.moveDown(0.2).font('bold').fontSize(10).text(w.findings, { width });
      if (audit.findings.length === 0) paragraph(w.noFindings);
      for (const finding of audit.findings) bullet(findingLine(finding, locale));
    }
  }

  // Appendix: the certificates' own files
  const pdfPagesAfter: { afterPage: number; pdf: PdfLibDocument }[] = [];
  for (const entry of appendix) {
    doc.addPage();
    const c = entry.item.certificate!;
    doc.font('bold').fontSize(14).fillColor('#1f3a5f');
    doc.text(w.appendixItem(entry.ref, c.certificateNumber, holderOf(entry.item)), { width });
    doc.fillColor('black').moveDown(0.5);
    if (entry.attachment.contentType === 'application/pdf') {
      if (entry.pdf) {
        paragraph(w.pdfFollows(entry.pdf.getPageCount()));
        pdfPagesAfter.push({ afterPage: pageIndex, pdf: entry.pdf });
      } else paragraph(w.unreadable);
      continue;
    }
    try {
      doc.image(entry.attachment.content, {
        fit: [width, doc.page.height - doc.y - 70],
        align: 'center',
      });
    } catch {
      paragraph(w.unreadable);
    }
  }
  doc.end();
  const rendered = await done;
  if (pdfPagesAfter.length === 0) return rendered;

  // Insert each certificate PDF's pages right after its appendix page (from the last, so indices hold).
  const merged = await PdfLibDocument.load(rendered);
  for (const { afterPage, pdf } of [...pdfPagesAfter].reverse()) {
    const pages = await merged.copyPages(pdf, pdf.getPageIndices());
    pages.forEach((page, i) => merged.insertPage(afterPage + 1 + i, page));
  }
  return Buffer.from(await merged.save());
}
