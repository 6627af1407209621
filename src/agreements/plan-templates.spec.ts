import { PlanTemplates } from './plan-templates';

describe('PlanTemplates.milestoneNameZh', () => {
  const templates = new PlanTemplates();

  it('names every shipped step in Chinese', () => {
    for (const template of templates.templates) {
      expect(template.nameZh).toMatch(/\p{Script=Han}/u);
      for (const step of template.milestones) expect(step.nameZh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('answers the step’s Chinese name while the milestone keeps the step’s English one', () => {
    expect(
      templates.milestoneNameZh({ templateKey: 'internal_audit', name: 'Internal audit' }),
    ).toBe('内部审核');
    expect(
      templates.milestoneNameZh({ templateKey: 'internal_audit', name: 'Internal audit, 2 sites' }),
    ).toBeNull();
    expect(templates.milestoneNameZh({ templateKey: null, name: 'Internal audit' })).toBeNull();
  });
});
