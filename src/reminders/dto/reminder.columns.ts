import { dateOf, exportSpec } from '../../common/export/export-columns';
import type { ReminderResponse } from './reminder.dto';

export const REMINDER_EXPORT = exportSpec<ReminderResponse>({
  name: 'reminders',
  title: { en: 'Reminders', 'zh-CN': '提醒' },
  columns: [
    { header: { en: 'Kind', 'zh-CN': '类型' }, value: (r) => r.kind },
    { header: { en: 'Due on', 'zh-CN': '到期日期' }, value: (r) => r.dueOn },
    { header: { en: 'Recipient', 'zh-CN': '收件人' }, value: (r) => r.recipient },
    { header: { en: 'State', 'zh-CN': '状态' }, value: (r) => r.state },
    { header: { en: 'Sent on', 'zh-CN': '发送日期' }, value: (r) => dateOf(r.sentAt) },
    { header: { en: 'Attempts', 'zh-CN': '尝试次数' }, value: (r) => r.attempts },
    { header: { en: 'Last error', 'zh-CN': '最近错误' }, value: (r) => r.lastError },
    { header: { en: 'Subject', 'zh-CN': '对象' }, value: (r) => r.subjectType },
    { header: { en: 'Subject id', 'zh-CN': '对象 ID' }, value: (r) => r.subjectId },
    { header: { en: 'Factory id', 'zh-CN': '工厂 ID' }, value: (r) => r.factoryId },
    { header: { en: 'Key', 'zh-CN': '去重键' }, value: (r) => r.dedupeKey },
  ],
});
