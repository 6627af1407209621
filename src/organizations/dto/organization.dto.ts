import { ApiPropertyOptional } from '@nestjs/swagger';
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
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  businessScope?: string | null;
}

export interface OrganizationResponse {
  id: string;
  name: string;
  timezone: string;
  locale: string;
  businessScope: string | null;
  createdAt: string;
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
