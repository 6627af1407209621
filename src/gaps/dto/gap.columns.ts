import { exportSpec } from '../../common/export/export-columns';
import type { GapResponse } from './gap.dto';

export const GAP_EXPORT = exportSpec<GapResponse>({
  name: 'gaps',
  title: { en: 'Scope gaps', 'zh-CN': '覆盖缺口' },
  columns: [
    { header: { en: 'Rule', 'zh-CN': '规则' }, value: (g) => g.rule },
    { header: { en: 'Standard', 'zh-CN': '标准' }, value: (g) => g.standard },
    { header: { en: 'Product category', 'zh-CN': '产品类别' }, value: (g) => g.productCategory },
    { header: { en: 'Explanation', 'zh-CN': '说明' }, value: (g) => g.explanation },
    { header: { en: 'Buyer id', 'zh-CN': '买家 ID' }, value: (g) => g.buyerId },
    { header: { en: 'Factory id', 'zh-CN': '工厂 ID' }, value: (g) => g.factoryId },
    { header: { en: 'Certificate id', 'zh-CN': '证书 ID' }, value: (g) => g.certificateId },
    { header: { en: 'Requirement id', 'zh-CN': '需求 ID' }, value: (g) => g.requirementId },
  ],
});
