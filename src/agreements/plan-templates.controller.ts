import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defaultTargetOn, schedulePlan } from './plan-schedule';
import { PlanTemplates } from './plan-templates';

export class PlanTemplateQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'Also answer each step’s due date for an agreement starting on this day',
  })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;
}

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('plan-templates')
export class PlanTemplatesController {
  constructor(private readonly templates: PlanTemplates) {}

  /** The certification plan templates of config/plan-templates.json. */
  @Get()
  list(@Query() query: PlanTemplateQueryDto) {
    return {
      items: this.templates.templates.map((template) => {
        const schedule = query.startsOn ? schedulePlan(template, query.startsOn) : null;
        return {
          id: template.id,
          name: template.name,
          description: template.description,
          months: template.months,
          ...(query.startsOn ? { targetOn: defaultTargetOn(template, query.startsOn) } : {}),
          milestones: template.milestones.map((step, i) => ({
            key: step.key,
            name: step.name,
            owner: step.owner,
            offset: { months: step.months, days: step.days },
            ...(schedule ? { dueOn: schedule[i].dueOn, plannedDays: schedule[i].plannedDays } : {}),
          })),
        };
      }),
    };
  }
}
