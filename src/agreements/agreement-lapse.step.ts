import { Injectable } from '@nestjs/common';
import {
  SCAN_STEP_ORDER,
  ScanContext,
  ScanStep,
  ScanStepHandler,
} from '../reminders/reminder-source';
import { AgreementsService } from './agreements.service';

/** A state change of the daily scan: in-progress agreements past their target with milestones unfinished lapse. */
@Injectable()
@ScanStep(SCAN_STEP_ORDER.lapseAgreements)
export class AgreementLapseStep implements ScanStepHandler {
  readonly name = 'lapse agreements';

  constructor(private readonly agreements: AgreementsService) {}

  async run(context: ScanContext): Promise<void> {
    await this.agreements.lapseOverdue(context.organizationId, context.today);
  }
}
