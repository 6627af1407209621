import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { toOrganizationResponse, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organization')
@ApiBearerAuth()
@Controller('organization')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  async get(@CurrentActor() actor: Actor) {
    return toOrganizationResponse(await this.organizations.get(actor.organizationId));
  }

  @Patch()
  @Roles('admin')
  async update(@CurrentActor() actor: Actor, @Body() body: UpdateOrganizationDto) {
    return toOrganizationResponse(await this.organizations.update(actor, body));
  }
}
