import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { BuyersService } from '../buyers/buyers.service';
import { Transactions } from '../database/transactions';
import {
  DueNotice,
  NoticeToRender,
  ReminderLocale,
  ReminderSource,
  ReminderSourceHandler,
  RenderedNotice,
  ScanContext,
} from '../reminders/reminder-source';
import { GapEpisode } from './gap-episode.entity';
import { planEpisodes, scopeGapDedupeKey } from './gap-episodes';
import { explainGap } from './gap-explanations';
import { Gap, gapKey, GapFacts, GapRuleId } from './gap.rules';
import { GapsService } from './gaps.service';

export const SCOPE_GAP_KIND = 'scope_gap';

interface ScopeGapPayload {
  rule: GapRuleId;
  buyerId: string;
  buyerName: string;
  standard: string;
  productCategory: string;
  facts: GapFacts;
}

/**
 * Tells admins of newly found scope gaps: prepare() opens an episode for each gap the
 * analysis finds without one and closes those of solved gaps; scan() yields every open
 * episode under a dedupe key of its own, so the engine stores (and sends) each once.
 */
@Injectable()
@ReminderSource()
export class ScopeGapReminderSource implements ReminderSourceHandler {
  readonly kinds = [SCOPE_GAP_KIND] as const;

  constructor(
    private readonly gaps: GapsService,
    private readonly buyers: BuyersService,
    private readonly transactions: Transactions,
  ) {}

  async prepare(context: ScanContext): Promise<void> {
    const analysis = await this.gaps.analyse(context.organizationId, {
      today: context.today,
      policy: context.policy,
      manager: context.manager,
    });
    const current = analysis.requirements.flatMap((item) => item.gaps);
    await this.transactions.run(async (manager) => {
      const repo = manager.getRepository(GapEpisode);
      const open = await repo.find({
        select: ['id', 'gapKey'],
        where: { organizationId: context.organizationId, closedOn: IsNull() },
      });
      const plan = planEpisodes(open, current, gapKey);
      for (let i = 0; i < plan.close.length; i += 500) {
        await repo
          .createQueryBuilder()
          .update(GapEpisode)
          .set({ closedOn: context.today, openGapKey: null })
          .where('organizationId = :organizationId', { organizationId: context.organizationId })
          .andWhere('id IN (:...ids)', { ids: plan.close.slice(i, i + 500) })
          .execute();
      }
      const rows = plan.open.map((gap) => episodeOf(context.organizationId, gap, context.today));
      // Two scans of one organization at once (the scheduled one and POST /reminders/scan,
      // or two workers) both find a new gap without an episode; on PostgreSQL the second
      // insert would break the unique open-key index and drop this source from its scan.
      // The episode the first scan opened is the one to report, so the second keeps it.
      for (let i = 0; i < rows.length; i += 200) {
        await repo
          .createQueryBuilder()
          .insert()
          .into(GapEpisode)
          .values(rows.slice(i, i + 200))
          .orIgnore()
          .execute();
      }
    });
  }

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    const names = await this.buyers.namesOf(context.organizationId, context.manager);
    let after = '';
    for (;;) {
      const episodes = await context.manager.getRepository(GapEpisode).find({
        where: { organizationId: context.organizationId, closedOn: IsNull(), id: MoreThan(after) },
        order: { id: 'ASC' },
        take: context.batchSize,
      });
      if (episodes.length === 0) return;
      yield episodes.map((episode) => toNotice(episode, names.get(episode.buyerId) ?? ''));
      after = episodes[episodes.length - 1].id;
    }
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    const payload = notice.payload as unknown as ScopeGapPayload;
    const sentence = explainGap(
      {
        rule: payload.rule,
        standard: payload.standard,
        productCategory: payload.productCategory,
        facts: payload.facts ?? {},
      },
      locale,
    );
    return locale === 'zh-CN'
      ? {
          title: `买家 ${payload.buyerName} 的认证缺口：${sentence}`,
          detail: '请补充或续期证书，或与工厂签订认证合作协议。',
          link: `/gaps?buyerId=${payload.buyerId}`,
        }
      : {
          title: `Scope gap for ${payload.buyerName}: ${sentence}`,
          detail:
            'Obtain or renew a covering certificate, or agree a certification cooperation with a factory.',
          link: `/gaps?buyerId=${payload.buyerId}`,
        };
  }
}

function episodeOf(organizationId: string, gap: Gap, today: string): GapEpisode {
  const episode = new GapEpisode();
  const key = gapKey(gap);
  Object.assign(episode, {
    organizationId,
    gapKey: key,
    openGapKey: key,
    rule: gap.rule,
    buyerId: gap.buyerId,
    requirementId: gap.requirementId,
    factoryId: gap.factoryId,
    certificateId: gap.certificateId,
    standard: gap.standard,
    productCategory: gap.productCategory,
    facts: { ...gap.facts },
    openedOn: today,
    closedOn: null,
  });
  return episode;
}

function toNotice(episode: GapEpisode, buyerName: string): DueNotice {
  const payload: ScopeGapPayload = {
    rule: episode.rule as GapRuleId,
    buyerId: episode.buyerId,
    buyerName,
    standard: episode.standard,
    productCategory: episode.productCategory,
    facts: episode.facts,
  };
  return {
    kind: SCOPE_GAP_KIND,
    dedupeKey: scopeGapDedupeKey(episode.id),
    subjectType: 'gap',
    subjectId: episode.id,
    factoryId: episode.factoryId,
    dueOn: episode.openedOn,
    audience: 'admins',
    payload: { ...payload },
  };
}
