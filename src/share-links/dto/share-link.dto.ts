import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { TrimToNull } from '../../common/transforms';
import type { ShareLink } from '../share-link.entity';

export class CreateShareLinkDto {
  @ApiProperty({
    example: '2027-03-31T00:00:00Z',
    description: 'When the link stops working (ISO 8601); in the future, at most a year away',
  })
  @IsISO8601(
    { strict: true },
    { message: 'expiresAt must be an ISO 8601 timestamp such as 2027-03-31T00:00:00Z' },
  )
  expiresAt: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hansen supplier approval 2027' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  label?: string | null;
}

export class ShareLinkResponse {
  @ApiProperty() id: string;
  @ApiProperty() buyerId: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) state: 'active' | 'expired' | 'revoked';
  @ApiProperty() visitCount: number;
  @ApiProperty({ type: String, nullable: true }) lastVisitedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class CreatedShareLinkResponse extends ShareLinkResponse {
  @ApiProperty({ description: 'Shown once: only its hash is kept' })
  token: string;

  @ApiProperty({
    example: 'https://certpact.example/shared/3q2-…',
    description: 'The page to send the buyer (the web app)',
  })
  url: string;

  @ApiProperty({
    example: '/api/v1/shared/3q2-…',
    description: 'The same evidence as JSON, no login',
  })
  apiUrl: string;
}

export class ShareLinkVisitResponse {
  @ApiProperty() visitedAt: string;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
}

export function toShareLinkResponse(link: ShareLink, now: Date): ShareLinkResponse {
  return {
    id: link.id,
    buyerId: link.buyerId,
    label: link.label,
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    state: link.revokedAt ? 'revoked' : link.expiresAt <= now ? 'expired' : 'active',
    visitCount: link.visitCount,
    lastVisitedAt: link.lastVisitedAt?.toISOString() ?? null,
    createdAt: link.createdAt.toISOString(),
  };
}
