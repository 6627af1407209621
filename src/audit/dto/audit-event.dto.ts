import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { AuditEvent } from '../audit-event.entity';

export class AuditEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'certificate' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  entityId?: string;

  @ApiPropertyOptional({ example: 'certificate.renewed' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  action?: string;
}

export interface AuditEventResponse {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export function toAuditEventResponse(event: AuditEvent): AuditEventResponse {
  return {
    id: event.id,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    createdAt: event.createdAt.toISOString(),
  };
}
