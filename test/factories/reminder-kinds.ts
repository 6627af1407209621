import { randomBytes } from 'node:crypto';
import type { Account } from '../support/accounts';
import type { TestApp } from '../support/app';
import { makeAgreement } from './agreements';

export interface MilestoneInput {
  name: string;
  dueOn: string;
  owner?: 'trader' | 'factory';
  plannedDays?: number;
}

/**
 * An agreement with hand-made milestones, moved through the API to `in_progress`
 * (draft → negotiating → signed → in_progress), as the reminder sources only chase
 * signed and running agreements.
 */
export async function createRunningAgreement(
  t: TestApp,
  admin: Account,
  input: {
    factoryId: string;
    startsOn: string;
    targetOn: string;
    milestones: MilestoneInput[];
    title?: string;
  },
): Promise<{ id: string; title: string; milestones: Record<string, string> }> {
  const title = input.title ?? `Cooperation ${randomBytes(3).toString('hex')}`;
  const created = await t
    .http()
    .post('/api/v1/agreements')
    .set(admin.auth)
    .send(
      makeAgreement({
        title,
        factoryId: input.factoryId,
        startsOn: input.startsOn,
        targetOn: input.targetOn,
        plan: undefined,
      }),
    );
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const id = (created.body as { id: string }).id;
  const milestones: Record<string, string> = {};
  for (const milestone of input.milestones) {
    const response = await t
      .http()
      .post(`/api/v1/agreements/${id}/milestones`)
      .set(admin.auth)
      .send({ owner: 'factory', plannedDays: 7, ...milestone });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    milestones[milestone.name] = (response.body as { id: string }).id;
  }
  for (const status of ['negotiating', 'signed', 'in_progress']) {
    const moved = await t
      .http()
      .patch(`/api/v1/agreements/${id}`)
      .set(admin.auth)
      .send({ status });
    if (moved.status !== 200) throw new Error(JSON.stringify(moved.body));
  }
  return { id, title, milestones };
}
