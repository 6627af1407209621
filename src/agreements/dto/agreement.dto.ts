import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { CleanStringArray, Trim, TrimToNull } from '../../common/transforms';
import { IsCalendarDate, IsCleanStringArray, IsOptionalNotNull } from '../../common/validators';
import { AGREEMENT_KINDS, AgreementKind } from '../agreement.entity';
import { AGREEMENT_STATUSES, AgreementStatus } from '../agreement-transitions';

export class CreateAgreementDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The partner factory; may be null only for a scope_expansion agreement',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'factoryId must be a factory id or null' })
  @MaxLength(36, { message: 'factoryId must be a factory id or null' })
  factoryId?: string | null;

  @ApiProperty({ enum: AGREEMENT_KINDS })
  @IsIn(AGREEMENT_KINDS, { message: `kind must be one of ${AGREEMENT_KINDS.join(', ')}` })
  kind: AgreementKind;

  @ApiProperty({ example: 'ISO 9001 cooperation with Yuyao Valve' })
  @Trim()
  @IsString({ message: 'title must be a text' })
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;

  @ApiProperty({
    type: [String],
    example: ['ISO 9001:2015'],
    description: 'Codes from the standards catalogue (GET /api/v1/standards)',
  })
  @CleanStringArray()
  @IsArray({ message: 'standards must be a list of standard codes' })
  @ArrayMinSize(1, { message: 'standards must name at least one standard' })
  @ArrayMaxSize(20, { message: 'standards may name at most 20 standards' })
  @IsString({ each: true, message: 'standards must be a list of standard codes' })
  standards: string[];

  @ApiPropertyOptional({ type: [String], example: ['valves'], maxItems: 100 })
  @IsOptionalNotNull()
  @IsCleanStringArray({ maxItems: 100, maxLength: 100 })
  productCategories?: string[];

  @ApiProperty({ example: '2027-01-31', format: 'date' })
  @IsCalendarDate()
  startsOn: string;

  @ApiPropertyOptional({
    example: '2027-07-31',
    format: 'date',
    description:
      'Required unless `plan` is given (then the end of the plan). Less than 3 or more than 6 months after startsOn is accepted with a warning.',
  })
  @IsOptionalNotNull()
  @IsCalendarDate()
  targetOn?: string;

  @ApiPropertyOptional({
    example: 'standard-6m',
    description: 'A plan template id (GET /api/v1/plan-templates): creates its milestones',
  })
  @IsOptionalNotNull()
  @IsString({ message: 'plan must be a plan template id' })
  @MaxLength(60, { message: 'plan must be a plan template id' })
  plan?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString({ message: 'notes must be a text' })
  @MaxLength(5000, { message: 'notes must be at most 5000 characters' })
  notes?: string | null;
}

export class UpdateAgreementDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @IsString({ message: 'title must be a text' })
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @CleanStringArray()
  @IsArray({ message: 'standards must be a list of standard codes' })
  @ArrayMinSize(1, { message: 'standards must name at least one standard' })
  @ArrayMaxSize(20, { message: 'standards may name at most 20 standards' })
  @IsString({ each: true, message: 'standards must be a list of standard codes' })
  standards?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 100 })
  @IsOptionalNotNull()
  @IsCleanStringArray({ maxItems: 100, maxLength: 100 })
  productCategories?: string[];

  @ApiPropertyOptional({ format: 'date', description: 'Does not move existing milestones' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  targetOn?: string;

  @ApiPropertyOptional({
    enum: AGREEMENT_STATUSES,
    description:
      'draft → negotiating → signed → in_progress → certified; any open state → terminated. lapsed is set by the daily scan. Other moves answer 409.',
  })
  @IsOptionalNotNull()
  @IsIn(AGREEMENT_STATUSES, { message: `status must be one of ${AGREEMENT_STATUSES.join(', ')}` })
  status?: AgreementStatus;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString({ message: 'notes must be a text' })
  @MaxLength(5000, { message: 'notes must be at most 5000 characters' })
  notes?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The certificate the agreement produced; only once it is certified. null unlinks.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'certificateId must be a certificate id or null' })
  @MinLength(1, { message: 'certificateId must be a certificate id or null' })
  @MaxLength(36, { message: 'certificateId must be a certificate id or null' })
  certificateId?: string | null;
}

export class AgreementQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'factoryId must be a factory id' })
  @MaxLength(36, { message: 'factoryId must be a factory id' })
  factoryId?: string;

  @ApiPropertyOptional({ enum: AGREEMENT_KINDS })
  @IsOptional()
  @IsIn(AGREEMENT_KINDS, { message: `kind must be one of ${AGREEMENT_KINDS.join(', ')}` })
  kind?: AgreementKind;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES, { message: `status must be one of ${AGREEMENT_STATUSES.join(', ')}` })
  status?: AgreementStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only agreements at risk; false: only those not',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'atRisk must be true or false' })
  atRisk?: boolean;
}
