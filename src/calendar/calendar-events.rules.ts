/**
 * Which dates of a person's work go into their calendar feed, and what each event says:
 * pure functions of plain values (dates as YYYY-MM-DD), tested without Nest or a database.
 */

import { isInForce } from '../certificates/certificate-status';

export type CalendarLocale = 'en' | 'zh-CN';

export interface CalendarCertificate {
  id: string;
  standard: string;
  certificateNumber: string;
  status: string;
  expiresOn: string;
  nextSurveillanceAuditOn: string | null;
  /** The holder's name, or null for the trader's own certificate. */
  factoryName: string | null;
}

export interface CalendarMilestone {
  id: string;
  agreementId: string;
  name: string;
  dueOn: string;
  status: string;
  factoryName: string | null;
}

export interface CalendarTransition {
  standard: string;
  newEditionAuditsFrom: string | null;
  validUntil: string | null;
}

export interface CalendarEvent {
  /** Stable across feeds and renewals of the feed URL, so calendars update events in place. */
  uid: string;
  /** The all-day event's date. */
  date: string;
  summary: string;
  /** The record's page in the web app. */
  url: string;
  /** A reminder this many days before, for expiries. */
  alarmDaysBefore: number | null;
}

const UID_DOMAIN = 'certpact';

function holderText(locale: CalendarLocale, factoryName: string | null): string {
  if (locale === 'zh-CN') return factoryName ?? '本公司';
  return factoryName ?? 'own certificate';
}

const TEXT = {
  en: {
    expiry: (c: CalendarCertificate) =>
      `${c.standard} certificate ${c.certificateNumber} expires (${holderText('en', c.factoryName)})`,
    surveillance: (c: CalendarCertificate) =>
      `Surveillance audit due: ${c.standard} ${c.certificateNumber} (${holderText('en', c.factoryName)})`,
    milestone: (m: CalendarMilestone) =>
      m.factoryName ? `Milestone due: ${m.name} (${m.factoryName})` : `Milestone due: ${m.name}`,
    auditsFrom: (t: CalendarTransition) =>
      `${t.standard}: audits must use the new edition from today`,
    validUntil: (t: CalendarTransition) =>
      `${t.standard} certificates are no longer valid after today`,
  },
  'zh-CN': {
    expiry: (c: CalendarCertificate) =>
      `${c.standard} 证书 ${c.certificateNumber} 到期（${holderText('zh-CN', c.factoryName)}）`,
    surveillance: (c: CalendarCertificate) =>
      `监督审核到期：${c.standard} ${c.certificateNumber}（${holderText('zh-CN', c.factoryName)}）`,
    milestone: (m: CalendarMilestone) =>
      m.factoryName ? `里程碑到期：${m.name}（${m.factoryName}）` : `里程碑到期：${m.name}`,
    auditsFrom: (t: CalendarTransition) => `${t.standard}：自今日起审核须采用新版标准`,
    validUntil: (t: CalendarTransition) => `${t.standard} 证书今日后失效`,
  },
} as const;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The events of a feed: each live certificate's expiry (with an alarm at the first
 * reminder threshold) and next surveillance audit, each unfinished milestone, and the
 * transition dates of the standards those certificates are of.
 */
export function calendarEvents(input: {
  locale: CalendarLocale;
  webUrl: string;
  certificates: CalendarCertificate[];
  milestones: CalendarMilestone[];
  transitions: CalendarTransition[];
  firstReminderDays: number | null;
}): CalendarEvent[] {
  const text = TEXT[input.locale];
  const events: CalendarEvent[] = [];
  const live = input.certificates.filter((c) => isInForce(c.status));
  for (const certificate of live) {
    const url = `${input.webUrl}/certificates/${certificate.id}`;
    events.push({
      uid: `certificate-${certificate.id}-expiry@${UID_DOMAIN}`,
      date: certificate.expiresOn,
      summary: text.expiry(certificate),
      url,
      alarmDaysBefore: input.firstReminderDays,
    });
    if (certificate.nextSurveillanceAuditOn) {
      events.push({
        uid: `certificate-${certificate.id}-surveillance@${UID_DOMAIN}`,
        date: certificate.nextSurveillanceAuditOn,
        summary: text.surveillance(certificate),
        url,
        alarmDaysBefore: null,
      });
    }
  }
  for (const milestone of input.milestones) {
    if (milestone.status === 'done' || milestone.status === 'skipped') continue;
    events.push({
      uid: `milestone-${milestone.id}@${UID_DOMAIN}`,
      date: milestone.dueOn,
      summary: text.milestone(milestone),
      url: `${input.webUrl}/agreements/${milestone.agreementId}`,
      alarmDaysBefore: null,
    });
  }
  const held = new Set(live.map((c) => c.standard));
  for (const transition of input.transitions) {
    if (!held.has(transition.standard)) continue;
    const url = `${input.webUrl}/certificates?standard=${encodeURIComponent(transition.standard)}`;
    if (transition.newEditionAuditsFrom) {
      events.push({
        uid: `standard-${slug(transition.standard)}-audits-from@${UID_DOMAIN}`,
        date: transition.newEditionAuditsFrom,
        summary: text.auditsFrom(transition),
        url,
        alarmDaysBefore: null,
      });
    }
    if (transition.validUntil) {
      events.push({
        uid: `standard-${slug(transition.standard)}-valid-until@${UID_DOMAIN}`,
        date: transition.validUntil,
        summary: text.validUntil(transition),
        url,
        alarmDaysBefore: input.firstReminderDays,
      });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

/** The earliest notice of the reminder policy: the largest threshold, in days before. */
export function firstReminderDays(thresholdsDays: readonly number[]): number | null {
  return thresholdsDays.length > 0 ? Math.max(...thresholdsDays) : null;
}
