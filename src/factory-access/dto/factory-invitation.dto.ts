import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalNotNull, IsSingleLine } from '../../common/validators';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES } from '../../common/locales';
import { LowerCase, Trim } from '../../common/transforms';

export class InviteFactoryManagerDto {
  @ApiProperty({ example: 'chen.jie@valves.example' })
  @LowerCase()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Chen Jie' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @IsSingleLine()
  name: string;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'Language of the invitation and of later emails',
  })
  @IsOptionalNotNull()
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: (typeof LOCALES)[number];
}
