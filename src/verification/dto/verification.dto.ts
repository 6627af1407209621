import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { TrimToNull } from '../../common/transforms';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/validators';
import { AUDIT_KINDS, AuditKind } from '../certificate-audit.entity';
import {
  VERIFICATION_METHODS,
  VERIFICATION_RESULTS,
  VerificationMethod,
  VerificationResult,
} from '../verification.entity';
import { SIGNAL_IDS, SignalId } from '../signals/signal.rules';

export class CreateVerificationDto {
  @ApiProperty({ enum: VERIFICATION_METHODS })
  @IsIn(VERIFICATION_METHODS, {
    message: `method must be one of ${VERIFICATION_METHODS.join(', ')}`,
  })
  method: VerificationMethod;

  @ApiProperty({ enum: VERIFICATION_RESULTS })
  @IsIn(VERIFICATION_RESULTS, {
    message: `result must be one of ${VERIFICATION_RESULTS.join(', ')}`,
  })
  result: VerificationResult;

  @ApiProperty({ example: '2026-11-20', format: 'date' })
  @IsCalendarDate()
  checkedOn: string;

  @ApiPropertyOptional({
    type: String,
    example: 'https://www.iafcertsearch.org/...',
    nullable: true,
  })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, value) => value !== null)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'evidenceUrl must be an http:// or https:// URL' },
  )
  @MaxLength(2000, { message: 'evidenceUrl must be at most 2000 characters' })
  evidenceUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'notes must be text' })
  @MaxLength(4000, { message: 'notes must be at most 4000 characters' })
  notes?: string | null;
}

export class CreateAuditDto {
  @ApiProperty({ enum: AUDIT_KINDS })
  @IsIn(AUDIT_KINDS, { message: `kind must be one of ${AUDIT_KINDS.join(', ')}` })
  kind: AuditKind;

  @ApiProperty({ example: '2026-02-20', format: 'date' })
  @IsCalendarDate()
  auditedOn: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'notes must be text' })
  @MaxLength(4000, { message: 'notes must be at most 4000 characters' })
  notes?: string | null;
}

export class BulkVerifyDto {
  @ApiPropertyOptional({ type: [String], description: 'Certificates to verify (at most 1000)' })
  @ValidateIf((o: BulkVerifyDto) => o.all === undefined)
  @IsArray({ message: 'certificateIds must be an array of certificate ids' })
  @ArrayMinSize(1, { message: 'certificateIds must name at least one certificate' })
  @ArrayMaxSize(1000, { message: 'certificateIds may name at most 1000 certificates' })
  @IsString({ each: true, message: 'certificateIds must be an array of certificate ids' })
  @MaxLength(36, { each: true, message: 'certificateIds must be an array of certificate ids' })
  certificateIds?: string[];

  @ApiPropertyOptional({ description: 'Every current certificate of the organization' })
  @IsOptionalNotNull()
  @Equals(true, { message: 'all must be true when given' })
  all?: true;
}

export class SignalQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  certificateId?: string;

  @ApiPropertyOptional({ description: "A factory id, or `own` for the trader's own certificates" })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  factoryId?: string;

  @ApiPropertyOptional({ enum: SIGNAL_IDS })
  @IsOptional()
  @IsIn(SIGNAL_IDS, { message: `signal must be one of ${SIGNAL_IDS.join(', ')}` })
  signal?: SignalId;
}
