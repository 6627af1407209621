import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../common/actor';
import { BuyersService } from './buyers.service';
import {
  BuyerQueryDto,
  CreateBuyerDto,
  CreateRequirementDto,
  toBuyerResponse,
  toRequirementResponse,
  UpdateBuyerDto,
} from './dto/buyer.dto';

/** Buyers and what they require: trader staff only (factory managers get 403). */
@ApiTags('buyers')
@ApiBearerAuth()
@Controller()
export class BuyersController {
  constructor(private readonly buyers: BuyersService) {}

  @Post('buyers')
  async create(@CurrentActor() actor: Actor, @Body() body: CreateBuyerDto) {
    return toBuyerResponse(await this.buyers.create(actor, body), []);
  }

  @Get('buyers')
  async list(@CurrentActor() actor: Actor, @Query() query: BuyerQueryDto) {
    const page = await this.buyers.list(actor, query);
    return { ...page, items: page.items.map((b) => toBuyerResponse(b)) };
  }

  @Get('buyers/:id')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const buyer = await this.buyers.get(actor.organizationId, id);
    return toBuyerResponse(
      buyer,
      await this.buyers.requirementsOf(actor.organizationId, [buyer.id]),
    );
  }

  @Patch('buyers/:id')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateBuyerDto,
  ) {
    const buyer = await this.buyers.update(actor, id, body);
    return toBuyerResponse(
      buyer,
      await this.buyers.requirementsOf(actor.organizationId, [buyer.id]),
    );
  }

  @Delete('buyers/:id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.buyers.remove(actor, id);
  }

  @Post('buyers/:id/requirements')
  async addRequirement(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateRequirementDto,
  ) {
    return toRequirementResponse(await this.buyers.addRequirement(actor, id, body));
  }

  @Get('buyers/:id/requirements')
  async requirements(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const buyer = await this.buyers.get(actor.organizationId, id);
    const items = await this.buyers.requirementsOf(actor.organizationId, [buyer.id]);
    return items.map(toRequirementResponse);
  }

  @Get('requirements/:id')
  async getRequirement(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return toRequirementResponse(await this.buyers.getRequirement(actor, id));
  }

  @Delete('requirements/:id')
  @HttpCode(204)
  removeRequirement(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.buyers.removeRequirement(actor, id);
  }
}
