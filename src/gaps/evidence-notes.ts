import type { Gap } from '../gaps/gap.rules';

export type PackLocale = 'en' | 'zh-CN';

export interface NoteContext {
  traderName: string;
  /** The latest supplier audit of a factory that makes the category, if any. */
  audit: { factoryName: string; auditedOn: string; score: number | null } | null;
}

/**
 * What the trader tells the buyer where a certificate falls short, in one plain sentence
 * in the buyer's language: what is missing and what the trader does instead. Pure; it
 * never shows a rule id.
 */
export function buyerNote(
  gap: Pick<Gap, 'rule' | 'standard' | 'productCategory' | 'facts'>,
  context: NoteContext,
  locale: PackLocale,
): string {
  const { traderName: trader, audit } = context;
  const s = gap.standard;
  const p = gap.productCategory;
  const f = gap.facts;
  const score = audit?.score !== null && audit?.score !== undefined;
  if (locale === 'zh-CN') {
    const auditZh = audit
      ? `作为替代，${trader} 自行审核生产工厂：本资料附有 ${audit.factoryName} ${audit.auditedOn} 的供应商审核摘要${score ? `（得分 ${audit.score}/100）` : ''}。`
      : `如您需要，${trader} 可安排按 ${s} 的要求对生产工厂进行供应商审核，并向您提供审核报告。`;
    switch (gap.rule) {
      case 'no_certificate':
      case 'scope_not_covering':
        return `目前没有覆盖「${p}」的有效 ${s} 证书，${trader} 不就这些产品声称具备该认证。${auditZh}`;
      case 'trader_scope_only':
        return `这是 ${trader} 自己的证书，只覆盖其贸易业务，不覆盖「${p}」的生产。${auditZh}`;
      case 'expires_soon':
        return f.dueWhat === 'surveillance_audit'
          ? `该证书的监督审核应于 ${f.dueOn} 前完成；${trader} 正在跟进工厂与认证机构的审核安排，完成后会向您更新。`
          : `该证书将于 ${f.dueOn} 到期；${trader} 正在跟进工厂的再认证审核，新证书签发后会发送给您。`;
      case 'not_verified':
        if (f.status === 'suspended' || f.status === 'withdrawn')
          return `认证机构已${f.status === 'suspended' ? '暂停' : '撤销'}该证书；在恢复之前，${trader} 不以此证书作为依据。`;
        if (f.verification === 'failed')
          return `${trader} 未能在认证机构的官方数据库中核实该证书，正在要求工厂和认证机构作出说明。`;
        return `${trader} 尚未在官方数据库中核实该证书，正在核查；结果会显示在在线链接中。`;
      case 'edition_ending':
        return `${s} 版本的证书将于 ${f.dueOn} 失效；${trader} 正在跟进工厂在此之前完成换版。`;
      case 'open_major_finding':
        return f.findingOverdue
          ? `${trader} 的供应商审核在该工厂发现一项严重不符合项，整改期限 ${f.dueOn} 已过但尚未验证关闭；${trader} 正在督促整改。`
          : `${trader} 的供应商审核在该工厂发现一项严重不符合项，整改期限为 ${f.dueOn ?? '待定'}；${trader} 将在验证整改有效后才予以关闭。`;
      case 'not_accredited':
        return `该证书的认证机构 ${f.certificationBody} 已于 ${f.withdrawnOn} 被撤销认可，证书因此不再具有认可效力；${trader} 不以此证书作为依据，正在协助工厂转到获得认可的认证机构重新认证。${auditZh}`;
    }
  }
  const auditEn = audit
    ? `Instead, ${trader} audits the factory that makes them: the supplier audit of ${audit.factoryName} on ${audit.auditedOn}${score ? ` (score ${audit.score}/100)` : ''} is summarised in this pack.`
    : `On request, ${trader} arranges a supplier audit of the factory against the requirements of ${s} and shares the report with you.`;
  switch (gap.rule) {
    case 'no_certificate':
    case 'scope_not_covering':
      return `No current ${s} certificate covers ${p}, and ${trader} does not claim this certification for these products. ${auditEn}`;
    case 'trader_scope_only':
      return `This is ${trader}'s own certificate: it covers ${trader}'s trading activities, not the manufacture of ${p}. ${auditEn}`;
    case 'expires_soon':
      return f.dueWhat === 'surveillance_audit'
        ? `The certificate's surveillance audit is due by ${f.dueOn}; ${trader} is following it with the factory and will update you once it is done.`
        : `The certificate expires on ${f.dueOn}; ${trader} is following the factory's recertification audit and will send you the new certificate.`;
    case 'not_verified':
      if (f.status === 'suspended' || f.status === 'withdrawn')
        return `The certification body has ${f.status} this certificate; ${trader} does not rely on it until it is reinstated.`;
      if (f.verification === 'failed')
        return `${trader} could not confirm this certificate in the certification body's register and has asked the factory and the body to explain.`;
      return `${trader} has not yet confirmed this certificate in a public register; the check is under way and its result will show on the live link.`;
    case 'edition_ending':
      return `Certificates to ${s} stop being valid on ${f.dueOn}; ${trader} is following the factory's move to the new edition before then.`;
    case 'open_major_finding':
      return f.findingOverdue
        ? `${trader}'s supplier audit found a major nonconformity at this factory; its corrective action was due on ${f.dueOn} and is not verified yet, and ${trader} is following it up.`
        : `${trader}'s supplier audit found a major nonconformity at this factory; its corrective action is due on ${f.dueOn ?? 'a date to be agreed'}, and ${trader} closes it only once it has verified the action.`;
    case 'not_accredited':
      return `The certification body, ${f.certificationBody}, lost its accreditation on ${f.withdrawnOn}, so this certificate no longer carries one; ${trader} does not rely on it and is helping the factory move to an accredited body. ${auditEn}`;
  }
}
