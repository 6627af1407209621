import { dateOf, exportSpec } from '../../common/export/export-columns';
import type { AgreementResponse, MilestoneResponse } from './agreement.response';

export const AGREEMENT_EXPORT = exportSpec<AgreementResponse>({
  name: 'agreements',
  title: { en: 'Agreements', 'zh-CN': '合作协议' },
  columns: [
    { header: { en: 'Title', 'zh-CN': '标题' }, value: (a) => a.title },
    { header: { en: 'Kind', 'zh-CN': '类型' }, value: (a) => a.kind },
    { header: { en: 'Factory id', 'zh-CN': '工厂 ID' }, value: (a) => a.factoryId },
    { header: { en: 'Standards', 'zh-CN': '标准' }, value: (a) => a.standards },
    {
      header: { en: 'Product categories', 'zh-CN': '产品类别' },
      value: (a) => a.productCategories,
    },
    { header: { en: 'Starts on', 'zh-CN': '开始日期' }, value: (a) => a.startsOn },
    { header: { en: 'Target on', 'zh-CN': '目标日期' }, value: (a) => a.targetOn },
    { header: { en: 'Status', 'zh-CN': '状态' }, value: (a) => a.status },
    { header: { en: 'Milestones done', 'zh-CN': '已完成里程碑' }, value: (a) => a.progress.done },
    { header: { en: 'Milestones in all', 'zh-CN': '里程碑总数' }, value: (a) => a.progress.total },
    {
      header: { en: 'Next milestone', 'zh-CN': '下一个里程碑' },
      value: (a) => a.nextMilestone?.name,
    },
    {
      header: { en: 'Next milestone due on', 'zh-CN': '下一个里程碑截止日期' },
      value: (a) => a.nextMilestone?.dueOn,
    },
    {
      header: { en: 'At risk', 'zh-CN': '有风险' },
      value: (a) => (a.atRisk ? (a.atRiskReason?.message ?? 'yes') : ''),
    },
    { header: { en: 'Certificate id', 'zh-CN': '证书 ID' }, value: (a) => a.certificateId },
    { header: { en: 'Notes', 'zh-CN': '备注' }, value: (a) => a.notes },
    { header: { en: 'Id', 'zh-CN': 'ID' }, value: (a) => a.id },
    { header: { en: 'Created on', 'zh-CN': '创建日期' }, value: (a) => dateOf(a.createdAt) },
  ],
});

export const MILESTONE_EXPORT = exportSpec<MilestoneResponse>({
  name: 'milestones',
  title: { en: 'Milestones', 'zh-CN': '里程碑' },
  columns: [
    { header: { en: 'Position', 'zh-CN': '序号' }, value: (m) => m.position },
    { header: { en: 'Name', 'zh-CN': '名称' }, value: (m) => m.name },
    { header: { en: 'Owner', 'zh-CN': '负责方' }, value: (m) => m.owner },
    { header: { en: 'Due on', 'zh-CN': '截止日期' }, value: (m) => m.dueOn },
    { header: { en: 'Completed on', 'zh-CN': '完成日期' }, value: (m) => m.completedOn },
    { header: { en: 'Status', 'zh-CN': '状态' }, value: (m) => m.status },
    { header: { en: 'Overdue', 'zh-CN': '已逾期' }, value: (m) => (m.overdue ? 'yes' : '') },
    { header: { en: 'Agreement id', 'zh-CN': '协议 ID' }, value: (m) => m.agreementId },
    { header: { en: 'Id', 'zh-CN': 'ID' }, value: (m) => m.id },
  ],
});
