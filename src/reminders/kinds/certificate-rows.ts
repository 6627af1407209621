import { Injectable } from '@nestjs/common';
import {
  CertificatesService,
  type DueCertificate,
  type DueWindow,
} from '../../certificates/certificates.service';
import { FactoriesService } from '../../factories/factories.service';
import type {
  DueNotice,
  NoticeToRender,
  ReminderLocale,
  RenderedNotice,
  ScanContext,
} from '../reminder-source';

/** What the certificate kinds need of a certificate. */
export type CertificateRow = DueCertificate;

export { liesIn, type DueWindow } from '../../certificates/certificates.service';

/**
 * A reminder kind decided from a certificate's row alone. The certificate kinds share one
 * read of the organization's certificates per scan (certificate-kinds.source.ts): each
 * says which rows it looks at today, then picks its notices from every batch of that
 * read, which also holds the other kinds' rows.
 */
export interface CertificateKind {
  readonly kinds: readonly string[];
  /** The rows it looks at today; none when nothing of its kind can be due. */
  windows(context: ScanContext): DueWindow[];
  /** Its notices among a batch of the shared read. */
  notices(rows: CertificateRow[], names: FactoryNames, context: ScanContext): DueNotice[];
  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice;
}

/**
 * How the certificate kinds read: certificates through CertificatesService, factory names
 * through FactoriesService, both in the scan's organization.
 */
@Injectable()
export class CertificateRows {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly factories: FactoriesService,
  ) {}

  /** Remindable certificates in any of the windows, batch by batch, in id order. */
  remindableIn(context: ScanContext, windows: DueWindow[]): AsyncGenerator<CertificateRow[]> {
    return this.certificates.remindableIn(
      context.organizationId,
      windows,
      context.batchSize,
      context.manager,
    );
  }

  /** Factory names for the notices' payloads, looked up once per factory per scan. */
  names(context: ScanContext): FactoryNames {
    return new FactoryNames((ids) =>
      this.factories.columnsOf(context.organizationId, ids, ['name'], context.manager),
    );
  }
}

/** Factory names for the notices' payloads, looked up once per factory per scan. */
export class FactoryNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly read: (ids: string[]) => Promise<{ id: string; name: string }[]>) {}

  async load(factoryIds: (string | null)[]): Promise<void> {
    const missing = [...new Set(factoryIds)].filter(
      (id): id is string => id !== null && !this.names.has(id),
    );
    if (missing.length === 0) return;
    for (const factory of await this.read(missing)) this.names.set(factory.id, factory.name);
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
