import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StandardEdition, TransitionDate } from '../../config/standards-catalog';

export class TransitionDateResponse {
  @ApiProperty({ nullable: true, type: String, example: '2018-09-15' })
  date: string | null;
  @ApiProperty({ description: 'Announced or inferred, not yet set by an accreditation document.' })
  provisional: boolean;
  @ApiProperty({ description: 'Document and clause the date was taken from.' })
  source: string;
  @ApiProperty({ example: '2026-12-02' })
  takenOn: string;
  @ApiPropertyOptional({ type: [String], example: ['initial', 'surveillance', 'recertification'] })
  appliesTo?: string[];
}

export class StandardTransitionResponse {
  @ApiProperty({ type: TransitionDateResponse, nullable: true })
  newEditionAuditsFrom: TransitionDateResponse | null;
  @ApiProperty({ type: TransitionDateResponse, nullable: true })
  validUntil: TransitionDateResponse | null;
}

export class StandardResponse {
  @ApiProperty({ example: 'ISO 14001:2015' })
  code: string;
  @ApiProperty({ example: 'ISO 14001' })
  family: string;
  @ApiProperty({ example: '2015' })
  edition: string;
  @ApiProperty()
  title: string;
  @ApiProperty({
    enum: ['published', 'expected'],
    description: '`expected`: publication not confirmed yet.',
  })
  status: string;
  @ApiProperty({ nullable: true, type: String })
  publishedOn: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'ISO 14001:2026' })
  successor: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'From this day every audit must use the successor edition.',
  })
  newEditionAuditsFrom: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The last day certificates of this edition count, whatever date they carry.',
  })
  validUntil: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    deprecated: true,
    description: 'Same as validUntil; kept for older clients.',
  })
  certifiableUntil: string | null;
  @ApiProperty({ type: StandardTransitionResponse })
  transition: StandardTransitionResponse;
}

export class StandardListResponse {
  @ApiProperty({ type: [StandardResponse] })
  items: StandardResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the catalogue was last reviewed.',
  })
  reviewedOn: string | null;
}

function dateOf(date: TransitionDate | null): TransitionDateResponse | null {
  return date ? { ...date } : null;
}

export function toStandardResponse(edition: StandardEdition): StandardResponse {
  const validUntil = edition.validUntil?.date ?? null;
  return {
    code: edition.code,
    family: edition.family,
    edition: edition.edition,
    title: edition.title,
    status: edition.status,
    publishedOn: edition.publishedOn,
    successor: edition.successor,
    newEditionAuditsFrom: edition.newEditionAuditsFrom?.date ?? null,
    validUntil,
    certifiableUntil: validUntil,
    transition: {
      newEditionAuditsFrom: dateOf(edition.newEditionAuditsFrom),
      validUntil: dateOf(edition.validUntil),
    },
  };
}
