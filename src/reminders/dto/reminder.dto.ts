import { ReminderAcknowledgementResponse } from './reminder-acknowledgement.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/api-responses';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { Reminder, REMINDER_STATES, ReminderState } from '../reminder.entity';

export class ReminderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REMINDER_STATES })
  @IsOptional()
  @IsIn(REMINDER_STATES, { message: 'state must be pending, sent or failed' })
  state?: ReminderState;

  @ApiPropertyOptional({ example: 'certificate_expiring' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  certificateId?: string;
}

export class ReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'certificate_expiring' }) kind: string;
  @ApiProperty({ description: 'One reminder per notice, threshold and recipient.' })
  dedupeKey: string;
  @ApiProperty({ example: 'certificate' }) subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) factoryId: string | null;
  @ApiProperty({ example: 'zhang.min@trader.example' }) recipient: string;
  @ApiProperty({ example: 'zh-CN' }) locale: string;
  @ApiProperty({ description: 'Sent to every admin because it stayed overdue.' })
  escalated: boolean;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ format: 'date', description: 'The scan day that created it.' }) scanOn: string;
  @ApiProperty({ enum: REMINDER_STATES }) state: ReminderState;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) messageId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "What the notice said (the subject's fields at the time).",
  })
  payload: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({
    type: ReminderAcknowledgementResponse,
    nullable: true,
    description: 'In lists: who said "we are on it" for this notice, and until when it stays quiet',
  })
  acknowledgement?: ReminderAcknowledgementResponse | null;
}

export class ReminderPage extends PageOf(ReminderResponse) {}

export function toReminderResponse(row: Reminder): ReminderResponse {
  return {
    id: row.id,
    kind: row.kind,
    dedupeKey: row.dedupeKey,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    factoryId: row.factoryId,
    recipient: row.recipient,
    locale: row.locale,
    escalated: row.escalated,
    dueOn: row.dueOn,
    scanOn: row.scanOn,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    messageId: row.messageId,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
  };
}

export class ScanResponse {
  @ApiProperty({ format: 'date' }) scanOn: string;
  @ApiProperty({ description: 'Reminder rows (one per notice and recipient) this scan created.' })
  created: number;
  @ApiProperty({ description: 'Digests the mail server accepted during this request.' })
  digestsSent: number;
  @ApiProperty({ description: 'Digests refused for now; they are retried with backoff.' })
  digestsRetrying: number;
}
