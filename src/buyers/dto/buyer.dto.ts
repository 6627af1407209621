import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageOf } from '../../common/api-responses';
import { PageQueryDto } from '../../common/pagination';
import { LowerCase, Trim, TrimToNull, UpperCase } from '../../common/transforms';
import { IsOptionalNotNull, IsSingleLine } from '../../common/validators';
import { Buyer, BUYER_LOCALES, BuyerLocale } from '../buyer.entity';
import { Requirement } from '../requirement.entity';

export class CreateBuyerDto {
  @ApiProperty({ example: 'Hansen Industrial GmbH' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @IsSingleLine()
  name: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @UpperCase()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE or US' })
  country: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'purchasing@hansen.example' })
  @IsOptional()
  @LowerCase()
  @ValidateIf((_, value) => value !== null && value !== '')
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({
    enum: BUYER_LOCALES,
    default: 'en',
    description: 'The language of its evidence pack and shared page',
  })
  @IsOptionalNotNull()
  @IsIn(BUYER_LOCALES, { message: `locale must be one of ${BUYER_LOCALES.join(', ')}` })
  locale?: BuyerLocale;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

/** Left out: unchanged; null: cleared where the column allows it, a 400 where it does not. */
export class UpdateBuyerDto extends PartialType(CreateBuyerDto, { skipNullProperties: false }) {}

export class BuyerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches the name' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateRequirementDto {
  @ApiProperty({ example: 'ISO 14001:2015', description: 'A code from GET /api/v1/standards' })
  @Trim()
  @IsString({ message: 'standard must be a standard code such as ISO 9001:2015' })
  @MinLength(1, { message: 'standard must not be empty' })
  @MaxLength(100, { message: 'standard must be a standard code such as ISO 9001:2015' })
  standard: string;

  @ApiProperty({ example: 'valves' })
  @Trim()
  @IsString({ message: 'productCategory must be a string' })
  @MinLength(1, { message: 'productCategory must not be empty' })
  @MaxLength(100)
  productCategory: string;
}

export class RequirementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty({ example: 'ISO 9001' }) standard: string;
  @ApiProperty({ example: 'industrial valves' }) productCategory: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BuyerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'DE' }) country: string;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ enum: BUYER_LOCALES, description: 'The language of its evidence pack.' })
  locale: BuyerLocale;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({
    type: [RequirementResponse],
    description: 'On single-buyer answers only.',
  })
  requirements?: RequirementResponse[];
}

export class BuyerPage extends PageOf(BuyerResponse) {}

export function toRequirementResponse(requirement: Requirement): RequirementResponse {
  return {
    id: requirement.id,
    buyerId: requirement.buyerId,
    standard: requirement.standard,
    productCategory: requirement.productCategory,
    createdAt: requirement.createdAt.toISOString(),
  };
}

export function toBuyerResponse(buyer: Buyer, requirements?: Requirement[]): BuyerResponse {
  return {
    id: buyer.id,
    name: buyer.name,
    country: buyer.country,
    contactEmail: buyer.contactEmail,
    locale: buyer.locale,
    notes: buyer.notes,
    createdAt: buyer.createdAt.toISOString(),
    updatedAt: buyer.updatedAt.toISOString(),
    ...(requirements ? { requirements: requirements.map(toRequirementResponse) } : {}),
  };
}
