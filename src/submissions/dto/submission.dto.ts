import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { Trim, TrimToNull } from '../../common/transforms';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/validators';
import { CreateCertificateDto, RenewCertificateDto } from '../../certificates/dto/certificate.dto';
import {
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  SubmissionKind,
  SubmissionStatus,
} from '../submission.entity';
import { REPORTABLE_STATUSES } from '../submission.rules';

/** The fields of a proposed new certificate: the holder is the submission's factory, the status `active`. */
export class ProposedCertificateDto extends OmitType(CreateCertificateDto, [
  'factoryId',
  'status',
] as const) {}

export class CreateSubmissionDto {
  @ApiProperty({ enum: SUBMISSION_KINDS })
  @IsIn(SUBMISSION_KINDS, { message: `kind must be one of ${SUBMISSION_KINDS.join(', ')}` })
  kind: SubmissionKind;

  @ApiPropertyOptional({
    description: 'The certificate renewed or changed (all kinds but new_certificate)',
  })
  @IsOptionalNotNull()
  @IsString({ message: 'certificateId must be a certificate id' })
  @MaxLength(36)
  certificateId?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "new_certificate only: the factory (a factory manager's own by default); null for the trader's own certificate",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'factoryId must be a factory id or null' })
  @MaxLength(36)
  factoryId?: string | null;

  @ApiPropertyOptional({
    description:
      'new_certificate: every field of a certificate; renewal: issuedOn, expiresOn and whatever else changed',
    type: ProposedCertificateDto,
  })
  @IsOptionalNotNull()
  @IsObject({ message: 'certificate must be an object of certificate fields' })
  @ValidateNested()
  @Type((options) =>
    (options?.object as { kind?: unknown } | undefined)?.kind === 'renewal'
      ? RenewCertificateDto
      : ProposedCertificateDto,
  )
  certificate?: ProposedCertificateDto | RenewCertificateDto;

  @ApiPropertyOptional({ enum: REPORTABLE_STATUSES, description: 'status_change only' })
  @IsOptionalNotNull()
  @IsIn(REPORTABLE_STATUSES, { message: `status must be one of ${REPORTABLE_STATUSES.join(', ')}` })
  status?: (typeof REPORTABLE_STATUSES)[number];

  @ApiPropertyOptional({ type: String, format: 'date', description: 'surveillance_audit only' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  nextSurveillanceAuditOn?: string;

  @ApiPropertyOptional({ type: String, maxLength: 2000, description: 'A word for the reviewer' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class RejectSubmissionDto {
  @ApiProperty({ example: 'The scan is unreadable; please upload the certificate again.' })
  @Trim()
  @IsString({ message: 'reason must be text' })
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason: string;
}

export class SubmissionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES, { message: `status must be one of ${SUBMISSION_STATUSES.join(', ')}` })
  status?: SubmissionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  factoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  certificateId?: string;
}
