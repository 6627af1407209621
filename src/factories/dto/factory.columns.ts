import { SheetColumn, sheetExportSpec } from '../../common/export/export-columns';
import type { FactoryResponse } from './factory.dto';

/** The spreadsheet of factories, exported from the list and imported back: one column per field of CreateFactoryDto. */
export const FACTORY_SHEET_COLUMNS: readonly SheetColumn[] = [
  {
    key: 'name',
    header: { en: 'Name', 'zh-CN': '工厂名称' },
    kind: 'text',
    required: true,
    example: 'Yuyao Precision Valve Factory',
  },
  {
    key: 'country',
    header: { en: 'Country', 'zh-CN': '国家或地区' },
    kind: 'text',
    required: true,
    example: 'CN',
  },
  {
    key: 'city',
    header: { en: 'City', 'zh-CN': '城市' },
    kind: 'text',
    required: false,
    example: 'Yuyao',
  },
  {
    key: 'address',
    header: { en: 'Address', 'zh-CN': '地址' },
    kind: 'text',
    required: false,
    example: '88 Industrial Road, Yuyao, Zhejiang',
  },
  {
    key: 'licenseNumber',
    header: { en: 'Licence number', 'zh-CN': '统一社会信用代码' },
    kind: 'text',
    required: false,
    example: '91350100M000100Y43',
  },
  {
    key: 'businessScope',
    header: { en: 'Business scope', 'zh-CN': '经营范围' },
    kind: 'text',
    required: false,
    example: '阀门制造、加工',
  },
  {
    key: 'contactEmail',
    header: { en: 'Contact email', 'zh-CN': '联系邮箱' },
    kind: 'text',
    required: false,
    example: 'quality@valve.example',
  },
  {
    key: 'productCategories',
    header: { en: 'Product categories', 'zh-CN': '产品类别' },
    kind: 'list',
    required: false,
    example: 'valves; pipe fittings',
  },
  {
    key: 'status',
    header: { en: 'Status', 'zh-CN': '状态' },
    kind: 'text',
    required: false,
    example: 'active',
  },
];

export const FACTORY_EXPORT = sheetExportSpec<FactoryResponse>(
  'factories',
  { en: 'Factories', 'zh-CN': '工厂' },
  FACTORY_SHEET_COLUMNS,
);
