import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { notFound } from '../common/errors';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import {
  SCAN_STEP_ORDER,
  ScanContext,
  ScanStep,
  ScanStepHandler,
} from '../reminders/reminder-source';
import { GapEpisode } from './gap-episode.entity';
import { planEpisodes } from './gap-episodes';
import { Gap, gapKey } from './gap.rules';
import { GapsService } from './gaps.service';

/**
 * A state change of the daily scan, after certificates have expired and agreements
 * lapsed: opens an episode for each gap the analysis finds without one and closes those
 * of solved gaps. The scope_gap reminder source then reads the open episodes.
 */
@Injectable()
@ScanStep(SCAN_STEP_ORDER.gapEpisodes)
export class GapEpisodesStep implements ScanStepHandler {
  readonly name = 'open and close gap episodes';
  private readonly episodes = new TenantRepository(GapEpisode, () => notFound('gap_episode'));

  constructor(
    private readonly gaps: GapsService,
    private readonly transactions: Transactions,
  ) {}

  async run(context: ScanContext): Promise<void> {
    const analysis = await this.gaps.analyse(context.organizationId, {
      today: context.today,
      policy: context.policy,
      manager: context.manager,
    });
    const current = analysis.requirements.flatMap((item) => item.gaps);
    const { organizationId } = context;
    await this.transactions.run(async (manager) => {
      const open = await this.episodes.findMany(manager, organizationId, {
        select: ['id', 'gapKey'],
        where: { closedOn: IsNull() },
      });
      const plan = planEpisodes(open, current, gapKey);
      for (let i = 0; i < plan.close.length; i += 500) {
        await this.episodes.update(
          manager,
          organizationId,
          { id: In(plan.close.slice(i, i + 500)) },
          { closedOn: context.today, openGapKey: null },
        );
      }
      const rows = plan.open.map((gap) => episodeOf(organizationId, gap, context.today));
      // Two scans of one organization at once (the scheduled one and POST /reminders/scan,
      // or two workers) both find a new gap without an episode; on PostgreSQL the second
      // insert would break the unique open-key index and drop this source from its scan.
      // The episode the first scan opened is the one to report, so the second keeps it.
      for (let i = 0; i < rows.length; i += 200) {
        await this.episodes.insertMany(manager, organizationId, rows.slice(i, i + 200), {
          orIgnore: true,
        });
      }
    });
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
