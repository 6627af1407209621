import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor';
import { ExportLookup, SheetColumn, sheetExportSpec } from '../../common/export/export-columns';
import { FactoriesService } from '../../factories/factories.service';
import type { CertificateResponse } from './certificate.response';

/**
 * The spreadsheet of certificates, exported from the list and imported back. The holder
 * is named by the factory's licence number (or its name when it has none); an empty
 * cell is the trader's own certificate.
 */
export const CERTIFICATE_SHEET_COLUMNS: readonly SheetColumn[] = [
  {
    key: 'factory',
    header: { en: 'Factory', 'zh-CN': '工厂' },
    kind: 'text',
    required: false,
    example: '91350100M000100Y43',
  },
  {
    key: 'standard',
    header: { en: 'Standard', 'zh-CN': '标准' },
    kind: 'text',
    required: true,
    example: 'ISO 9001:2015',
  },
  {
    key: 'certificateNumber',
    header: { en: 'Certificate number', 'zh-CN': '证书编号' },
    kind: 'text',
    required: true,
    example: '04524Q30123R2M',
  },
  {
    key: 'certificationBody',
    header: { en: 'Certification body', 'zh-CN': '认证机构' },
    kind: 'text',
    required: true,
    example: 'China Quality Certification Centre',
  },
  {
    key: 'accreditationBody',
    header: { en: 'Accreditation body', 'zh-CN': '认可机构' },
    kind: 'text',
    required: false,
    example: 'CNAS',
  },
  {
    key: 'scope',
    header: { en: 'Scope', 'zh-CN': '认证范围' },
    kind: 'text',
    required: true,
    example: 'Design and manufacture of industrial valves',
  },
  {
    key: 'sites',
    header: { en: 'Sites', 'zh-CN': '认证场所' },
    kind: 'list',
    required: false,
    example: '88 Industrial Road, Yuyao',
  },
  {
    key: 'productCategories',
    header: { en: 'Product categories', 'zh-CN': '产品类别' },
    kind: 'list',
    required: false,
    example: 'valves',
  },
  {
    key: 'iafCodes',
    header: { en: 'IAF codes', 'zh-CN': 'IAF 代码' },
    kind: 'numbers',
    required: false,
    example: '18; 19',
  },
  {
    key: 'issuedOn',
    header: { en: 'Issued on', 'zh-CN': '发证日期' },
    kind: 'date',
    required: true,
    example: '2025-03-01',
  },
  {
    key: 'expiresOn',
    header: { en: 'Expires on', 'zh-CN': '有效期至' },
    kind: 'date',
    required: true,
    example: '2028-02-28',
  },
  {
    key: 'nextSurveillanceAuditOn',
    header: { en: 'Next surveillance audit on', 'zh-CN': '下次监督审核日期' },
    kind: 'date',
    required: false,
    example: '2026-02-15',
  },
  {
    key: 'status',
    header: { en: 'Status', 'zh-CN': '状态' },
    kind: 'text',
    required: false,
    example: 'active',
  },
];

/** For each factory id of a page of certificates, how the sheet names it. */
@Injectable()
export class CertificateExportLookup implements ExportLookup<
  CertificateResponse,
  Map<string, string>
> {
  constructor(private readonly factories: FactoriesService) {}

  async prepare(actor: Actor, items: CertificateResponse[]): Promise<Map<string, string>> {
    const ids = items.map((c) => c.factoryId).filter((id): id is string => id !== null);
    const factories = await this.factories.findMany(actor.organizationId, ids);
    return new Map(factories.map((f) => [f.id, f.licenseNumber ?? f.name]));
  }
}

export const CERTIFICATE_EXPORT = sheetExportSpec<CertificateResponse, Map<string, string>>(
  'certificates',
  { en: 'Certificates', 'zh-CN': '证书' },
  CERTIFICATE_SHEET_COLUMNS,
  { factory: (c, names) => (c.factoryId ? (names.get(c.factoryId) ?? '') : '') },
  CertificateExportLookup,
);
