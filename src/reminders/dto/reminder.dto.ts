import { ApiPropertyOptional } from '@nestjs/swagger';
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

export interface ReminderResponse {
  id: string;
  kind: string;
  dedupeKey: string;
  subjectType: string;
  subjectId: string;
  factoryId: string | null;
  recipient: string;
  locale: string;
  escalated: boolean;
  dueOn: string;
  scanOn: string;
  state: ReminderState;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  messageId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

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

export interface ScanResponse {
  scanOn: string;
  /** Reminder rows (one per notice and recipient) this scan created. */
  created: number;
  /** Digests the mail server accepted during this request. */
  digestsSent: number;
  /** Digests refused for now; they are retried with backoff. */
  digestsRetrying: number;
}
