import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, MaxLength } from 'class-validator';

export class SetFactoryResponsibleDto {
  @ApiProperty({
    type: [String],
    description:
      'Ids of the admins and members who look after the factory; an empty list leaves it to the organization default',
  })
  @IsArray({ message: 'userIds must be a list of user ids' })
  @ArrayMaxSize(50, { message: 'userIds may hold at most 50 users' })
  @ArrayUnique({ message: 'userIds must not repeat a user' })
  @IsString({ each: true, message: 'userIds must hold user ids' })
  @MaxLength(36, { each: true, message: 'userIds must hold user ids' })
  userIds: string[];
}

export class ResponsibleStaffMember {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['admin', 'member'] }) role: string;
}

export class FactoryResponsibleResponse {
  @ApiProperty() factoryId: string;
  @ApiProperty({ type: [ResponsibleStaffMember] }) responsible: ResponsibleStaffMember[];
}
