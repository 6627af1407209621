import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { BuyersService } from '../buyers/buyers.service';
import { notFound } from '../common/errors';
import { TenantRepository } from '../common/tenancy';
import {
  DueNotice,
  NoticeToRender,
  pagesById,
  ReminderLocale,
  ReminderSource,
  ReminderSourceHandler,
  RenderedNotice,
  ScanContext,
} from '../reminders/reminder-source';
import { GapEpisode } from './gap-episode.entity';
import { scopeGapDedupeKey } from './gap-episodes';
import { explainGap } from './gap-explanations';
import { GapFacts, GapRuleId } from './gap.rules';
import { ProductVocabularyFile } from '../config/product-vocabulary';

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
 * Tells admins of newly found scope gaps: yields every open gap episode (opened and
 * closed by the scan's state-change step, gap-episodes.step.ts) under a dedupe key of
 * its own, so the engine stores (and sends) each once. Reads only.
 */
@Injectable()
@ReminderSource()
export class ScopeGapReminderSource implements ReminderSourceHandler {
  readonly kinds = [SCOPE_GAP_KIND] as const;
  private readonly episodes = new TenantRepository(GapEpisode, () => notFound('gap_episode'));

  constructor(
    private readonly buyers: BuyersService,
    private readonly vocabulary: ProductVocabularyFile,
  ) {}

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    const names = await this.buyers.namesOf(context.organizationId, context.manager);
    const pages = pagesById(context.batchSize, (afterId) =>
      this.episodes.findMany(context.manager, context.organizationId, {
        where: { closedOn: IsNull(), id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: context.batchSize,
      }),
    );
    for await (const episodes of pages)
      yield episodes.map((episode) => toNotice(episode, names.get(episode.buyerId) ?? ''));
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
      this.vocabulary.vocabulary,
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
