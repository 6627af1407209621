import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { AuditService } from './audit.service';
import { AuditEventQueryDto } from './dto/audit-event.dto';
import { AUDIT_EVENT_EXPORT } from './dto/audit-event.columns';
import { Exportable } from '../common/export/exportable';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @Exportable(AUDIT_EVENT_EXPORT)
  list(@CurrentActor() actor: Actor, @Query() query: AuditEventQueryDto) {
    return this.audit.list(actor, query);
  }
}
