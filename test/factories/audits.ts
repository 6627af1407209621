import type { Account } from '../support/accounts';
import type { TestApp } from '../support/app';
import type { Body, Overrides } from './bodies';

/** A supplier audit request body with sensible defaults; override what the test is about. */
export function makeAudit(
  overrides: Overrides<Body<'CreateSupplierAuditDto'>> = {},
): Overrides<Body<'CreateSupplierAuditDto'>> {
  return {
    auditedOn: '2026-11-10',
    auditor: 'Wang Fang',
    kind: 'on_site',
    standards: ['ISO 9001:2015'],
    processes: ['casting', 'machining', 'final inspection'],
    ...overrides,
  };
}

export interface CreatedAudit {
  id: string;
  factoryId: string;
  overallScore: number | null;
}

export async function createAudit(
  t: TestApp,
  account: Account,
  factoryId: string,
  overrides: Overrides<Body<'CreateSupplierAuditDto'>> = {},
): Promise<CreatedAudit> {
  const response = await t
    .http()
    .post(`/api/v1/factories/${factoryId}/audits`)
    .set(account.auth)
    .send(makeAudit(overrides))
    .expect(201);
  return response.body as CreatedAudit;
}

/** Every question of the general and ISO 9001 checklists answered yes. */
type Answer = Body<'ChecklistAnswerDto'>['answer'];

export async function allYes(t: TestApp, account: Account, templates = ['general', 'iso9001']) {
  const response = await t.http().get('/api/v1/audit-checklists').set(account.auth).expect(200);
  const chosen = (
    response.body as { id: string; sections: { questions: { id: string }[] }[] }[]
  ).filter((tpl) => templates.includes(tpl.id));
  return chosen.flatMap((tpl) =>
    tpl.sections.flatMap((s) =>
      s.questions.map((q) => ({ questionId: q.id, answer: 'yes' as Answer })),
    ),
  );
}
