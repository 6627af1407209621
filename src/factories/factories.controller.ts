import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import {
  CreateFactoryDto,
  FactoryQueryDto,
  toFactoryResponse,
  UpdateFactoryDto,
} from './dto/factory.dto';
import { FactoriesService } from './factories.service';
import { FACTORY_EXPORT } from './dto/factory.columns';
import { Exportable } from '../common/export/exportable';

@ApiTags('factories')
@ApiBearerAuth()
@Controller('factories')
export class FactoriesController {
  constructor(private readonly factories: FactoriesService) {}

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateFactoryDto) {
    return toFactoryResponse(await this.factories.create(actor, body));
  }

  @Get()
  @Roles('admin', 'member', 'factory_manager')
  @Exportable(FACTORY_EXPORT)
  async list(@CurrentActor() actor: Actor, @Query() query: FactoryQueryDto) {
    const page = await this.factories.list(actor, query);
    return { ...page, items: page.items.map(toFactoryResponse) };
  }

  @Get(':id')
  @Roles('admin', 'member', 'factory_manager')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return toFactoryResponse(await this.factories.get(actor, id));
  }

  @Patch(':id')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateFactoryDto,
  ) {
    return toFactoryResponse(await this.factories.update(actor, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.factories.remove(actor, id);
  }
}
