import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { CreatedUserResponse } from './dto/auth.dto';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { CreateUserDto, UpdateUserDto, UserResponse } from '../users/dto/user.dto';
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

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: "Change a colleague's role, or deactivate or reactivate a user (admin)",
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.staff.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Remove a colleague or a factory manager who has left (admin); the email is free again',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404, 409)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.staff.remove(actor, id);
  }
}
