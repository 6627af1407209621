import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { PlanTemplateListResponse, PlanTemplateQueryDto } from './dto/plan-template.dto';
import { defaultTargetOn, schedulePlan } from './plan-schedule';
import { PlanTemplates } from './plan-templates';

@ApiTags('agreements')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('plan-templates')
export class PlanTemplatesController {
  constructor(private readonly templates: PlanTemplates) {}

  @Get()
  @ApiOperation({
    summary:
      'The certification plan templates (config/plan-templates.json), scheduled from ?startsOn',
  })
  @ApiOkResponse({ type: PlanTemplateListResponse })
  @ApiErrors(400)
  list(@Query() query: PlanTemplateQueryDto): PlanTemplateListResponse {
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
