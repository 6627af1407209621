import { Injectable, Logger } from '@nestjs/common';
import { CertificatesService } from '../../certificates/certificates.service';
import { SCAN_STEP_ORDER, ScanContext, ScanStep, ScanStepHandler } from '../reminder-source';

/** The scan's first state change: certificates past their last valid day are stored `expired`. */
@Injectable()
@ScanStep(SCAN_STEP_ORDER.expireCertificates)
export class ExpireCertificatesStep implements ScanStepHandler {
  readonly name = 'expire certificates';
  private readonly logger = new Logger('Reminders');

  constructor(private readonly certificates: CertificatesService) {}

  async run(context: ScanContext): Promise<void> {
    const expired = await this.certificates.expireLapsed(context.organizationId, context.today);
    if (expired.length > 0)
      this.logger.log(`${expired.length} certificate(s) of ${context.organizationId} expired`);
  }
}
