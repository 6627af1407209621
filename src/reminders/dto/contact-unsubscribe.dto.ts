import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ContactUnsubscribeQueryDto {
  @ApiProperty({ description: 'The signed token of the List-Unsubscribe link' })
  @IsString({ message: 'token must be a string' })
  @MinLength(1, { message: 'token must not be empty' })
  @MaxLength(2000)
  token: string;
}

export class ContactUnsubscribeResponse {
  @ApiProperty({ example: 'quality@factory.example' }) email: string;
  @ApiProperty({
    description: 'True once the address gets no further mail (until an admin re-enables it)',
  })
  unsubscribed: boolean;
}

export class ContactUnsubscribePreview {
  @ApiProperty({ example: 'quality@factory.example' }) email: string;
  @ApiProperty({
    example: 'POST',
    description: 'Opening the link changes nothing: POST the same URL to unsubscribe',
  })
  method: 'POST';
}
