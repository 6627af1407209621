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
import { Actor, CurrentActor } from '../common/actor';
import { BuyersService } from './buyers.service';
import {
  BuyerPage,
  BuyerQueryDto,
  BuyerResponse,
  CreateBuyerDto,
  CreateRequirementDto,
  RequirementResponse,
  toBuyerResponse,
  toRequirementResponse,
  UpdateBuyerDto,
} from './dto/buyer.dto';

/** Buyers and what they require: trader staff only (factory managers get 403). */
@ApiTags('buyers')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller()
export class BuyersController {
  constructor(private readonly buyers: BuyersService) {}

  @Post('buyers')
  @ApiOperation({ summary: 'Add a buyer' })
  @ApiCreatedResponse({ type: BuyerResponse })
  @ApiErrors(400, 409)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateBuyerDto): Promise<BuyerResponse> {
    return toBuyerResponse(await this.buyers.create(actor, body), []);
  }

  @Get('buyers')
  @ApiOperation({ summary: "The organization's buyers" })
  @ApiOkResponse({ type: BuyerPage })
  @ApiErrors(400)
  async list(@CurrentActor() actor: Actor, @Query() query: BuyerQueryDto): Promise<BuyerPage> {
    const page = await this.buyers.list(actor, query);
    return { ...page, items: page.items.map((b) => toBuyerResponse(b)) };
  }

  @Get('buyers/:id')
  @ApiOperation({ summary: 'One buyer with its requirements' })
  @ApiOkResponse({ type: BuyerResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BuyerResponse> {
    const buyer = await this.buyers.get(actor.organizationId, id);
    return toBuyerResponse(
      buyer,
      await this.buyers.requirementsOf(actor.organizationId, [buyer.id]),
    );
  }

  @Patch('buyers/:id')
  @ApiOperation({ summary: "Edit a buyer's details" })
  @ApiOkResponse({ type: BuyerResponse })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateBuyerDto,
  ): Promise<BuyerResponse> {
    const buyer = await this.buyers.update(actor, id, body);
    return toBuyerResponse(
      buyer,
      await this.buyers.requirementsOf(actor.organizationId, [buyer.id]),
    );
  }

  @Delete('buyers/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a buyer and its requirements' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.buyers.remove(actor, id);
  }

  @Post('buyers/:id/requirements')
  @ApiOperation({ summary: 'Add what the buyer requires: a standard for a product category' })
  @ApiCreatedResponse({ type: RequirementResponse })
  @ApiErrors(400, 404, 409)
  async addRequirement(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateRequirementDto,
  ): Promise<RequirementResponse> {
    return toRequirementResponse(await this.buyers.addRequirement(actor, id, body));
  }

  @Get('buyers/:id/requirements')
  @ApiOperation({ summary: "The buyer's requirements" })
  @ApiOkResponse({ type: [RequirementResponse] })
  @ApiErrors(404)
  async requirements(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<RequirementResponse[]> {
    const buyer = await this.buyers.get(actor.organizationId, id);
    const items = await this.buyers.requirementsOf(actor.organizationId, [buyer.id]);
    return items.map(toRequirementResponse);
  }

  @Get('requirements/:id')
  @ApiOperation({ summary: 'One requirement' })
  @ApiOkResponse({ type: RequirementResponse })
  @ApiErrors(404)
  async getRequirement(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<RequirementResponse> {
    return toRequirementResponse(await this.buyers.getRequirement(actor, id));
  }

  @Delete('requirements/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a requirement' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404)
  removeRequirement(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.buyers.removeRequirement(actor, id);
  }
}
