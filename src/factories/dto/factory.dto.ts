import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { PageOf } from '../../common/api-responses';
import { PageQueryDto } from '../../common/pagination';
import { Trim, TrimToNull, UpperCase } from '../../common/transforms';
import { IsCleanStringArray, IsOptionalNotNull, IsSingleLine } from '../../common/validators';
import {
  CONTACT_LOCALES,
  ContactLocale,
  Factory,
  FACTORY_STATUSES,
  FactoryStatus,
} from '../factory.entity';
import { FactoryStandingResponse } from './factory-standing.dto';

export class CreateFactoryDto {
  @ApiProperty({ example: 'Yuyao Precision Valve Factory' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @IsSingleLine()
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Yuyao Precision Valve Factory',
    description: 'The name in English, shown to buyers when `name` is in Chinese',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @ApiProperty({ example: 'CN', description: 'ISO 3166-1 alpha-2' })
  @UpperCase()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as CN or VN' })
  country: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Yuyao' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(120)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(1000)
  address?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '91330281MA2XXXXXXX',
    description: 'For CN, the Unified Social Credit Code',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(40)
  licenseNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '阀门、管件制造、加工' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  businessScope?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'quality@factory.example' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() || null : value,
  )
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({
    enum: CONTACT_LOCALES,
    description: "The language of the contact's mail; by default zh-CN for a CN factory, else en",
  })
  @IsOptionalNotNull()
  @IsIn(CONTACT_LOCALES, { message: `contactLocale must be one of ${CONTACT_LOCALES.join(', ')}` })
  contactLocale?: ContactLocale;

  @ApiPropertyOptional({ type: [String], example: ['valves', 'pipe fittings'], maxItems: 100 })
  @IsOptionalNotNull()
  @IsCleanStringArray({ maxItems: 100, maxLength: 100 })
  productCategories?: string[];

  @ApiPropertyOptional({ enum: FACTORY_STATUSES, default: 'active' })
  @IsOptionalNotNull()
  @IsIn(FACTORY_STATUSES, { message: `status must be one of ${FACTORY_STATUSES.join(', ')}` })
  status?: FactoryStatus;
}

/** Required fields may be left out of a patch, but not set to null. */
export class UpdateFactoryDto extends PartialType(CreateFactoryDto, {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    description:
      'Admins only: true mails the contact again after it unsubscribed; false stops mail to it',
  })
  @IsOptionalNotNull()
  @IsBoolean({ message: 'contactMailEnabled must be true or false' })
  contactMailEnabled?: boolean;
}

export class FactoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FACTORY_STATUSES })
  @IsOptional()
  @IsIn(FACTORY_STATUSES, { message: `status must be one of ${FACTORY_STATUSES.join(', ')}` })
  status?: FactoryStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @UpperCase()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as CN or VN' })
  country?: string;

  @ApiPropertyOptional({ description: 'Matches the name, city or licence number' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class FactoryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '温州瓯江阀门有限公司' }) name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Wenzhou Oujiang Valve Co., Ltd.',
  })
  nameEn: string | null;
  @ApiProperty({ example: 'CN' }) country: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Unified social credit code (USCC) for a Chinese factory.',
  })
  licenseNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) businessScope: string | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ enum: CONTACT_LOCALES }) contactLocale: ContactLocale;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the contact unsubscribed; it gets no mail until an admin re-enables it',
  })
  contactUnsubscribedAt: string | null;
  @ApiProperty({ type: [String] }) productCategories: string[];
  @ApiProperty({ enum: FACTORY_STATUSES }) status: FactoryStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({
    type: FactoryStandingResponse,
    description: 'From the audits feature: approved, conditional or not approved, and why.',
  })
  standing?: FactoryStandingResponse;
}

export class FactoryPage extends PageOf(FactoryResponse) {}

export function toFactoryResponse(factory: Factory): FactoryResponse {
  return {
    id: factory.id,
    name: factory.name,
    nameEn: factory.nameEn,
    country: factory.country,
    city: factory.city,
    address: factory.address,
    licenseNumber: factory.licenseNumber,
    businessScope: factory.businessScope,
    contactEmail: factory.contactEmail,
    contactLocale: factory.contactLocale,
    contactUnsubscribedAt: factory.contactUnsubscribedAt?.toISOString() ?? null,
    productCategories: factory.productCategories,
    status: factory.status,
    createdAt: factory.createdAt.toISOString(),
    updatedAt: factory.updatedAt.toISOString(),
  };
}
