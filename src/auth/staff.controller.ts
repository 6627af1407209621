import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { CreatedUserResponse } from './dto/auth.dto';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { CreateUserDto } from '../users/dto/user.dto';
import { StaffService } from './staff.service';

/** POST /users: the operation id is the one it had under UsersController, so the OpenAPI contract did not change. */
@ApiTags('users')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('users')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  /** Adds a colleague; they receive an invitation to choose their password. */
  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Add a colleague, who is invited to choose a password',
    operationId: 'UsersController_create',
  })
  @ApiCreatedResponse({ type: CreatedUserResponse })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<CreatedUserResponse> {
    return this.staff.add(actor, body);
  }
}
