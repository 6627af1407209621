import { categoryIn, type ProductVocabulary } from '../common/scope-matching';
import type { Gap } from './gap.rules';

export type ExplanationLocale = 'en' | 'zh-CN';

type Explained = Pick<Gap, 'rule' | 'standard' | 'productCategory' | 'facts'>;

const holderEn = (g: Explained) => (g.facts.factoryName ? g.facts.factoryName : 'the trader');
const holderZh = (g: Explained) => (g.facts.factoryName ? g.facts.factoryName : '贸易公司本身');
const certEn = (g: Explained) =>
  `${g.standard} certificate ${g.facts.certificateNumber ?? ''}`.trim();
const certZh = (g: Explained) => `${g.standard} 证书 ${g.facts.certificateNumber ?? ''}`.trim();

function verificationEn(g: Explained): string {
  if (g.facts.status === 'suspended' || g.facts.status === 'withdrawn')
    return `is ${g.facts.status}`;
  if (g.facts.verification === 'failed') return 'failed verification';
  if (g.facts.verification === 'pending_registry') return 'is still awaiting a registry check';
  return 'has never been verified';
}

function verificationZh(g: Explained): string {
  if (g.facts.status === 'suspended') return '已被暂停';
  if (g.facts.status === 'withdrawn') return '已被撤销';
  if (g.facts.verification === 'failed') return '核验未通过';
  if (g.facts.verification === 'pending_registry') return '仍在等待官方数据库核验';
  return '从未核验';
}

/**
 * One plain sentence per gap, in English or Simplified Chinese. With the vocabulary, the
 * product category is written in the reader's language (valves → 阀门 for a Chinese one).
 */
export function explainGap(
  gap: Explained,
  locale: ExplanationLocale = 'en',
  vocabulary?: ProductVocabulary,
): string {
  const p = vocabulary
    ? categoryIn(gap.productCategory, locale === 'zh-CN' ? 'zh' : 'en', vocabulary)
    : gap.productCategory;
  if (locale === 'zh-CN') {
    switch (gap.rule) {
      case 'no_certificate':
        return gap.facts.factoryName
          ? `${gap.facts.factoryName} 供应「${p}」，但没有有效的 ${gap.standard} 证书。`
          : `没有任何供应「${p}」的工厂或贸易公司本身持有有效的 ${gap.standard} 证书。`;
      case 'scope_not_covering':
        return `${holderZh(gap)} 的 ${certZh(gap)} 的认证范围和产品类别都不包含「${p}」。`;
      case 'trader_scope_only':
        return `唯一覆盖「${p}」的是贸易公司自己的 ${certZh(gap)}，而其营业执照经营范围没有生产字样，证书只能覆盖贸易。`;
      case 'expires_soon':
        return gap.facts.dueWhat === 'surveillance_audit'
          ? `覆盖「${p}」的 ${certZh(gap)} 须在 ${gap.facts.dueOn} 前完成监督审核。`
          : `覆盖「${p}」的 ${certZh(gap)} 将于 ${gap.facts.dueOn} 到期。`;
      case 'not_verified':
        return `覆盖「${p}」的 ${certZh(gap)} ${verificationZh(gap)}。`;
      case 'edition_ending':
        return `${gap.standard} 证书只在 ${gap.facts.dueOn}（转版截止日）前有效，此后「${p}」的要求将无证书覆盖，须先完成转版。`;
      case 'open_major_finding':
        return gap.facts.findingOverdue
          ? `覆盖「${p}」的 ${certZh(gap)} 的持证工厂${gap.facts.factoryName ? ` ${gap.facts.factoryName} ` : ''}有严重不符合项的整改已超过 ${gap.facts.dueOn} 的期限仍未关闭。`
          : `覆盖「${p}」的 ${certZh(gap)} 的持证工厂${gap.facts.factoryName ? ` ${gap.facts.factoryName} ` : ''}在供应商审核中有尚未关闭的严重不符合项（整改期限 ${gap.facts.dueOn ?? '未定'}）。`;
      case 'not_accredited':
        return `覆盖「${p}」的 ${certZh(gap)} 由 ${gap.facts.certificationBody} 签发，而该机构的认可已于 ${gap.facts.withdrawnOn} 被撤销，证书不再具有认可效力。`;
    }
  }
  switch (gap.rule) {
    case 'no_certificate':
      return gap.facts.factoryName
        ? `${gap.facts.factoryName} supplies ${p} but holds no current ${gap.standard} certificate.`
        : `No factory supplying ${p}, nor the trader itself, holds a current ${gap.standard} certificate.`;
    case 'scope_not_covering':
      return `The ${certEn(gap)} of ${holderEn(gap)} does not name ${p} in its scope or product categories.`;
    case 'trader_scope_only': {
      const words = gap.facts.tradingWords?.length ? ` (${gap.facts.tradingWords.join(', ')})` : '';
      return `The only certificate covering ${p} is the trader's own ${certEn(gap)}, and the trader's business scope has no production wording${words}, so it covers trading only.`;
    }
    case 'expires_soon':
      return gap.facts.dueWhat === 'surveillance_audit'
        ? `The ${certEn(gap)} covering ${p} has its surveillance audit due on ${gap.facts.dueOn}.`
        : `The ${certEn(gap)} covering ${p} expires on ${gap.facts.dueOn}.`;
    case 'not_verified':
      return `The ${certEn(gap)} covering ${p} ${verificationEn(gap)}.`;
    case 'edition_ending':
      return `${gap.standard} certificates count only until ${gap.facts.dueOn} (end of the transition), so from the next day the requirement for ${p} is not covered unless the certificate moves to the new edition.`;
    case 'open_major_finding': {
      const count = gap.facts.findingCount ?? 1;
      const findings =
        count === 1 ? 'a major supplier-audit finding' : `${count} major supplier-audit findings`;
      return gap.facts.findingOverdue
        ? `The ${certEn(gap)} covering ${p} is held by ${holderEn(gap)}, which has ${findings} still open past the corrective-action date of ${gap.facts.dueOn}.`
        : `The ${certEn(gap)} covering ${p} is held by ${holderEn(gap)}, which has ${findings} not closed yet (corrective action due ${gap.facts.dueOn ?? 'on a date to be set'}).`;
    }
    case 'not_accredited':
      return `The ${certEn(gap)} covering ${p} was issued by ${gap.facts.certificationBody}, whose accreditation was withdrawn on ${gap.facts.withdrawnOn}, so the certificate no longer carries an accreditation.`;
  }
}
