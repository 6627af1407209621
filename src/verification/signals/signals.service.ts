import { Injectable } from '@nestjs/common';
import type { Certificate } from '../../certificates/certificate.entity';
import {
  CertificatesService,
  SignalCertificateColumns,
} from '../../certificates/certificates.service';
import type { Actor } from '../../common/actor';
import { Page } from '../../common/pagination';
import { ProductVocabularyFile } from '../../config/product-vocabulary';
import { StandardEdition, StandardsCatalog } from '../../config/standards-catalog';
import { ReportCache } from '../../database/report-cache';
import { Transactions } from '../../database/transactions';
import { FactoriesService } from '../../factories/factories.service';
import { SignalQueryDto } from '../dto/verification.dto';
import { SignalListItem } from '../dto/verification.response';
import { VerificationsService } from '../verifications.service';
import { IafMlaList } from './iaf-mla-list';
import { surveillanceRuleFor } from './surveillance-clock';
import { assessScope, RiskSignal, riskSignals, ScopeAssessment, SignalFacts } from './signal.rules';

export interface CertificateReview {
  signals: RiskSignal[];
  /** Null for the trader's own certificates and factories without product categories. */
  scope: ScopeAssessment | null;
}

/** What reviewsFor reads of a certificate: an entity, or the plain rows of batchAfter. */
export type SignalCertificate = SignalCertificateColumns &
  Partial<Omit<Certificate, keyof SignalCertificateColumns>>;

/**
 * Certificates per round of the organization's list: each round costs a fixed number of
 * statements, so rounds of 2,000 answer an organization of 2,000 in one.
 */
const BATCH = 2000;

@Injectable()
export class SignalsService {
  /** Reads only; certificates are written by the certificates feature. */

  constructor(
    private readonly transactions: Transactions,
    private readonly certificatesService: CertificatesService,
    private readonly factories: FactoriesService,
    private readonly verifications: VerificationsService,
    private readonly catalog: StandardsCatalog,
    private readonly mla: IafMlaList,
    private readonly vocabulary: ProductVocabularyFile,
    private readonly reports: ReportCache,
  ) {}

  /** The signals of each certificate (all of one organization). */
  async signalsFor(
    organizationId: string,
    certificates: SignalCertificate[],
    today: string,
  ): Promise<Map<string, RiskSignal[]>> {
    const reviews = await this.reviewsFor(organizationId, certificates, today);
    return new Map([...reviews].map(([id, review]) => [id, review.signals]));
  }

  /** The signals of each certificate and how its scope reads against its factory's products. */
  async reviewsFor(
    organizationId: string,
    certificates: SignalCertificate[],
    today: string,
  ): Promise<Map<string, CertificateReview>> {
    const result = new Map<string, CertificateReview>();
    if (certificates.length === 0) return result;
    const numbers = [...new Set(certificates.map((c) => c.certificateNumber))];
    const pageFactoryIds = new Set(
      certificates.map((c) => c.factoryId).filter((id): id is string => !!id),
    );

    // Set-based, a fixed number of queries whatever the page's size, side by side and
    // spread over the read connections: the numbers, the audits and the page's factories;
    // then, only when another holder of a number is a factory off the page, that factory.
    const [{ own: sameNumber, heldElsewhere: numbersElsewhere }, lastAudits, pageFactories] =
      await Promise.all([
        this.certificatesService.holdersOfNumbers(
          organizationId,
          numbers,
          this.transactions.reader,
        ),
        this.verifications.lastAudits(
          organizationId,
          certificates.map((c) => c.id),
          today,
          this.transactions.reader,
        ),
        this.factories.signalFactsOf(organizationId, [...pageFactoryIds], this.transactions.reader),
      ]);
    const otherFactoryIds = [
      ...new Set(
        sameNumber
          .map((c) => c.factoryId)
          .filter((id): id is string => !!id && !pageFactoryIds.has(id)),
      ),
    ];
    const otherFactories =
      otherFactoryIds.length > 0
        ? await this.factories.signalFactsOf(
            organizationId,
            otherFactoryIds,
            this.transactions.reader,
          )
        : [];
    const factories = new Map([...pageFactories, ...otherFactories].map((f) => [f.id, f]));

    // The holders of each number, and the facts many certificates share, looked up once
    // per number, standard, body and scope (an organization names the same few thousand
    // numbers, a handful of standards and bodies, and one scope per product line).
    const holdersByNumber = new Map<string, typeof sameNumber>();
    for (const holder of sameNumber) {
      const list = holdersByNumber.get(holder.certificateNumber);
      if (list) list.push(holder);
      else holdersByNumber.set(holder.certificateNumber, [holder]);
    }
    const editions = new Map<string, SignalFacts['edition']>();
    const scopes = new Map<string, ScopeAssessment | null>();
    const vocabulary = this.vocabulary.vocabulary;

    for (const certificate of certificates) {
      const otherHolders = new Set<string>();
      for (const other of holdersByNumber.get(certificate.certificateNumber) ?? []) {
        if (other.factoryId === certificate.factoryId) continue;
        otherHolders.add(
          other.factoryId
            ? (factories.get(other.factoryId)?.name ?? 'another factory')
            : 'your own company',
        );
      }
      const factory = certificate.factoryId ? factories.get(certificate.factoryId) : undefined;
      const signatory = this.mla.signatoryOf(certificate.accreditationBody);
      const withdrawal = this.mla.withdrawalFor(
        certificate.certificationBody,
        certificate.accreditationBody,
      );
      let edition = editions.get(certificate.standard);
      if (edition === undefined) {
        edition = editionFacts(this.catalog.find(certificate.standard));
        editions.set(certificate.standard, edition);
      }
      const facts: SignalFacts = {
        certificate,
        today,
        edition,
        accreditationBodyIsMlaSignatory: this.mla.recognizes(certificate.accreditationBody),
        accreditationWithdrawal: withdrawal,
        surveillanceRule: surveillanceRuleFor({
          country: factory?.country ?? null,
          accreditationEconomy: signatory?.economy ?? null,
        }),
        otherHoldersOfNumber: [...otherHolders].sort(),
        numberExistsElsewhere: numbersElsewhere.has(certificate.certificateNumber),
        factoryProductCategories: factory ? factory.productCategories : null,
        vocabulary,
        lastAuditOn: lastAudits.get(certificate.id) ?? null,
      };
      // The assessment depends only on the holder's categories and the scope's text.
      const scopeKey =
        certificate.factoryId === null ? null : `${certificate.factoryId}\u0000${certificate.scope}`;
      let scope = scopeKey === null ? null : scopes.get(scopeKey);
      if (scope === undefined) {
        scope = assessScope(facts);
        if (scopeKey !== null) scopes.set(scopeKey, scope);
      }
      result.set(certificate.id, { signals: riskSignals(facts, scope), scope });
    }
    return result;
  }

  /** Every signal of the organization's current certificates, filtered and paginated. */
  async list(actor: Actor, query: SignalQueryDto): Promise<Page<SignalListItem>> {
    const today = await this.certificatesService.today(actor);
    if (query.certificateId) await this.certificatesService.get(actor, query.certificateId);
    // One certificate's signals are computed afresh; the organization's list is kept
    // (ReportCache) and filtered here, which gives the same items in the same order.
    const all = query.certificateId
      ? await this.signalItems(actor.organizationId, today, query.certificateId)
      : await this.reports.get(`signals:${actor.organizationId}:${today}`, () =>
          this.signalItems(actor.organizationId, today),
        );
    const factoryId = query.factoryId === 'own' ? null : query.factoryId;
    const items = all.filter(
      (item) =>
        (query.factoryId === undefined || item.factoryId === factoryId) &&
        (!query.signal || item.id === query.signal),
    );
    const start = (query.page - 1) * query.pageSize;
    return {
      items: items.slice(start, start + query.pageSize),
      total: items.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Every signal of the organization's certificates (or of one), in certificate id order. */
  private async signalItems(
    organizationId: string,
    today: string,
    certificateId?: string,
  ): Promise<SignalListItem[]> {
    const items: SignalListItem[] = [];
    let lastId = '';
    for (;;) {
      const batch = await this.certificatesService.batchAfter(
        organizationId,
        lastId,
        BATCH,
        certificateId,
      );
      if (batch.length === 0) break;
      const signals = await this.signalsFor(organizationId, batch, today);
      for (const certificate of batch) {
        for (const signal of signals.get(certificate.id) ?? []) {
          items.push({
            certificateId: certificate.id,
            factoryId: certificate.factoryId,
            standard: certificate.standard,
            certificateNumber: certificate.certificateNumber,
            ...signal,
          });
        }
      }
      lastId = batch[batch.length - 1].id;
      if (batch.length < BATCH) break;
    }
    return items;
  }
}

function editionFacts(edition: StandardEdition | undefined): SignalFacts['edition'] {
  if (!edition) return null;
  return {
    validUntil: edition.validUntil?.date ?? null,
    newEditionAuditsFrom: edition.newEditionAuditsFrom?.date ?? null,
    successor: edition.successor,
    status: edition.status,
  };
}
