import { Brackets, EntityManager, In } from 'typeorm';
import { Certificate } from '../../certificates/certificate.entity';
import { Factory } from '../../factories/factory.entity';
import type { DueNotice, NoticeToRender, ReminderLocale } from '../reminder-source';

/** What the certificate kinds need of a certificate. */
export type CertificateRow = Pick<
  Certificate,
  'id' | 'factoryId' | 'standard' | 'certificateNumber' | 'expiresOn' | 'nextSurveillanceAuditOn'
>;

/** Certificates still in force or lapsed without a successor: renewed ones stay quiet. */
export const REMINDABLE_STATUSES = ['active', 'suspended', 'expired'] as const;

/**
 * Reads an organization's remindable certificates whose `dateColumn` lies in
 * [from, to] (from = null: no lower bound), in batches by keyset on (date, id), so a
 * scan never holds more than one batch of certificates.
 */
export async function* certificatesDueBetween(
  manager: EntityManager,
  organizationId: string,
  dateColumn: 'expiresOn' | 'nextSurveillanceAuditOn',
  from: string | null,
  to: string,
  batchSize: number,
  standards?: string[],
): AsyncGenerator<CertificateRow[]> {
  let after: { date: string; id: string } | null = null;
  for (;;) {
    const query = manager
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect('c.factoryId', 'factoryId')
      .addSelect('c.standard', 'standard')
      .addSelect('c.certificateNumber', 'certificateNumber')
      .addSelect('c.expiresOn', 'expiresOn')
      .addSelect('c.nextSurveillanceAuditOn', 'nextSurveillanceAuditOn')
      .where('c.organizationId = :organizationId', { organizationId })
      .andWhere(`c.${dateColumn} <= :to`, { to })
      .andWhere('c.status IN (:...statuses)', { statuses: REMINDABLE_STATUSES })
      .andWhere('c.supersededById IS NULL');
    if (from) query.andWhere(`c.${dateColumn} >= :from`, { from });
    else query.andWhere(`c.${dateColumn} IS NOT NULL`);
    if (standards) query.andWhere('c.standard IN (:...standards)', { standards });
    if (after) {
      const { date, id } = after;
      query.andWhere(
        new Brackets((q) =>
          q
            .where(`c.${dateColumn} > :afterDate`, { afterDate: date })
            .orWhere(`(c.${dateColumn} = :afterDate AND c.id > :afterId)`, { afterId: id }),
        ),
      );
    }
    // Raw rows: hydrating entities costs more than the query itself at this volume.
    const raw = await query
      .orderBy(`c.${dateColumn}`, 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(batchSize)
      .getRawMany<RawCertificateRow>();
    const rows = raw.map(toCertificateRow);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    after = { date: String(last[dateColumn]), id: last.id };
  }
}

interface RawCertificateRow {
  id: string;
  factoryId: string | null;
  standard: string;
  certificateNumber: string;
  expiresOn: string | Date;
  nextSurveillanceAuditOn: string | Date | null;
}

function toCertificateRow(raw: RawCertificateRow): CertificateRow {
  return {
    id: raw.id,
    factoryId: raw.factoryId,
    standard: raw.standard,
    certificateNumber: raw.certificateNumber,
    expiresOn: calendarDate(raw.expiresOn),
    nextSurveillanceAuditOn: raw.nextSurveillanceAuditOn
      ? calendarDate(raw.nextSurveillanceAuditOn)
      : null,
  };
}

/** node-postgres parses a `date` into local midnight; SQLite hands back the text. */
function calendarDate(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** Factory names for the notices' payloads, looked up once per factory per scan. */
export class FactoryNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly manager: EntityManager) {}

  async load(factoryIds: (string | null)[]): Promise<void> {
    const missing = [...new Set(factoryIds)].filter(
      (id): id is string => id !== null && !this.names.has(id),
    );
    if (missing.length === 0) return;
    const factories = await this.manager
      .getRepository(Factory)
      .find({ select: { id: true, name: true }, where: { id: In(missing) } });
    for (const factory of factories) this.names.set(factory.id, factory.name);
  }

  name(factoryId: string | null): string | null {
    return factoryId ? (this.names.get(factoryId) ?? null) : null;
  }
}

export interface CertificatePayload extends Record<string, unknown> {
  standard: string;
  certificateNumber: string;
  /** Null for the organization's own certificates. */
  factoryName: string | null;
}

export function certificatePayload(row: CertificateRow, names: FactoryNames): CertificatePayload {
  return {
    standard: row.standard,
    certificateNumber: row.certificateNumber,
    factoryName: names.name(row.factoryId),
  };
}

/**
 * A notice about one certificate, for the people responsible for it, with the payload
 * every certificate kind shares (standard, number, factory name) plus the kind's own.
 */
export function certificateNotice(
  row: CertificateRow,
  names: FactoryNames,
  notice: Pick<DueNotice, 'kind' | 'dedupeKey' | 'dueOn' | 'escalateToAdmins'> & {
    extra: Record<string, unknown>;
  },
): DueNotice {
  const { extra, ...rest } = notice;
  return {
    ...rest,
    subjectType: 'certificate',
    subjectId: row.id,
    factoryId: row.factoryId,
    audience: 'responsible',
    payload: { ...certificatePayload(row, names), ...extra },
  };
}

/** "ISO 9001:2015 certificate CN-1 of Ningbo Valve" / "Ningbo Valve 的 ISO 9001:2015 证书 CN-1". */
export function describeCertificate(notice: NoticeToRender, locale: ReminderLocale): string {
  const p = notice.payload as Partial<CertificatePayload>;
  const standard = String(p.standard ?? '');
  const number = String(p.certificateNumber ?? '');
  if (locale === 'zh-CN') {
    const holder = p.factoryName ? `${p.factoryName} 的` : '本公司的';
    return `${holder} ${standard} 证书 ${number}`;
  }
  const holder = p.factoryName ? `of ${p.factoryName}` : '(your own)';
  return `${standard} certificate ${number} ${holder}`;
}

export const certificateLink = (certificateId: string): string => `/certificates/${certificateId}`;
