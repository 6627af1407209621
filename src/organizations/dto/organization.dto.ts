import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES } from '../../common/locales';
import { IsOptionalNotNull, IsTimezone, IsSingleLine } from '../../common/validators';
import { Organization } from '../organization.entity';

export class UpdateOrganizationDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsSingleLine()
  name?: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IsOptionalNotNull()
  @IsTimezone()
  timezone?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNotNull()
  @IsIn(LOCALES)
  locale?: string;

  /** The trader's own business licence scope, e.g. "货物进出口；技术进出口" or "manufacture and sale of valves". */
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  businessScope?: string | null;
}

export class OrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA zone: "today" and dates follow it.' })
  timezone: string;
  @ApiProperty({ enum: LOCALES, description: 'The language of mails to new users.' })
  locale: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The business scope (经营范围) of its licence, checked against own certificates.',
  })
  businessScope: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toOrganizationResponse(org: Organization): OrganizationResponse {
  return {
    id: org.id,
    name: org.name,
    timezone: org.timezone,
    locale: org.locale,
    businessScope: org.businessScope,
    createdAt: org.createdAt.toISOString(),
  };
}
