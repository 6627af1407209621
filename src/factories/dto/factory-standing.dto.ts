import { ApiProperty } from '@nestjs/swagger';

/**
 * A factory's standing as a supplier (approved, conditional, not approved), worked out by
 * the audits feature from certificates, the latest audit and open findings. The factory
 * answer carries it; the audits feature provides it through FactoryStandingLinks, so
 * factories do not depend on audits.
 */
export class StandingExplanation {
  @ApiProperty({
    example:
      'Conditional: a major finding (clause 8.4) is open, with its corrective action due on 2026-12-10.',
  })
  en: string;

  @ApiProperty({
    name: 'zh-CN',
    example: '有条件批准：一项严重不符合项（条款 8.4）尚未关闭，整改期限为 2026-12-10。',
  })
  'zh-CN': string;
}

export class FactoryStandingResponse {
  @ApiProperty({ enum: ['approved', 'conditional', 'not_approved'] })
  status: 'approved' | 'conditional' | 'not_approved';

  @ApiProperty({ minimum: 0, maximum: 100, example: 72 })
  score: number;

  @ApiProperty({ example: 'major_finding_open', description: 'Which rule decided the status' })
  reason: string;

  @ApiProperty({ type: StandingExplanation })
  explanation: StandingExplanation;

  @ApiProperty({ type: String, nullable: true })
  latestAuditId: string | null;
}

export interface FactoryStandingSource {
  /** The standing of each factory (by id), on today's date in the organization. */
  standingsOf(
    organizationId: string,
    factoryIds: string[],
  ): Promise<Map<string, FactoryStandingResponse>>;
}
