import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { LOCALES } from '../../common/locales';
import { IsTimezone, IsOptionalNotNull, IsSingleLine } from '../../common/validators';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class SignupDto {
  @ApiProperty({ example: 'Ningbo Export Trading Co.' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsSingleLine()
  organizationName: string;

  @ApiProperty({ example: 'Li Wei' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsSingleLine()
  name: string;

  @ApiProperty({ example: 'li.wei@example.com' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, example: 'correct horse battery' })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ required: false, example: 'Asia/Shanghai' })
  @IsOptionalNotNull()
  @IsTimezone()
  timezone?: string;

  @ApiProperty({ required: false, enum: LOCALES })
  @IsOptionalNotNull()
  @IsIn(LOCALES)
  locale?: (typeof LOCALES)[number];
}

export class LoginDto {
  @ApiProperty()
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;
}
