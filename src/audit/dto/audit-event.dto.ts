import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/api-responses';
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

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: the system.' })
  actorId: string | null;
  @ApiProperty({ example: 'certificate.updated' }) action: string;
  @ApiProperty({ example: 'certificate' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The record before the change (null when created).',
  })
  before: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The record after the change (null when deleted).',
  })
  after: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuditEventPage extends PageOf(AuditEventResponse) {}

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
