import { Module } from '@nestjs/common';
import { StaffService } from './staff.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, StaffService],
  exports: [UsersService],
})
export class UsersModule {}
