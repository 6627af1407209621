import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/validators';
import type { ReminderAcknowledgement } from '../reminder-acknowledgement.entity';

export class AcknowledgeReminderDto {
  @ApiProperty({ example: 'Recertification audit booked for 2027-01-12' })
  @IsString({ message: 'note must be text' })
  @MinLength(1, { message: 'note must say what is being done' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note: string;

  @ApiProperty({
    example: '2027-01-12',
    description: 'Repeats and escalations of this notice stay quiet until this day (inclusive)',
  })
  @IsCalendarDate({ message: 'quietUntil must be a date such as 2027-01-12' })
  quietUntil: string;
}

export class AcknowledgeByLinkDto {
  @ApiProperty({ description: 'The token of the link mailed in the digest' })
  @IsString({ message: 'token must be the token of the mailed link' })
  @MaxLength(2000, { message: 'token must be the token of the mailed link' })
  token: string;

  @ApiPropertyOptional({ example: 'Audit booked' })
  @IsOptionalNotNull()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;

  @ApiPropertyOptional({ example: '2027-01-12', description: 'Default: 7 days from today' })
  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'quietUntil must be a date such as 2027-01-12' })
  quietUntil?: string;
}

export class ReminderAcknowledgementResponse {
  @ApiProperty() id: string;
  @ApiProperty() reminderId: string;
  @ApiProperty() kind: string;
  @ApiProperty() subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty() note: string;
  @ApiProperty() quietUntil: string;
  @ApiProperty({ type: String, nullable: true }) acknowledgedById: string | null;
  @ApiProperty({ description: "The user's name, or the address the link was mailed to" })
  acknowledgedBy: string;
  @ApiProperty({ enum: ['app', 'link'] }) via: 'app' | 'link';
  @ApiProperty() createdAt: string;
}

export function toAcknowledgementResponse(
  ack: ReminderAcknowledgement,
): ReminderAcknowledgementResponse {
  return {
    id: ack.id,
    reminderId: ack.reminderId,
    kind: ack.kind,
    subjectType: ack.subjectType,
    subjectId: ack.subjectId,
    note: ack.note,
    quietUntil: ack.quietUntil,
    acknowledgedById: ack.acknowledgedById,
    acknowledgedBy: ack.acknowledgedBy,
    via: ack.via,
    createdAt: ack.createdAt.toISOString(),
  };
}
