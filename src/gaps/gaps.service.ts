import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BuyersService } from '../buyers/buyers.service';
import type { Requirement } from '../buyers/requirement.entity';
import {
  VERIFICATION_STATES,
  VerificationState,
  VerificationStates,
} from '../certificates/certificate-links';
import { CertificatesService } from '../certificates/certificates.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { todayIn } from '../common/dates';
import { Page, pageOf } from '../common/pagination';
import { canonicalCategory, ProductVocabulary } from '../common/scope-matching';
import { ProductVocabularyFile } from '../config/product-vocabulary';
import { StandardsCatalog } from '../config/standards-catalog';
import { ReportCache } from '../database/report-cache';
import { Transactions } from '../database/transactions';
import { FactoriesService } from '../factories/factories.service';
import { FindingsService } from '../audits/findings.service';
import type { ReminderPolicy } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { GapQueryDto } from './dto/gap.dto';
import { effectivePolicy, horizonDays } from '../reminders/reminder-policy';
import { productionWording } from './gap-settings';
import {
  analyseRequirement,
  CertificateFacts,
  certificateCovers,
  FactoryFacts,
  Gap,
  suppliesCategory,
} from './gap.rules';

export interface AnalysedRequirement {
  requirement: Requirement;
  /** The certificate shown to the buyer, or null. */
  cover: CertificateFacts | null;
  gaps: Gap[];
}

export interface OrganizationAnalysis {
  today: string;
  horizonDays: number;
  requirements: AnalysedRequirement[];
  factories: Map<string, FactoryFacts>;
}

export interface AnalysisOptions {
  buyerIds?: string[];
  standard?: string;
  /** Given by the reminder scan; otherwise today in the organization's timezone and its own policy. */
  today?: string;
  policy?: ReminderPolicy | null;
  manager?: EntityManager;
}

/**
 * Computes scope gaps for a whole organization in a handful of set-based reads (its
 * organization row, requirements, factories, current certificates of the required
 * standards, and one verification look-up) and then in memory through maps: never a
 * query per requirement. Factories and certificates come from their services' set-based
 * reads, which load only the columns the rules need.
 */
@Injectable()
export class GapsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationsService,
    private readonly buyers: BuyersService,
    private readonly factories: FactoriesService,
    private readonly certificates: CertificatesService,
    private readonly catalog: StandardsCatalog,
    private readonly vocabulary: ProductVocabularyFile,
    private readonly clock: Clock,
    private readonly findings: FindingsService,
    private readonly reports: ReportCache,
    @Inject(VERIFICATION_STATES) private readonly verification: VerificationStates,
  ) {}

  async gaps(actor: Actor, query: GapQueryDto): Promise<Page<Gap>> {
    // The whole organization's analysis is kept (ReportCache) and filtered here: each
    // requirement is analysed on its own, so filtering after gives the same gaps.
    const organizationId = actor.organizationId;
    // The timezone the auth guard loaded with the user: a kept answer costs no statement.
    const timezone = actor.timezone ?? (await this.organizations.get(organizationId)).timezone;
    const today = todayIn(timezone, this.clock.now());
    const analysis = await this.reports.get(`gaps:${organizationId}:${today}`, () =>
      this.analyse(organizationId, { today }),
    );
    const factoryId = query.factoryId === 'own' ? null : query.factoryId;
    const all = analysis.requirements
      .filter(({ requirement }) => !query.buyerId || requirement.buyerId === query.buyerId)
      .filter(({ requirement }) => !query.standard || requirement.standard === query.standard)
      .flatMap((item) => item.gaps)
      .filter((gap) => query.factoryId === undefined || gap.factoryId === factoryId)
      .filter((gap) => !query.rule || gap.rule === query.rule);
    const start = (query.page - 1) * query.pageSize;
    return pageOf(all.slice(start, start + query.pageSize), all.length, query);
  }

  async analyse(
    organizationId: string,
    options: AnalysisOptions = {},
  ): Promise<OrganizationAnalysis> {
    const manager = options.manager ?? this.transactions.manager;
    const organization = await this.organizations.get(organizationId, manager);
    const today = options.today ?? todayIn(organization.timezone, this.clock.now());
    const horizon = horizonDays(
      effectivePolicy({
        ...organization,
        reminderPolicy: options.policy !== undefined ? options.policy : organization.reminderPolicy,
      }),
    );

    let requirements = await this.buyers.requirementsOf(organizationId, options.buyerIds, manager);
    if (options.standard)
      requirements = requirements.filter((r) => r.standard === options.standard);
    const standards = [...new Set(requirements.map((r) => r.standard))];

    const [factoryRows, certificateRows] = await Promise.all([
      requirements.length === 0 ? Promise.resolve([]) : this.loadFactories(manager, organizationId),
      this.loadCertificates(manager, organizationId, standards, today),
    ]);

    const vocabulary = this.vocabulary.vocabulary;
    const factories = new Map<string, FactoryFacts>(factoryRows.map((f) => [f.id, f]));
    const suppliersByCategory = new Map<string, FactoryFacts[]>();
    for (const factory of factoryRows) {
      for (const category of new Set(
        factory.productCategories.map((c) => canonicalCategory(c, vocabulary)),
      )) {
        if (!suppliesCategory(factory, category, vocabulary)) continue;
        const list = suppliersByCategory.get(category) ?? [];
        list.push(factory);
        suppliersByCategory.set(category, list);
      }
    }
    const byHolderStandard = new Map<string, CertificateFacts[]>();
    for (const certificate of certificateRows) {
      const key = holderKey(certificate.factoryId, certificate.standard);
      const list = byHolderStandard.get(key) ?? [];
      list.push(certificate);
      byHolderStandard.set(key, list);
    }

    const candidates = requirements.map((requirement) => {
      const suppliers =
        suppliersByCategory.get(canonicalCategory(requirement.productCategory, vocabulary)) ?? [];
      const certificates = [
        ...suppliers.flatMap(
          (f) => byHolderStandard.get(holderKey(f.id, requirement.standard)) ?? [],
        ),
        ...(byHolderStandard.get(holderKey(null, requirement.standard)) ?? []),
      ];
      return { requirement, suppliers, certificates };
    });

    await this.attachVerification(organizationId, candidates, today, vocabulary);
    const openMajorFindings =
      requirements.length === 0
        ? new Map<string, { count: number; earliestDueOn: string | null }>()
        : await this.findings.unresolvedMajorByFactory(organizationId, manager);

    const wording = productionWording();
    const analysed = candidates.map(({ requirement, suppliers, certificates }) => {
      const result = analyseRequirement(
        {
          requirementId: requirement.id,
          buyerId: requirement.buyerId,
          standard: requirement.standard,
          productCategory: requirement.productCategory,
        },
        suppliers,
        certificates,
        {
          today,
          horizonDays: horizon,
          traderBusinessScope: organization.businessScope,
          wording,
          vocabulary,
          validUntil: this.catalog.validUntil(requirement.standard),
          openMajorFindings,
        },
      );
      for (const gap of result.gaps) {
        if (gap.factoryId && gap.facts.factoryName === undefined)
          gap.facts.factoryName = factories.get(gap.factoryId)?.name ?? null;
      }
      return { requirement, ...result };
    });
    return { today, horizonDays: horizon, requirements: analysed, factories };
  }

  /** One look-up for every certificate that covers some requirement (none when no verification feature is present). */
  private async attachVerification(
    organizationId: string,
    candidates: { requirement: Requirement; certificates: CertificateFacts[] }[],
    today: string,
    vocabulary: ProductVocabulary,
  ): Promise<void> {
    const covering = new Set<string>();
    for (const { requirement, certificates } of candidates)
      for (const certificate of certificates)
        if (certificateCovers(certificate, requirement.productCategory, vocabulary))
          covering.add(certificate.id);
    if (covering.size === 0) return;
    const states = await this.verification.statesFor(organizationId, [...covering], today);
    const stateOf = (id: string): VerificationState => states.get(id) ?? 'unverified';
    // A certificate may stand in several requirements' candidates: each is looked up once.
    const done = new Set<CertificateFacts>();
    for (const { certificates } of candidates)
      for (const certificate of certificates) {
        if (!covering.has(certificate.id) || done.has(certificate)) continue;
        done.add(certificate);
        certificate.verification = stateOf(certificate.id);
        certificate.accreditationWithdrawnOn = this.verification.accreditationWithdrawnOn(
          certificate.certificationBody ?? '',
          certificate.accreditationBody ?? null,
        );
      }
  }

  private async loadFactories(
    manager: EntityManager,
    organizationId: string,
  ): Promise<FactoryFacts[]> {
    const rows = await this.factories.listNotEnded(organizationId, manager);
    return rows.map((f) => ({
      id: f.id,
      name: f.name,
      productCategories: f.productCategories ?? [],
      status: f.status,
    }));
  }

  private async loadCertificates(
    manager: EntityManager,
    organizationId: string,
    standards: string[],
    today: string,
  ): Promise<CertificateFacts[]> {
    const rows = await this.certificates.listCurrentOfStandards(
      organizationId,
      standards,
      today,
      manager,
    );
    return rows.map((c) => ({
      id: c.id,
      factoryId: c.factoryId,
      standard: c.standard,
      certificateNumber: c.certificateNumber,
      certificationBody: c.certificationBody,
      accreditationBody: c.accreditationBody,
      status: c.status,
      scope: c.scope,
      productCategories: c.productCategories ?? [],
      expiresOn: c.expiresOn,
      nextSurveillanceAuditOn: c.nextSurveillanceAuditOn,
      verification: null,
    }));
  }
}

function holderKey(factoryId: string | null, standard: string): string {
  return `${factoryId ?? ''}|${standard}`;
}
