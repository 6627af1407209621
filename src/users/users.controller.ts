import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor } from '../common/actor';
import { PageQueryDto } from '../common/pagination';
import { toUserResponse, UserPage, UserResponse } from './dto/user.dto';
import { UsersService } from './users.service';
import { Transactions } from '../database/transactions';

/** The organization's users; adding one (POST /users) is an invitation, in the auth feature. */
@ApiTags('users')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly transactions: Transactions,
  ) {}

  @Get()
  @ApiOperation({ summary: "The organization's users: staff and factory managers" })
  @ApiOkResponse({ type: UserPage })
  @ApiErrors(400)
  async list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<UserPage> {
    const page = await this.users.list(actor, query);
    return { ...page, items: page.items.map(toUserResponse) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user of the organization' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserResponse> {
    return toUserResponse(await this.users.get(actor.organizationId, id));
  }
}
