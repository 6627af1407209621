import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors } from '../common/api-responses';
import { Roles } from '../common/actor';
import { StandardsCatalog } from '../config/standards-catalog';
import { StandardListResponse, toStandardResponse } from './dto/standard.response';

@ApiTags('standards')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('standards')
export class StandardsController {
  constructor(private readonly catalog: StandardsCatalog) {}

  @Get()
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary:
      "The standards catalogue (config/standards.json, overridden by DATA_DIR/standards.json) with each edition's transition dates and their sources",
  })
  @ApiOkResponse({ type: StandardListResponse })
  list(): StandardListResponse {
    return {
      items: this.catalog.standards.map(toStandardResponse),
      reviewedOn: this.catalog.reviewedOn,
    };
  }
}
