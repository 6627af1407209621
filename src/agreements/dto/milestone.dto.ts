import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { Trim } from '../../common/transforms';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/validators';
import { MILESTONE_STATUSES, MilestoneStatus } from '../at-risk';
import { MILESTONE_OWNERS, MilestoneOwner } from '../plan-schedule';

export class CreateMilestoneDto {
  @ApiProperty({ example: 'Supplier audit of the paint shop' })
  @Trim()
  @IsString({ message: 'name must be a text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name: string;

  @ApiProperty({ example: '2027-03-15', format: 'date' })
  @IsCalendarDate()
  dueOn: string;

  @ApiProperty({ enum: MILESTONE_OWNERS })
  @IsIn(MILESTONE_OWNERS, { message: `owner must be one of ${MILESTONE_OWNERS.join(', ')}` })
  owner: MilestoneOwner;

  @ApiPropertyOptional({
    description:
      "Days the plan allows for this step (the at-risk rule's pace); by default the days from the latest due date before it, or from startsOn",
  })
  @IsOptionalNotNull()
  @IsInt({ message: 'plannedDays must be a whole number of days' })
  @Min(0, { message: 'plannedDays must not be negative' })
  @Max(3650, { message: 'plannedDays must be at most 3650' })
  plannedDays?: number;
}

export class UpdateMilestoneDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @IsString({ message: 'name must be a text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ enum: MILESTONE_OWNERS })
  @IsOptionalNotNull()
  @IsIn(MILESTONE_OWNERS, { message: `owner must be one of ${MILESTONE_OWNERS.join(', ')}` })
  owner?: MilestoneOwner;

  @ApiPropertyOptional({
    enum: MILESTONE_STATUSES,
    description:
      'done sets completedOn to today (organization timezone) unless completedOn is given',
  })
  @IsOptionalNotNull()
  @IsIn(MILESTONE_STATUSES, { message: `status must be one of ${MILESTONE_STATUSES.join(', ')}` })
  status?: MilestoneStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When it was done; giving it alone marks the milestone done',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  completedOn?: string | null;
}

export class MilestoneQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES, { message: `status must be one of ${MILESTONE_STATUSES.join(', ')}` })
  status?: MilestoneStatus;
}
