import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { Trim } from '../../common/transforms';
import { explainGap } from '../gap-explanations';
import { Gap, GAP_RULE_IDS, GapRuleId } from '../gap.rules';

export class GapQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  buyerId?: string;

  @ApiPropertyOptional({ description: 'A factory id, or `own` for gaps of the trader itself' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  factoryId?: string;

  @ApiPropertyOptional({ example: 'ISO 14001:2015' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  standard?: string;

  @ApiPropertyOptional({ enum: GAP_RULE_IDS })
  @IsOptional()
  @IsIn(GAP_RULE_IDS, { message: `rule must be one of ${GAP_RULE_IDS.join(', ')}` })
  rule?: GapRuleId;
}

export interface GapResponse {
  rule: GapRuleId;
  buyerId: string;
  requirementId: string;
  factoryId: string | null;
  standard: string;
  productCategory: string;
  certificateId: string | null;
  /** One plain sentence. */
  explanation: string;
}

export function toGapResponse(gap: Gap): GapResponse {
  return {
    rule: gap.rule,
    buyerId: gap.buyerId,
    requirementId: gap.requirementId,
    factoryId: gap.factoryId,
    standard: gap.standard,
    productCategory: gap.productCategory,
    certificateId: gap.certificateId,
    explanation: explainGap(gap, 'en'),
  };
}
