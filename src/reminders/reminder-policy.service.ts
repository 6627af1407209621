import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Transactions } from '../database/transactions';
import type { StoredReminderPolicy } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { ReminderPolicyResponse, UpdateReminderPolicyDto } from './dto/reminder-policy.dto';
import { effectivePolicy, normalizeThresholds } from './reminder-policy';
import { ReminderQueues } from './reminder-queues';

/** An organization's reminder policy (kept on the organization; null = the shipped default). */
@Injectable()
export class ReminderPolicyService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly queues: ReminderQueues,
  ) {}

  async get(organizationId: string): Promise<ReminderPolicyResponse> {
    const organization = await this.organizations.get(organizationId);
    return { ...effectivePolicy(organization), isDefault: organization.reminderPolicy === null };
  }

  /**
   * Saves the policy and moves the organization's daily scan to its new hour and
   * timezone. Timezone and locale are the organization's own settings (one calendar, one
   * language): changed here, they change there.
   */
  async update(actor: Actor, changes: UpdateReminderPolicyDto): Promise<ReminderPolicyResponse> {
    const policy = await this.transactions.run(async (manager) => {
      const organization = await this.organizations.get(actor.organizationId, manager);
      const before = effectivePolicy(organization);
      const stored: StoredReminderPolicy = {
        thresholdsDays: normalizeThresholds(changes.thresholdsDays ?? before.thresholdsDays),
        sendHour: changes.sendHour ?? before.sendHour,
        escalateAfterDays: changes.escalateAfterDays ?? before.escalateAfterDays,
        overdueRepeatDays: changes.overdueRepeatDays ?? before.overdueRepeatDays,
        unassignedRecipients: changes.unassignedRecipients ?? before.unassignedRecipients,
      };
      let calendar = organization;
      const timezone = changes.timezone ?? organization.timezone;
      const locale = changes.locale ?? organization.locale;
      if (timezone !== organization.timezone || locale !== organization.locale)
        calendar = await this.organizations.update(actor, { timezone, locale });
      await this.organizations.saveReminderPolicy(organization.id, stored);
      const after = effectivePolicy({ ...calendar, reminderPolicy: stored });
      await this.audit.recordBy(
        actor,
        'reminder_policy.updated',
        'organization',
        organization.id,
        before,
        after,
      );
      return after;
    });
    await this.queues.upsertScanSchedule(actor.organizationId, policy);
    return { ...policy, isDefault: false };
  }
}
