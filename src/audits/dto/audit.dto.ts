import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { Trim, TrimToNull } from '../../common/transforms';
import { IsCalendarDate, IsCleanStringArray, IsOptionalNotNull } from '../../common/validators';
import { CHECKLIST_ANSWERS, ChecklistAnswer } from '../checklist-scoring';
import { AUDIT_KINDS, AuditKind, SupplierAudit } from '../supplier-audit.entity';
import { FindingResponse } from './finding.dto';

export class ChecklistAnswerDto {
  @ApiProperty({ example: 'trace.lot' })
  @IsString()
  @MaxLength(60)
  questionId: string;

  @ApiProperty({ enum: CHECKLIST_ANSWERS })
  @IsIn(CHECKLIST_ANSWERS, { message: `answer must be one of ${CHECKLIST_ANSWERS.join(', ')}` })
  answer: ChecklistAnswer;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Lot cards kept, but not linked to heat numbers',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class CreateSupplierAuditDto {
  @ApiProperty({ example: '2026-11-10' })
  @IsCalendarDate()
  auditedOn: string;

  @ApiProperty({ example: 'Wang Fang', description: 'The lead auditor' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'auditor must not be empty' })
  @MaxLength(200)
  auditor: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'SGS-CSTC Standards Technical Services',
    description: 'The auditing firm when a third party audited; leave out when the trader did',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  auditorOrganization?: string | null;

  @ApiProperty({ enum: AUDIT_KINDS })
  @IsIn(AUDIT_KINDS, { message: `kind must be one of ${AUDIT_KINDS.join(', ')}` })
  kind: AuditKind;

  @ApiPropertyOptional({ type: [String], example: ['ISO 9001:2015'], maxItems: 10 })
  @IsOptionalNotNull()
  @IsCleanStringArray({ maxItems: 10, maxLength: 40 })
  standards?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['casting', 'machining', 'final inspection'],
    maxItems: 50,
  })
  @IsOptionalNotNull()
  @IsCleanStringArray({ maxItems: 50, maxLength: 200 })
  processes?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['general', 'iso9001'],
    maxItems: 10,
    description:
      'Checklist templates (GET /audit-checklists); by default the general checklist and one per covered standard',
  })
  @IsOptionalNotNull()
  @IsCleanStringArray({ maxItems: 10, maxLength: 40 })
  checklistTemplates?: string[];

  @ApiPropertyOptional({ type: [ChecklistAnswerDto], maxItems: 500 })
  @IsOptionalNotNull()
  @IsArray({ message: 'answers must be an array' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ChecklistAnswerDto)
  answers?: ChecklistAnswerDto[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(10000)
  summary?: string | null;
}

/** Answers sent in a patch replace the stored ones with the same question id; others stay. */
export class UpdateSupplierAuditDto extends PartialType(CreateSupplierAuditDto, {
  skipNullProperties: false,
}) {}

export class SupplierAuditQueryDto extends PageQueryDto {}

export class SectionScoreResponse {
  @ApiProperty() templateId: string;
  @ApiProperty() sectionId: string;
  @ApiProperty({ example: 'Traceability' }) title: string;
  @ApiProperty({ example: '可追溯性' }) titleZh: string;
  @ApiProperty({ type: Number, nullable: true, example: 83 }) score: number | null;
  @ApiProperty() answered: number;
  @ApiProperty() questions: number;
}

export class AnswerResponse {
  @ApiProperty() questionId: string;
  @ApiProperty({ enum: CHECKLIST_ANSWERS }) answer: ChecklistAnswer;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class AuditFindingCounts {
  @ApiProperty() total: number;
  @ApiProperty() open: number;
  @ApiProperty() actionProposed: number;
  @ApiProperty() verifiedClosed: number;
  @ApiProperty({ description: 'Major findings not yet verified closed' }) unresolvedMajor: number;
}

export class AuditResponse {
  @ApiProperty() id: string;
  @ApiProperty() factoryId: string;
  @ApiProperty({ example: '2026-11-10' }) auditedOn: string;
  @ApiProperty() auditor: string;
  @ApiProperty({ type: String, nullable: true }) auditorOrganization: string | null;
  @ApiProperty({ enum: AUDIT_KINDS }) kind: AuditKind;
  @ApiProperty({ type: [String] }) standards: string[];
  @ApiProperty({ type: [String] }) processes: string[];
  @ApiProperty({ type: [String] }) checklistTemplates: string[];
  @ApiProperty({ type: [AnswerResponse] }) answers: AnswerResponse[];
  @ApiProperty({ type: [SectionScoreResponse] }) sectionScores: SectionScoreResponse[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '0–100, the mean of the section scores',
  })
  overallScore: number | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'GET /documents/:id' })
  reportDocumentId: string | null;
  @ApiProperty({ type: String, nullable: true }) reportUrl: string | null;
  @ApiProperty({ type: AuditFindingCounts }) findingCounts: AuditFindingCounts;
  @ApiProperty({ type: [FindingResponse], description: 'Only on GET /audits/:id' })
  findings?: FindingResponse[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class AuditPage {
  @ApiProperty({ type: [AuditResponse] }) items: AuditResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export function toAuditResponse(
  audit: SupplierAudit,
  titles: (templateId: string, sectionId: string) => { en: string; 'zh-CN': string },
  findingCounts: AuditFindingCounts,
  findings?: FindingResponse[],
): AuditResponse {
  return {
    id: audit.id,
    factoryId: audit.factoryId,
    auditedOn: audit.auditedOn,
    auditor: audit.auditor,
    auditorOrganization: audit.auditorOrganization,
    kind: audit.kind,
    standards: audit.standards,
    processes: audit.processes,
    checklistTemplates: audit.checklistTemplates,
    answers: audit.answers,
    sectionScores: audit.sectionScores.map((s) => {
      const title = titles(s.templateId, s.sectionId);
      return { ...s, title: title.en, titleZh: title['zh-CN'] };
    }),
    overallScore: audit.overallScore,
    summary: audit.summary,
    reportDocumentId: audit.reportDocumentId,
    reportUrl: audit.reportDocumentId ? `/api/v1/documents/${audit.reportDocumentId}` : null,
    findingCounts,
    ...(findings ? { findings } : {}),
    createdAt: audit.createdAt.toISOString(),
    updatedAt: audit.updatedAt.toISOString(),
  };
}

export class LocalizedTextResponse {
  @ApiProperty() en: string;
  @ApiProperty({ name: 'zh-CN' }) 'zh-CN': string;
}

export class ChecklistQuestionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) clause: string | null;
  @ApiProperty({ type: LocalizedTextResponse }) text: LocalizedTextResponse;
}

export class ChecklistSectionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: LocalizedTextResponse }) title: LocalizedTextResponse;
  @ApiProperty({ type: [ChecklistQuestionResponse] }) questions: ChecklistQuestionResponse[];
}

export class ChecklistTemplateResponse {
  @ApiProperty({ example: 'iso9001' }) id: string;
  @ApiProperty({ type: LocalizedTextResponse }) title: LocalizedTextResponse;
  @ApiProperty({ type: String, nullable: true, example: 'ISO 9001' }) standard: string | null;
  @ApiProperty({ type: [ChecklistSectionResponse] }) sections: ChecklistSectionResponse[];
}
