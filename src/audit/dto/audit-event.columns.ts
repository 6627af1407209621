import { exportSpec } from '../../common/export/export-columns';
import type { AuditEventResponse } from './audit-event.dto';

/** The moment of an audit event stays a full UTC timestamp: several happen on one day. */
export const AUDIT_EVENT_EXPORT = exportSpec<AuditEventResponse>({
  name: 'audit-events',
  title: { en: 'Audit events', 'zh-CN': '审计记录' },
  columns: [
    { header: { en: 'At (UTC)', 'zh-CN': '时间（UTC）' }, value: (e) => e.createdAt },
    { header: { en: 'Action', 'zh-CN': '操作' }, value: (e) => e.action },
    { header: { en: 'Entity', 'zh-CN': '对象类型' }, value: (e) => e.entityType },
    { header: { en: 'Entity id', 'zh-CN': '对象 ID' }, value: (e) => e.entityId },
    { header: { en: 'Actor id', 'zh-CN': '操作人 ID' }, value: (e) => e.actorId },
    {
      header: { en: 'Before', 'zh-CN': '变更前' },
      value: (e) => (e.before ? JSON.stringify(e.before) : ''),
    },
    {
      header: { en: 'After', 'zh-CN': '变更后' },
      value: (e) => (e.after ? JSON.stringify(e.after) : ''),
    },
  ],
});
