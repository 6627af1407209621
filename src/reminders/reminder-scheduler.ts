import { Injectable } from '@nestjs/common';
import { OrganizationsService } from '../organizations/organizations.service';
import { effectivePolicy } from './reminder-policy';
import { ReminderQueues } from './reminder-queues';

/** One BullMQ job scheduler per organization, with a fixed id, at the policy's local hour. */
@Injectable()
export class ReminderScheduler {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly queues: ReminderQueues,
  ) {}

  /** Upserts every organization's daily scan (idempotent: same ids, same patterns). */
  async syncAll(): Promise<number> {
    if (!(await this.queues.upsertSyncSchedule())) return 0;
    let count = 0;
    for await (const batch of this.organizations.all()) {
      for (const organization of batch) {
        const ok = await this.queues.upsertScanSchedule(
          organization.id,
          effectivePolicy(organization),
        );
        if (!ok) return count;
        count++;
      }
    }
    return count;
  }
}
