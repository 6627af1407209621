import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../common/actor';
import { PageQueryDto } from '../common/pagination';
import { toUserResponse } from './dto/user.dto';
import { UsersService } from './users.service';
import { Transactions } from '../database/transactions';

/** The organization's users; adding one (POST /users) is an invitation, in the auth feature. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly transactions: Transactions,
  ) {}

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
