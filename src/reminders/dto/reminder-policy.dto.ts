import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  Max,
  Min,
} from 'class-validator';
import { IsTimezone, IsOptionalNotNull } from '../../common/validators';
import type { ReminderPolicy } from '../../organizations/organization.entity';
import { REMINDER_LOCALES } from '../reminder-policy';

const UNASSIGNED_RECIPIENTS = ['admins', 'everyone'] as const;

/** Every field optional: what is left out keeps its current value. */
export class UpdateReminderPolicyDto {
  @ApiPropertyOptional({ example: [90, 60, 30, 14, 7, 1], description: 'days before a due date' })
  @IsOptionalNotNull()
  @IsArray({ message: 'thresholdsDays must be a list of whole days' })
  @ArrayMinSize(1, { message: 'thresholdsDays must hold at least one threshold' })
  @ArrayMaxSize(20, { message: 'thresholdsDays may hold at most 20 thresholds' })
  @ArrayUnique({ message: 'thresholdsDays must not repeat a threshold' })
  @IsInt({ each: true, message: 'thresholdsDays must hold whole numbers of days' })
  @Min(0, { each: true, message: 'thresholdsDays must not be negative' })
  @Max(3650, { each: true, message: 'thresholdsDays must be at most 3650 days' })
  thresholdsDays?: number[];

  @ApiPropertyOptional({ example: 9, description: 'local hour (0-23) the digests go out' })
  @IsOptionalNotNull()
  @IsInt({ message: 'sendHour must be a whole hour between 0 and 23' })
  @Min(0, { message: 'sendHour must be a whole hour between 0 and 23' })
  @Max(23, { message: 'sendHour must be a whole hour between 0 and 23' })
  sendHour?: number;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IsOptionalNotNull()
  @IsTimezone()
  timezone?: string;

  @ApiPropertyOptional({ enum: REMINDER_LOCALES })
  @IsOptionalNotNull()
  @IsIn(REMINDER_LOCALES, { message: 'locale must be en or zh-CN' })
  locale?: string;

  @ApiPropertyOptional({ example: 7, description: 'days after expiry when every admin is told' })
  @IsOptionalNotNull()
  @IsInt({ message: 'escalateAfterDays must be a whole number of days' })
  @Min(0, { message: 'escalateAfterDays must not be negative' })
  @Max(365, { message: 'escalateAfterDays must be at most 365' })
  escalateAfterDays?: number;

  @ApiPropertyOptional({ example: 7, description: 'overdue notices repeat every this many days' })
  @IsOptionalNotNull()
  @IsInt({ message: 'overdueRepeatDays must be a whole number of days' })
  @Min(1, { message: 'overdueRepeatDays must be at least 1' })
  @Max(365, { message: 'overdueRepeatDays must be at most 365' })
  overdueRepeatDays?: number;

  @ApiPropertyOptional({
    enum: UNASSIGNED_RECIPIENTS,
    description:
      'Who hears of a notice about a factory nobody looks after (and of own certificates): the admins, or every admin and member',
  })
  @IsOptionalNotNull()
  @IsIn(UNASSIGNED_RECIPIENTS, { message: 'unassignedRecipients must be admins or everyone' })
  unassignedRecipients?: 'admins' | 'everyone';
}

export class ReminderPolicyResponse implements ReminderPolicy {
  @ApiProperty({
    type: [Number],
    example: [90, 60, 30, 14, 7, 1],
    description: 'days before a due date',
  })
  thresholdsDays: number[];
  @ApiProperty({ example: 9, description: 'local hour (0-23) the digests go out' })
  sendHour: number;
  @ApiProperty({ example: 'Asia/Shanghai', description: "The organization's timezone" })
  timezone: string;
  @ApiProperty({ enum: REMINDER_LOCALES, description: "The organization's language" })
  locale: string;
  @ApiProperty({ example: 7, description: 'days after expiry when every admin is told' })
  escalateAfterDays: number;
  @ApiProperty({ example: 7, description: 'overdue notices repeat every this many days' })
  overdueRepeatDays: number;
  @ApiProperty({
    enum: UNASSIGNED_RECIPIENTS,
    description:
      'Who hears of a notice about a factory nobody looks after: the admins, or every admin and member',
  })
  unassignedRecipients: 'admins' | 'everyone';
  @ApiProperty({ description: 'True while the organization uses the shipped default.' })
  isDefault: boolean;
}
