import type { SheetColumn } from '../common/export/export-columns';
import { columnLetter, mapHeader, normalizeDate, rowFields } from './import-sheet.rules';

const SHEET: SheetColumn[] = [
  {
    key: 'name',
    header: { en: 'Name', 'zh-CN': '工厂名称' },
    kind: 'text',
    required: true,
    example: '',
  },
  {
    key: 'country',
    header: { en: 'Country', 'zh-CN': '国家或地区' },
    kind: 'text',
    required: true,
    example: '',
  },
  {
    key: 'tags',
    header: { en: 'Product categories', 'zh-CN': '产品类别' },
    kind: 'list',
    required: false,
    example: '',
  },
  {
    key: 'codes',
    header: { en: 'IAF codes', 'zh-CN': 'IAF 代码' },
    kind: 'numbers',
    required: false,
    example: '',
  },
  {
    key: 'on',
    header: { en: 'Issued on', 'zh-CN': '发证日期' },
    kind: 'date',
    required: false,
    example: '',
  },
  {
    key: 'status',
    header: { en: 'Status', 'zh-CN': '状态' },
    kind: 'text',
    required: false,
    example: '',
  },
];

describe('import sheet rules', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letter) => expect(columnLetter(index)).toBe(letter));

  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025/3/1', '2025-03-01'],
    ['2025.03.01', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['01/03/2025', '01/03/2025'],
  ])('normalizes the date %s to %s', (text, date) => expect(normalizeDate(text)).toBe(date));

  it('understands English, Chinese and field-name headers, whatever the case and spacing', () => {
    const { map, problems } = mapHeader(
      ['\uFEFFname', '国家或地区', 'PRODUCT  CATEGORIES', 'iaf_codes'],
      SHEET,
    );
    expect(problems).toEqual([]);
    expect(map.columns.map((c) => c?.key)).toEqual(['name', 'country', 'tags', 'codes']);
  });

  it('names unknown, repeated and missing columns', () => {
    expect(mapHeader(['Name', 'Colour', '工厂名称'], SHEET).problems).toEqual([
      { kind: 'unknown_column', column: 'B', header: 'Colour' },
      { kind: 'duplicate_column', column: 'C', header: '工厂名称' },
      { kind: 'missing_column', header: 'Country' },
    ]);
    expect(mapHeader(['Factory A', 'VN'], SHEET).problems).toEqual([{ kind: 'no_header' }]);
  });

  it('turns cells into fields: lists split, numbers read, empty optional texts null, formulas refused', () => {
    const { map } = mapHeader(
      ['Name', 'Country', 'Product categories', 'IAF codes', 'Issued on', 'Status'],
      SHEET,
    );
    expect(
      rowFields(
        ['A', 'VN', 'valves; 阀门；pipes', '18; 19', { date: '2025-03-01' }, ''],
        map,
        new Set(['status']),
      ),
    ).toEqual({
      fields: {
        name: 'A',
        country: 'VN',
        tags: ['valves', '阀门', 'pipes'],
        codes: [18, 19],
        on: '2025-03-01',
      },
      problems: [],
    });
    expect(rowFields(['=1+1', 'VN', '', 'x', '', ''], map).problems).toEqual([
      { index: 0, message: 'formulas are not imported: type the value itself', code: 'formula' },
    ]);
    expect(rowFields(['A', { formula: 'A1' }, '', '', '', ''], map).problems).toHaveLength(1);
  });
});
