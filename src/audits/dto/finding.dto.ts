import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { Trim, TrimToNull } from '../../common/transforms';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/validators';
import { FINDING_SEVERITIES, FindingSeverity } from '../finding-due';
import { FINDING_STATUSES, FindingStatus } from '../finding-transitions';
import type { Finding } from '../finding.entity';

export class CreateFindingDto {
  @ApiProperty({ enum: FINDING_SEVERITIES })
  @IsIn(FINDING_SEVERITIES, { message: `severity must be one of ${FINDING_SEVERITIES.join(', ')}` })
  severity: FindingSeverity;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '8.4',
    description: 'The clause or checklist question concerned',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(60)
  clause?: string | null;

  @ApiProperty({ example: 'Plating is subcontracted to a supplier that was never evaluated.' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'description must not be empty' })
  @MaxLength(5000)
  description: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Purchase orders PO-2611-07 and PO-2611-12; no supplier evaluation on file.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  evidence?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-10',
    description:
      'By default 30 days after the audit for a major finding, 90 for a minor one, none for an observation',
  })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;
}

export class UpdateFindingDto extends PartialType(CreateFindingDto, {
  skipNullProperties: false,
}) {}

export class ProposeActionDto {
  @ApiProperty({
    example: '已对电镀外包方完成评价并纳入合格供方名录；每批外包件到货检验镀层厚度。',
  })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'correctiveAction must not be empty' })
  @MaxLength(5000)
  correctiveAction: string;
}

export class ReviewFindingDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Evaluation record and three incoming inspection reports seen.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}

export class ReopenFindingDto extends PickType(ReviewFindingDto, ['note']) {}

export class FindingQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  factoryId?: string;

  @ApiPropertyOptional({ enum: FINDING_STATUSES })
  @IsOptionalNotNull()
  @IsIn(FINDING_STATUSES, { message: `status must be one of ${FINDING_STATUSES.join(', ')}` })
  status?: FindingStatus;

  @ApiPropertyOptional({ enum: FINDING_SEVERITIES })
  @IsOptionalNotNull()
  @IsIn(FINDING_SEVERITIES, { message: `severity must be one of ${FINDING_SEVERITIES.join(', ')}` })
  severity?: FindingSeverity;
}

export class FindingResponse {
  @ApiProperty() id: string;
  @ApiProperty() auditId: string;
  @ApiProperty() factoryId: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity: FindingSeverity;
  @ApiProperty({ type: String, nullable: true }) clause: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) evidence: string | null;
  @ApiProperty({ type: String, nullable: true }) correctiveAction: string | null;
  @ApiProperty({ type: String, nullable: true }) actionProposedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-10' }) dueOn: string | null;
  @ApiProperty({ description: 'Past its due date and not verified closed' }) overdue: boolean;
  @ApiProperty({ enum: FINDING_STATUSES }) status: FindingStatus;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewNote: string | null;
  @ApiProperty({ type: [String], description: 'Evidence files (GET /documents/:id)' })
  evidenceDocumentIds: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class FindingPage {
  @ApiProperty({ type: [FindingResponse] }) items: FindingResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export function toFindingResponse(
  finding: Finding,
  today: string,
  evidenceDocumentIds: string[] = [],
): FindingResponse {
  return {
    id: finding.id,
    auditId: finding.auditId,
    factoryId: finding.factoryId,
    severity: finding.severity,
    clause: finding.clause,
    description: finding.description,
    evidence: finding.evidence,
    correctiveAction: finding.correctiveAction,
    actionProposedAt: finding.actionProposedAt?.toISOString() ?? null,
    dueOn: finding.dueOn,
    overdue:
      finding.status !== 'verified_closed' && finding.dueOn !== null && finding.dueOn < today,
    status: finding.status,
    closedAt: finding.closedAt?.toISOString() ?? null,
    reviewNote: finding.reviewNote,
    evidenceDocumentIds,
    createdAt: finding.createdAt.toISOString(),
    updatedAt: finding.updatedAt.toISOString(),
  };
}
