import { Injectable, Logger } from '@nestjs/common';
import {
  DueNotice,
  NoticeToRender,
  ReminderLocale,
  ReminderSource,
  ReminderSourceHandler,
  RenderedNotice,
  ScanContext,
} from '../reminder-source';
import { CertificateExpirySource } from './certificate-expiry.source';
import { CertificateKind, CertificateRows } from './certificate-rows';
import { StandardEditionSource } from './standard-edition.source';
import { SurveillanceAuditSource } from './surveillance-audit.source';
import { TransitionAuditSource } from './transition-audit.source';

/**
 * Every reminder kind decided from a certificate's row (expiry, surveillance audit,
 * edition ending, transition audit) in one read of the organization's certificates per
 * scan instead of one per kind: the rows any kind looks at today, batch by batch, each
 * batch handed to every kind.
 */
@Injectable()
@ReminderSource()
export class CertificateKindsSource implements ReminderSourceHandler {
  private readonly logger = new Logger('Reminders');
  private readonly certificateKinds: readonly CertificateKind[];
  readonly kinds: readonly string[];

  constructor(
    private readonly rows: CertificateRows,
    expiry: CertificateExpirySource,
    surveillance: SurveillanceAuditSource,
    edition: StandardEditionSource,
    transition: TransitionAuditSource,
  ) {
    this.certificateKinds = [expiry, surveillance, edition, transition];
    this.kinds = this.certificateKinds.flatMap((kind) => kind.kinds);
  }

  async *scan(context: ScanContext): AsyncIterable<DueNotice[]> {
    const windows = this.certificateKinds.flatMap((kind) => kind.windows(context));
    const names = this.rows.names(context);
    for await (const rows of this.rows.remindableIn(context, windows)) {
      await names.load(rows.map((row) => row.factoryId));
      const notices: DueNotice[] = [];
      for (const kind of this.certificateKinds) {
        // One broken kind must not keep the others' notices from going out.
        try {
          notices.push(...kind.notices(rows, names, context));
        } catch (error) {
          this.logger.error(
            `Certificate kind ${kind.constructor.name} failed for ${context.organizationId}: ${
              error instanceof Error ? (error.stack ?? error.message) : String(error)
            }`,
          );
        }
      }
      if (notices.length > 0) yield notices;
    }
  }

  render(notice: NoticeToRender, locale: ReminderLocale): RenderedNotice {
    const kind = this.certificateKinds.find((k) => k.kinds.includes(notice.kind));
    if (!kind) throw new Error(`No certificate kind renders ${notice.kind}`);
    return kind.render(notice, locale);
  }
}
