import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';

export class PlanTemplateQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'Also answer each step’s due date for an agreement starting on this day',
  })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;
}
