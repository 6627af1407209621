import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AuditService } from '../audit/audit.service';
import { BuyerReportsService } from '../gaps/buyer-reports.service';
import { BuyersService } from '../buyers/buyers.service';
import type { EvidencePack } from '../gaps/dto/coverage.dto';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { TenantRepository } from '../common/tenancy';
import { appConfig } from '../config/configuration';
import { Transactions } from '../database/transactions';
import { CreateShareLinkDto, toShareLinkResponse } from './dto/share-link.dto';
import { ShareLink, ShareLinkVisit } from './share-link.entity';
import { ShareLinkErrors } from './share-links.errors';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** Only the SHA-256 of a token is stored: a copy of the database opens no link. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A buyer's revocable, expiring read-only view of its evidence. The token (32 random
 * bytes, base64url) is the only credential; an unknown token is a 404, a revoked or
 * expired one a 410; every opening is recorded.
 */
@Injectable()
export class ShareLinksService {
  private readonly links = new TenantRepository(ShareLink, ShareLinkErrors.notFound);
  private readonly visits = new TenantRepository(ShareLinkVisit, () =>
    notFound('share_link_visit'),
  );

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly buyers: BuyersService,
    private readonly reports: BuyerReportsService,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async create(
    actor: Actor,
    buyerId: string,
    input: CreateShareLinkDto,
  ): Promise<{ link: ShareLink; token: string; url: string; apiUrl: string }> {
    const now = this.clock.now();
    const expiresAt = new Date(input.expiresAt);
    if (Number.isNaN(expiresAt.getTime()))
      throw ShareLinkErrors.expiresAt('expiresAt must be a valid timestamp');
    if (expiresAt <= now) throw ShareLinkErrors.expiresAt('expiresAt must be in the future');
    if (expiresAt.getTime() - now.getTime() > MAX_DAYS * DAY_MS)
      throw ShareLinkErrors.expiresAt(`expiresAt must be at most ${MAX_DAYS} days away`);
    const token = randomBytes(32).toString('base64url');
    const link = await this.transactions.run(async (manager) => {
      const buyer = await this.buyers.get(actor.organizationId, buyerId, manager);
      const created = await this.links.insert(manager, actor.organizationId, {
        buyerId: buyer.id,
        tokenHash: tokenHash(token),
        label: input.label ?? null,
        expiresAt,
        revokedAt: null,
        createdById: actor.userId,
        visitCount: 0,
        lastVisitedAt: null,
      });
      const saved = await this.links.get(manager, actor.organizationId, created.id);
      await this.audit.recordBy(
        actor,
        'share_link.created',
        'share_link',
        saved.id,
        null,
        toShareLinkResponse(saved, now),
      );
      return saved;
    });
    return {
      link,
      token,
      url: `${this.app.publicUrl}/shared/${token}`,
      apiUrl: `/api/v1/shared/${token}`,
    };
  }

  async list(actor: Actor, buyerId: string): Promise<ShareLink[]> {
    const buyer = await this.buyers.get(actor.organizationId, buyerId);
    const [links] = await this.links.list(this.transactions.manager, actor.organizationId, {
      where: { buyerId: buyer.id },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return links;
  }

  async visitsOf(actor: Actor, id: string): Promise<ShareLinkVisit[]> {
    const link = await this.links.get(this.transactions.manager, actor.organizationId, id);
    return this.visits.findMany(this.transactions.manager, actor.organizationId, {
      where: { shareLinkId: link.id },
      order: { visitedAt: 'DESC', id: 'ASC' },
      take: 500,
    });
  }

  /** Revoking twice changes nothing the second time. */
  revoke(actor: Actor, id: string): Promise<ShareLink> {
    return this.transactions.run(async (manager) => {
      const before = await this.links.get(manager, actor.organizationId, id);
      if (before.revokedAt) return before;
      const now = this.clock.now();
      await this.links.update(manager, actor.organizationId, { id }, { revokedAt: now });
      const after = await this.links.get(manager, actor.organizationId, id);
      await this.audit.recordBy(
        actor,
        'share_link.revoked',
        'share_link',
        id,
        toShareLinkResponse(before, now),
        toShareLinkResponse(after, now),
      );
      return after;
    });
  }

  /** Opens a link (no login): the live evidence, and the visit recorded. */
  async open(
    token: string,
    userAgent: string | undefined,
  ): Promise<{ link: ShareLink; pack: EvidencePack }> {
    const link = await this.visit(token, userAgent);
    const { pack } = await this.reports.evidenceWithFiles(link.organizationId, link.buyerId, false);
    return { link, pack };
  }

  /** The same evidence as a PDF; the visit is recorded too. */
  async openPdf(
    token: string,
    userAgent: string | undefined,
  ): Promise<{ pack: EvidencePack; pdf: Buffer }> {
    const link = await this.visit(token, userAgent);
    return this.reports.evidencePdf(link.organizationId, link.buyerId);
  }

  private async visit(token: string, userAgent: string | undefined): Promise<ShareLink> {
    const link = await this.usable(token);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      await this.visits.insert(manager, link.organizationId, {
        shareLinkId: link.id,
        visitedAt: now,
        userAgent: userAgent ? userAgent.slice(0, 300) : null,
      });
      const byId = { id: link.id };
      await this.links.increment(manager, link.organizationId, byId, 'visitCount', 1);
      await this.links.update(manager, link.organizationId, byId, { lastVisitedAt: now });
    });
    return link;
  }

  private async usable(token: string): Promise<ShareLink> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100)
      throw ShareLinkErrors.notFound();
    // The one read without an organization: the token is the credential, and names it.
    const link = await this.links
      .acrossTenants(this.transactions.manager)
      .findOne({ where: { tokenHash: tokenHash(token) } });
    if (!link) throw ShareLinkErrors.notFound();
    if (link.revokedAt) throw ShareLinkErrors.gone('revoked');
    if (link.expiresAt <= this.clock.now()) throw ShareLinkErrors.gone('expired');
    return link;
  }
}
