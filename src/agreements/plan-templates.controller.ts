import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PlanTemplateQueryDto } from './dto/plan-template.dto';
import { defaultTargetOn, schedulePlan } from './plan-schedule';
import { PlanTemplates } from './plan-templates';

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
