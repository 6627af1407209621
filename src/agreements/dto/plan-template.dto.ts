import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';
import { MILESTONE_OWNERS, type MilestoneOwner } from '../plan-schedule';

export class PlanTemplateQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'Also answer each step’s due date for an agreement starting on this day',
  })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;
}

export class PlanStepOffset {
  @ApiProperty() months: number;
  @ApiProperty() days: number;
}

export class PlanTemplateStepResponse {
  @ApiProperty({ example: 'gap_assessment' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MILESTONE_OWNERS }) owner: MilestoneOwner;
  @ApiProperty({ type: PlanStepOffset, description: 'Calendar months, then days, after startsOn.' })
  offset: PlanStepOffset;
  @ApiPropertyOptional({ format: 'date', description: 'With ?startsOn only.' }) dueOn?: string;
  @ApiPropertyOptional({ description: 'With ?startsOn only.' }) plannedDays?: number;
}

export class PlanTemplateResponse {
  @ApiProperty({ example: 'iso9001-standard' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'The default targetOn is startsOn plus this many months.' })
  months: number;
  @ApiPropertyOptional({ format: 'date', description: 'With ?startsOn only.' }) targetOn?: string;
  @ApiProperty({ type: [PlanTemplateStepResponse] }) milestones: PlanTemplateStepResponse[];
}

export class PlanTemplateListResponse {
  @ApiProperty({ type: [PlanTemplateResponse] }) items: PlanTemplateResponse[];
}
