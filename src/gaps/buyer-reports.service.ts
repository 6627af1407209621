import { Inject, Injectable } from '@nestjs/common';
import { CERTIFICATE_BACKING, CertificateBacking } from '../certificates/certificate-links';
import { CertificatesService } from '../certificates/certificates.service';
import type { Actor } from '../common/actor';
import { OrganizationsService } from '../organizations/organizations.service';
import { BuyersService } from '../buyers/buyers.service';
import { toGapResponse } from './dto/gap.dto';
import { CertificateFacts } from './gap.rules';
import { AnalysedRequirement, GapsService } from './gaps.service';
import {
  CoverageResponse,
  CoverageStatus,
  CoveringCertificate,
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

  async evidencePack(actor: Actor, buyerId: string): Promise<EvidencePack> {
    const buyer = await this.buyers.get(actor.organizationId, buyerId);
    const organization = await this.organizations.get(actor.organizationId);
    const analysis = await this.gaps.analyse(actor.organizationId, { buyerIds: [buyer.id] });
    const coverIds = [
      ...new Set(analysis.requirements.flatMap((i) => (i.cover ? [i.cover.id] : []))),
    ];
    const full = new Map(
      (
        await Promise.all(
          coverIds.map((id) => this.certificates.getInOrganization(actor.organizationId, id)),
        )
      ).map((c) => [c.id, c]),
    );
    const backing = await this.backing.backingFor(actor.organizationId, coverIds);
    return {
      organization: { name: organization.name },
      buyer: {
        id: buyer.id,
        name: buyer.name,
        country: buyer.country,
        contactEmail: buyer.contactEmail,
      },
      generatedOn: analysis.today,
      items: analysis.requirements.map((item) => {
        const certificate = item.cover ? full.get(item.cover.id) : undefined;
        const factoryName = item.cover?.factoryId
          ? (analysis.factories.get(item.cover.factoryId)?.name ?? null)
          : null;
        return {
          requirementId: item.requirement.id,
          standard: item.requirement.standard,
          productCategory: item.requirement.productCategory,
          status: statusOf(item),
          certificate:
            item.cover && certificate
              ? {
                  ...covering(item.cover, factoryName),
                  certificationBody: certificate.certificationBody,
                  accreditationBody: certificate.accreditationBody,
                  scope: certificate.scope,
                  sites: certificate.sites,
                  productCategories: certificate.productCategories,
                  issuedOn: certificate.issuedOn,
                }
              : null,
          backing: item.cover ? (backing.get(item.cover.id) ?? []) : [],
          gaps: item.gaps.map(toGapResponse),
        };
      }),
    };
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
