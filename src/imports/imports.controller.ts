import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors, binaryContent } from '../common/api-responses';
import { Actor, CurrentActor, TraderStaff } from '../common/actor';
import { exportLocaleOf } from '../common/export/export-columns';
import { CSV_MIME, XLSX_MIME } from '../common/export/export-writers';
import { StandardsCatalog } from '../config/standards-catalog';
import { CreateCertificateDto } from '../certificates/dto/certificate.dto';
import { CreateFactoryDto } from '../factories/dto/factory.dto';
import {
  CreateImportDto,
  ImportResponse,
  ImportTemplateQueryDto,
  toImportResponse,
} from './dto/import.dto';
import {
  AllowedValues,
  countryCodes,
  isInValues,
  templateCsv,
  templateXlsx,
} from './import-template';
import { ImportsService, SHEETS, UploadedFile as ImportFile } from './imports.service';

/** Large enough for 50,000 rows of certificates as CSV. */
const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

@ApiTags('imports')
@ApiBearerAuth()
@ApiAuthErrors()
@TraderStaff()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly catalog: StandardsCatalog,
  ) {}

  @Get('template')
  @ApiOperation({
    summary: 'Download an import template (CSV or XLSX with drop-downs of allowed values)',
  })
  @ApiOkResponse({ description: 'The template file', content: binaryContent(CSV_MIME, XLSX_MIME) })
  @ApiErrors(400)
  async template(
    @CurrentActor() actor: Actor,
    @Query() query: ImportTemplateQueryDto,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    // Headers in the reader's language; either language imports back.
    const locale = exportLocaleOf(actor.locale, request.headers['accept-language']);
    const columns = SHEETS[query.kind];
    const name = `${query.kind}-template`;
    if (query.format === 'csv') {
      return new StreamableFile(templateCsv(columns, locale), {
        type: `${CSV_MIME}; charset=utf-8`,
        disposition: `attachment; filename="${name}.csv"`,
      });
    }
    const allowed: AllowedValues =
      query.kind === 'factories'
        ? { country: countryCodes(), status: isInValues(CreateFactoryDto, 'status') }
        : {
            standard: this.catalog.codes(),
            status: isInValues(CreateCertificateDto, 'status').filter((s) => s !== 'superseded'),
          };
    const title =
      query.kind === 'factories'
        ? { en: 'Factories', 'zh-CN': '工厂' }
        : { en: 'Certificates', 'zh-CN': '证书' };
    return new StreamableFile(await templateXlsx(title[locale], columns, locale, allowed), {
      type: XLSX_MIME,
      disposition: `attachment; filename="${name}.xlsx"`,
    });
  }

  @Post()
  @ApiOperation({
    summary:
      'Upload a CSV or XLSX file of factories or certificates: answers a preview, writes nothing',
  })
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV (UTF-8 or GBK) or XLSX' },
        kind: { type: 'string', enum: ['factories', 'certificates'] },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportResponse, description: 'The preview' })
  @ApiAcceptedResponse({
    type: ImportResponse,
    description: 'A large file, queued: follow GET /imports/{id} until its state is ready',
  })
  @ApiErrors(400, 413, 415)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateImportDto,
    @UploadedFile() file: ImportFile | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportResponse> {
    const preview = await this.imports.preview(actor, body.kind, file);
    if (preview.state === 'queued') response.status(202);
    return toImportResponse(preview);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import: its state, progress and preview' })
  @ApiOkResponse({ type: ImportResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ImportResponse> {
    return toImportResponse(await this.imports.get(actor, id));
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Write the previewed rows in one transaction; 409 when the preview is too old or the data changed',
  })
  @ApiOkResponse({ type: ImportResponse })
  @ApiErrors(404, 409)
  async commit(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ImportResponse> {
    return toImportResponse(await this.imports.commit(actor, id));
  }
}
