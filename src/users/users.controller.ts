import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { PageQueryDto } from '../common/pagination';
import { CreateUserDto, toUserResponse } from './dto/user.dto';
import { StaffService } from './staff.service';
import { UsersService } from './users.service';
import { Transactions } from '../database/transactions';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly staff: StaffService,
    private readonly transactions: Transactions,
  ) {}

  /** Adds a colleague; they receive an invitation to choose their password. */
  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto) {
    return this.staff.add(actor, body);
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto) {
    const page = await this.users.list(actor, query);
    return { ...page, items: page.items.map(toUserResponse) };
  }

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return toUserResponse(
      await this.users.get(this.transactions.manager, actor.organizationId, id),
    );
  }
}
