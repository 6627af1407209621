import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalNotNull, IsSingleLine } from '../../common/validators';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import type { Role } from '../../common/actor';
import { PageOf } from '../../common/api-responses';
import { LOCALES } from '../../common/locales';
import { User } from '../user.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'Zhang Min' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsSingleLine()
  name: string;

  @ApiProperty({ example: 'zhang.min@example.com' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ['admin', 'member'] })
  @IsIn(['admin', 'member'], { message: 'role must be admin or member' })
  role: 'admin' | 'member';

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNotNull()
  @IsIn(LOCALES)
  locale?: (typeof LOCALES)[number];
}

/** An admin's change to a colleague: their role (trader staff only) or whether they may log in. */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ['admin', 'member'], description: 'Trader staff only' })
  @IsOptionalNotNull()
  @IsIn(['admin', 'member'], { message: 'role must be admin or member' })
  role?: 'admin' | 'member';

  @ApiPropertyOptional({
    description: 'false deactivates: no login, and every token stops working at once',
  })
  @IsOptionalNotNull()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['admin', 'member', 'factory_manager'] }) role: Role;
  @ApiProperty({ type: String, nullable: true, enum: LOCALES }) locale: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Set for factory managers only.',
  })
  factoryId: string | null;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ description: 'false: deactivated, can neither log in nor use a token' })
  active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UserPage extends PageOf(UserResponse) {}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    factoryId: user.factoryId,
    organizationId: user.organizationId,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}
