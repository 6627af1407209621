import { Inject, Injectable } from '@nestjs/common';
import { CERTIFICATE_BACKING, CertificateBacking } from '../certificates/certificate-links';
import { CertificatesService } from '../certificates/certificates.service';
import type { Actor } from '../common/actor';
import { categoryIn, sameCategory } from '../common/scope-matching';
import { ProductVocabularyFile } from '../config/product-vocabulary';
import { OrganizationsService } from '../organizations/organizations.service';
import { toGapResponse } from './dto/gap.dto';
import { CertificateFacts } from './gap.rules';
import { AnalysedRequirement, GapsService } from './gaps.service';
import { AuditsService } from '../audits/audits.service';
import { FindingsService } from '../audits/findings.service';
import { StandingService } from '../audits/standing.service';
import { DocumentsService } from '../documents/documents.service';
import { FactoriesService } from '../factories/factories.service';
import { VerificationsService } from '../verification/verifications.service';
import { BuyersService } from '../buyers/buyers.service';
import { buyerNote } from './evidence-notes';
import { PackAttachment, renderEvidencePackPdf } from './evidence-pack.pdf';
import {
  CoverageResponse,
  CoverageStatus,
  CoveringCertificate,
  EvidenceMaker,
  EvidencePack,
} from './dto/coverage.dto';

function statusOf(item: AnalysedRequirement): CoverageStatus {
  if (!item.cover) return 'not_covered';
  return item.gaps.length === 0 ? 'covered' : 'covered_with_gaps';
}

/** What a buyer can be shown: per requirement, the covering certificate or the gaps. */
@Injectable()
export class BuyerReportsService {
  constructor(
    private readonly buyers: BuyersService,
    private readonly gaps: GapsService,
    private readonly certificates: CertificatesService,
    private readonly organizations: OrganizationsService,
    private readonly factories: FactoriesService,
    private readonly verification: VerificationsService,
    private readonly documents: DocumentsService,
    private readonly audits: AuditsService,
    private readonly findings: FindingsService,
    private readonly standing: StandingService,
    private readonly vocabularyFile: ProductVocabularyFile,
    @Inject(CERTIFICATE_BACKING) private readonly backing: CertificateBacking,
  ) {}

  async coverage(actor: Actor, buyerId: string): Promise<CoverageResponse> {
    const buyer = await this.buyers.get(actor.organizationId, buyerId);
    const analysis = await this.gaps.analyse(actor.organizationId, { buyerIds: [buyer.id] });
    const factoryName = (id: string | null) =>
      id ? (analysis.factories.get(id)?.name ?? null) : null;
    return {
      buyer: { id: buyer.id, name: buyer.name, country: buyer.country },
      today: analysis.today,
      horizonDays: analysis.horizonDays,
      requirements: analysis.requirements.map((item) => ({
        requirementId: item.requirement.id,
        standard: item.requirement.standard,
        productCategory: item.requirement.productCategory,
        status: statusOf(item),
        certificate: item.cover ? covering(item.cover, factoryName(item.cover.factoryId)) : null,
        gaps: item.gaps.map(toGapResponse),
      })),
    };
  }

  /** The evidence pack's content, in the buyer's language. */
  async evidencePack(actor: Actor, buyerId: string): Promise<EvidencePack> {
    return (await this.evidenceWithFiles(actor.organizationId, buyerId, false)).pack;
  }

  /** The evidence pack as a PDF, with the certificates' own files appended. */
  async evidencePdf(
    organizationId: string,
    buyerId: string,
  ): Promise<{ pack: EvidencePack; pdf: Buffer }> {
    const { pack, files } = await this.evidenceWithFiles(organizationId, buyerId);
    return { pack, pdf: await renderEvidencePackPdf(pack, files) };
  }

  /** The pack and the certificates' own files (for the PDF), for a buyer of the organization. */
  async evidenceWithFiles(
    organizationId: string,
    buyerId: string,
    withFiles = true,
  ): Promise<{ pack: EvidencePack; files: Map<string, PackAttachment> }> {
    const buyer = await this.buyers.get(organizationId, buyerId);
    const locale = buyer.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const vocabulary = this.vocabularyFile.vocabulary;
    // Categories in the buyer's language: a German buyer reads "kettles", not 电热水壶.
    const category = (name: string) =>
      categoryIn(name, locale === 'zh-CN' ? 'zh' : 'en', vocabulary);
    const categoriesIn = (names: string[]) => [...new Set(names.map(category))];
    const organization = await this.organizations.get(organizationId);
    const analysis = await this.gaps.analyse(organizationId, { buyerIds: [buyer.id] });
    const coverIds = [
      ...new Set(analysis.requirements.flatMap((i) => (i.cover ? [i.cover.id] : []))),
    ];
    const full = new Map(
      (
        await Promise.all(
          coverIds.map((id) => this.certificates.getInOrganization(organizationId, id)),
        )
      ).map((c) => [c.id, c]),
    );
    const categories = [
      ...new Set(analysis.requirements.map((i) => i.requirement.productCategory)),
    ];
    // Who makes it: the holders of covering certificates, and the factories supplying the categories.
    const makerIds = new Set<string>();
    for (const item of analysis.requirements) {
      if (item.cover?.factoryId) makerIds.add(item.cover.factoryId);
      for (const gap of item.gaps) if (gap.factoryId) makerIds.add(gap.factoryId);
    }
    for (const factory of analysis.factories.values())
      if (
        factory.status !== 'ended' &&
        factory.productCategories.some((c) =>
          categories.some((p) => sameCategory(p, c, vocabulary)),
        )
      )
        makerIds.add(factory.id);
    const [factories, backing, verification, latestAudits, standings, files] = await Promise.all([
      this.factories.findMany(organizationId, [...makerIds]),
      this.backing.backingFor(organizationId, coverIds),
      this.verification.summaries(organizationId, [...full.values()], analysis.today),
      this.audits.latestOf(organizationId, [...makerIds]),
      this.standing.standingsOf(organizationId, [...makerIds]),
      this.documents.latestOfCertificates(organizationId, coverIds, withFiles),
    ]);
    const factoryById = new Map(factories.map((f) => [f.id, f]));
    const findings = await this.findings.ofAudits(
      organizationId,
      [...latestAudits.values()].map((a) => a.id),
    );
    const makers: EvidenceMaker[] = [...makerIds]
      .map((id) => factoryById.get(id))
      .filter((f): f is NonNullable<typeof f> => f !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((factory) => {
        const audit = latestAudits.get(factory.id);
        const standing = standings.get(factory.id);
        return {
          factoryId: factory.id,
          name: factory.name,
          nameEn: factory.nameEn,
          country: factory.country,
          city: factory.city,
          productCategories: categoriesIn(factory.productCategories),
          standing: standing
            ? { status: standing.status, explanation: standing.explanation[locale] }
            : null,
          latestAudit: audit
            ? {
                factoryId: factory.id,
                auditedOn: audit.auditedOn,
                auditor: audit.auditor,
                auditorOrganization: audit.auditorOrganization,
                kind: audit.kind,
                standards: audit.standards,
                processes: audit.processes,
                overallScore: audit.overallScore,
                sections: audit.sectionScores.map((s) => ({
                  title: this.audits.sectionTitle(s.templateId, s.sectionId)[locale],
                  score: s.score,
                })),
                findings: (findings.get(audit.id) ?? []).map((f) => ({
                  severity: f.severity,
                  clause: f.clause,
                  description: f.description,
                  status: f.status,
                  dueOn: f.dueOn,
                  closedOn: f.closedAt ? f.closedAt.toISOString().slice(0, 10) : null,
                })),
              }
            : null,
        };
      });
    const auditForCategory = (wanted: string) => {
      const maker = makers.find(
        (m) =>
          m.latestAudit && m.productCategories.some((c) => sameCategory(c, wanted, vocabulary)),
      );
      return maker?.latestAudit
        ? {
            factoryName: locale === 'en' && maker.nameEn ? maker.nameEn : maker.name,
            auditedOn: maker.latestAudit.auditedOn,
            score: maker.latestAudit.overallScore,
          }
        : null;
    };
    const pack: EvidencePack = {
      locale,
      organization: { name: organization.name },
      buyer: {
        id: buyer.id,
        name: buyer.name,
        country: buyer.country,
        contactEmail: buyer.contactEmail,
      },
      generatedOn: analysis.today,
      productCategories: categoriesIn(categories),
      makers,
      items: analysis.requirements.map((item) => {
        const certificate = item.cover ? full.get(item.cover.id) : undefined;
        const factory = item.cover?.factoryId ? factoryById.get(item.cover.factoryId) : undefined;
        const factoryName = item.cover?.factoryId
          ? (analysis.factories.get(item.cover.factoryId)?.name ?? null)
          : null;
        const check = certificate ? verification.get(certificate.id)?.lastCheck : null;
        const file = certificate ? files.get(certificate.id)?.document : undefined;
        const context = {
          traderName: organization.name,
          audit: auditForCategory(item.requirement.productCategory),
        };
        return {
          requirementId: item.requirement.id,
          standard: item.requirement.standard,
          productCategory: category(item.requirement.productCategory),
          status: statusOf(item),
          certificate:
            item.cover && certificate
              ? {
                  ...covering(item.cover, factoryName),
                  certificationBody: certificate.certificationBody,
                  accreditationBody: certificate.accreditationBody,
                  scope: certificate.scope,
                  sites: certificate.sites,
                  productCategories: categoriesIn(certificate.productCategories),
                  issuedOn: certificate.issuedOn,
                  holderName: factory?.name ?? factoryName ?? organization.name,
                  holderNameEn: factory ? factory.nameEn : null,
                  latestVerification: check
                    ? { method: check.method, result: check.result, checkedOn: check.checkedOn }
                    : null,
                  document: file
                    ? { id: file.id, fileName: file.fileName, contentType: file.contentType }
                    : null,
                }
              : null,
          backing: item.cover ? (backing.get(item.cover.id) ?? []) : [],
          gaps: item.gaps.map(toGapResponse),
          notes: [...new Set(item.gaps.map((gap) => buyerNote(gap, context, locale)))],
        };
      }),
    };
    const attachments = new Map<string, PackAttachment>();
    if (withFiles)
      for (const [certificateId, { document, content }] of files)
        attachments.set(certificateId, { contentType: document.contentType, content });
    return { pack, files: attachments };
  }
}

function covering(cover: CertificateFacts, factoryName: string | null): CoveringCertificate {
  return {
    id: cover.id,
    holder: cover.factoryId ? 'factory' : 'own',
    factoryId: cover.factoryId,
    factoryName,
    standard: cover.standard,
    certificateNumber: cover.certificateNumber,
    expiresOn: cover.expiresOn,
    nextSurveillanceAuditOn: cover.nextSurveillanceAuditOn,
    status: cover.status,
    verification: cover.verification ?? 'unverified',
  };
}
