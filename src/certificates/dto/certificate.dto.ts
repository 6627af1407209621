import {
  ApiProperty,
  ApiPropertyOptional,
  OmitType,
  PartialType,
  IntersectionType,
  PickType,
} from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  ArrayMaxSize,
  IsArray,
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
import { Trim, TrimToNull } from '../../common/transforms';
import { IsCalendarDate, IsCleanStringArray, IsOptionalNotNull } from '../../common/validators';
import { CERTIFICATE_STATUSES, CertificateStatus } from '../certificate.entity';

export class CreateCertificateDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The factory holding it; null for the trader's own certificate",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'factoryId must be a factory id or null' })
  @MaxLength(36)
  factoryId?: string | null;

  @ApiProperty({
    example: 'ISO 9001:2015',
    description: 'A code from the standards catalogue (GET /api/v1/standards)',
  })
  @Trim()
  @IsString({ message: 'standard must be a code from the standards catalogue' })
  @MaxLength(40)
  standard: string;

  @ApiProperty({ example: '04524Q30123R2M', maxLength: 60 })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'certificateNumber must not be empty' })
  @MaxLength(60, { message: 'certificateNumber must be at most 60 characters' })
  certificateNumber: string;

  @ApiProperty({ example: 'China Quality Certification Centre' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'certificationBody must not be empty' })
  @MaxLength(200)
  certificationBody: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'CNAS' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  accreditationBody?: string | null;

  @ApiProperty({ example: 'Design and manufacture of industrial valves' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'scope must not be empty' })
  @MaxLength(10000)
  scope: string;

  @ApiPropertyOptional({ type: [String], maxItems: 100 })
  @IsOptionalNotNull()
  @IsCleanStringArray({ maxItems: 100, maxLength: 500 })
  sites?: string[];

  @ApiPropertyOptional({ type: [String], example: ['valves'], maxItems: 100 })
  @IsOptionalNotNull()
  @IsCleanStringArray({ maxItems: 100, maxLength: 100 })
  productCategories?: string[];

  @ApiPropertyOptional({ type: [Number], example: [18], description: 'IAF scope codes, 1 to 39' })
  @IsOptionalNotNull()
  @IsArray({ message: 'iafCodes must be an array of whole numbers from 1 to 39' })
  @ArrayMaxSize(39)
  @IsInt({ each: true, message: 'iafCodes must be an array of whole numbers from 1 to 39' })
  @Min(1, { each: true, message: 'iafCodes must be an array of whole numbers from 1 to 39' })
  @Max(39, { each: true, message: 'iafCodes must be an array of whole numbers from 1 to 39' })
  iafCodes?: number[];

  @ApiProperty({ example: '2025-03-01', format: 'date' })
  @IsCalendarDate()
  issuedOn: string;

  @ApiProperty({ example: '2028-02-28', format: 'date' })
  @IsCalendarDate()
  expiresOn: string;

  @ApiPropertyOptional({ type: String, example: '2026-02-15', format: 'date', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  nextSurveillanceAuditOn?: string | null;

  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES, default: 'active' })
  @IsOptionalNotNull()
  @IsIn(CERTIFICATE_STATUSES, {
    message: `status must be one of ${CERTIFICATE_STATUSES.join(', ')}`,
  })
  status?: CertificateStatus;
}

/** Required fields may be left out of a patch, but not set to null. */
export class UpdateCertificateDto extends PartialType(CreateCertificateDto, {
  skipNullProperties: false,
}) {}

/** A renewal keeps the holder; everything else defaults to the certificate it replaces. */
export class RenewCertificateDto extends IntersectionType(
  PartialType(
    OmitType(CreateCertificateDto, ['factoryId', 'issuedOn', 'expiresOn', 'status'] as const),
    { skipNullProperties: false },
  ),
  PickType(CreateCertificateDto, ['issuedOn', 'expiresOn'] as const),
) {}

export class CertificateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: String,
    description: "A factory id, or `own` for the trader's own certificates",
  })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  factoryId?: string;

  @ApiPropertyOptional({ example: 'ISO 14001:2015' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  standard?: string;

  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES, {
    message: `status must be one of ${CERTIFICATE_STATUSES.join(', ')}`,
  })
  status?: CertificateStatus;

  @ApiPropertyOptional({
    description: "Expiring within this many days from today in the organization's timezone",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'expiringWithinDays must be a whole number of days' })
  @Min(0, { message: 'expiringWithinDays must not be negative' })
  @Max(3650, { message: 'expiringWithinDays must be at most 3650' })
  expiringWithinDays?: number;

  @ApiPropertyOptional({
    description:
      "Next surveillance audit due within this many days from today in the organization's timezone (or already past)",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'surveillanceWithinDays must be a whole number of days' })
  @Min(0, { message: 'surveillanceWithinDays must not be negative' })
  @Max(3650, { message: 'surveillanceWithinDays must be at most 3650' })
  surveillanceWithinDays?: number;

  @ApiPropertyOptional({
    description: 'true: only certificates not verified (no confirmed check within a year)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'verificationDue must be true or false' })
  verificationDue?: boolean;

  @ApiPropertyOptional({ description: 'Matches the certificate number or the scope text' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
}
