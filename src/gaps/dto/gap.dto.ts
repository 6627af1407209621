import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/api-responses';
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

export class GapResponse {
  @ApiProperty({ enum: GAP_RULE_IDS }) rule: GapRuleId;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty({ format: 'uuid' }) requirementId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: own.' })
  factoryId: string | null;
  @ApiProperty() standard: string;
  @ApiProperty() productCategory: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) certificateId: string | null;
  @ApiProperty({ description: 'One plain sentence.' }) explanation: string;
}

export class GapPage extends PageOf(GapResponse) {}

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
