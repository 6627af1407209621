import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import {
  OrganizationResponse,
  toOrganizationResponse,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organization')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('organization')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: "The organization's profile: name, timezone, language, business scope" })
  @ApiOkResponse({ type: OrganizationResponse })
  async get(@CurrentActor() actor: Actor): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.organizations.get(actor.organizationId));
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({ summary: "Edit the organization's profile and business scope (admin)" })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiErrors(400)
  async update(
    @CurrentActor() actor: Actor,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.organizations.update(actor, body));
  }
}
