import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { AuditService } from './audit.service';
import { AuditEventPage, AuditEventQueryDto } from './dto/audit-event.dto';
import { AUDIT_EVENT_EXPORT } from './dto/audit-event.columns';
import { Exportable } from '../common/export/exportable';

@ApiTags('audit')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @Exportable(AUDIT_EVENT_EXPORT, AuditEventPage)
  @ApiOperation({
    summary: 'Who changed what, newest first, by entityType, entityId, action (admin)',
  })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: AuditEventQueryDto): Promise<AuditEventPage> {
    return this.audit.list(actor, query);
  }
}
