import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import {
  CreateFactoryDto,
  FactoryPage,
  FactoryQueryDto,
  FactoryResponse,
  toFactoryResponse,
  UpdateFactoryDto,
} from './dto/factory.dto';
import { FactoryStandingLinks } from './factory-standing.service';
import { FactoriesService } from './factories.service';
import type { Factory } from './factory.entity';
import { FACTORY_EXPORT } from './dto/factory.columns';
import { Exportable } from '../common/export/exportable';

@ApiTags('factories')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('factories')
export class FactoriesController {
  constructor(
    private readonly factories: FactoriesService,
    private readonly links: FactoryStandingLinks,
  ) {}

  /** Factory answers with each factory's standing, when the audits feature is present. */
  private async withStanding(
    organizationId: string,
    factories: Factory[],
  ): Promise<FactoryResponse[]> {
    const standings = await this.links.standing.get().standingsOf(
      organizationId,
      factories.map((f) => f.id),
    );
    return factories.map((f) => {
      const standing = standings.get(f.id);
      return { ...toFactoryResponse(f), ...(standing ? { standing } : {}) };
    });
  }

  @Post()
  @ApiOperation({ summary: 'Add a partner factory' })
  @ApiCreatedResponse({ type: FactoryResponse })
  @ApiErrors(400, 409)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateFactoryDto) {
    const [factory] = await this.withStanding(actor.organizationId, [
      await this.factories.create(actor, body),
    ]);
    return factory;
  }

  @Get()
  @Roles('admin', 'member', 'factory_manager')
  @Exportable(FACTORY_EXPORT, FactoryPage)
  @ApiOperation({
    summary:
      "Factories by status, country, q, with each one's standing (a factory manager: their own)",
  })
  @ApiErrors(400)
  async list(@CurrentActor() actor: Actor, @Query() query: FactoryQueryDto): Promise<FactoryPage> {
    const page = await this.factories.list(actor, query);
    return { ...page, items: await this.withStanding(actor.organizationId, page.items) };
  }

  @Get(':id')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: 'One factory with its standing' })
  @ApiOkResponse({ type: FactoryResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const [factory] = await this.withStanding(actor.organizationId, [
      await this.factories.get(actor, id),
    ]);
    return factory;
  }

  @Patch(':id')
  @ApiOperation({ summary: "Edit a factory's details or status" })
  @ApiOkResponse({ type: FactoryResponse })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateFactoryDto,
  ) {
    const [factory] = await this.withStanding(actor.organizationId, [
      await this.factories.update(actor, id, body),
    ]);
    return factory;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a factory' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404, 409)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.factories.remove(actor, id);
  }
}
