import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { configFile } from '../config/project-root';
import { PlanTemplate, templateProblems } from './plan-schedule';

export const PLAN_TEMPLATES_FILE = 'plan-templates.json';

/** The certification plan templates shipped in config/plan-templates.json, checked at start. */
@Injectable()
export class PlanTemplates {
  readonly templates: readonly PlanTemplate[];
  private readonly byId: Map<string, PlanTemplate>;

  constructor() {
    const path = configFile(PLAN_TEMPLATES_FILE);
    const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const problems = templateProblems(raw);
    if (problems.length > 0) {
      throw new Error(`${path} is not a valid plan templates file: ${problems.join('; ')}`);
    }
    this.templates = (raw as { templates: PlanTemplate[] }).templates;
    this.byId = new Map(this.templates.map((t) => [t.id, t]));
  }

  find(id: string): PlanTemplate | undefined {
    return this.byId.get(id);
  }

  /**
   * A milestone's name in Chinese: the template step's, while the milestone still bears
   * that step's English name (one renamed by hand keeps the name it was given).
   */
  milestoneNameZh(milestone: { templateKey: string | null; name: string }): string | null {
    if (!milestone.templateKey) return null;
    for (const template of this.templates)
      for (const step of template.milestones)
        if (step.key === milestone.templateKey && step.name === milestone.name) return step.nameZh;
    return null;
  }

  ids(): string[] {
    return this.templates.map((t) => t.id);
  }
}
