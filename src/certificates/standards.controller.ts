import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/actor';
import { StandardsCatalog } from '../config/standards-catalog';

@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class StandardsController {
  constructor(private readonly catalog: StandardsCatalog) {}

  /** The standards catalogue from config/standards.json. */
  @Get()
  @Roles('admin', 'member', 'factory_manager')
  list() {
    return { items: this.catalog.standards };
  }
}
