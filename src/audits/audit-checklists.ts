import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { configFile } from '../config/project-root';
import type { ScoredSection } from './checklist-scoring';

export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

export interface ChecklistQuestion {
  id: string;
  clause: string | null;
  text: LocalizedText;
}

export interface ChecklistSection {
  id: string;
  title: LocalizedText;
  questions: ChecklistQuestion[];
}

export interface ChecklistTemplate {
  id: string;
  title: LocalizedText;
  /** The standard family the questions follow (`ISO 9001`), or null for the general checklist. */
  standard: string | null;
  sections: ChecklistSection[];
}

export const AUDIT_CHECKLISTS_FILE = 'audit-checklists.json';

function problemsOf(raw: unknown): string[] {
  const templates = (raw as { templates?: unknown })?.templates;
  if (!Array.isArray(templates) || templates.length === 0) return ['templates must be a list'];
  const problems: string[] = [];
  const questionIds = new Set<string>();
  const localized = (t: unknown) =>
    typeof (t as LocalizedText)?.en === 'string' &&
    typeof (t as LocalizedText)?.['zh-CN'] === 'string';
  for (const template of templates as ChecklistTemplate[]) {
    if (typeof template.id !== 'string') problems.push('a template has no id');
    if (!localized(template.title)) problems.push(`${template.id}: title needs en and zh-CN`);
    for (const section of template.sections ?? []) {
      if (!localized(section.title))
        problems.push(`${template.id}/${section.id}: title needs en and zh-CN`);
      for (const question of section.questions ?? []) {
        if (questionIds.has(question.id)) problems.push(`question id ${question.id} is used twice`);
        questionIds.add(question.id);
        if (!localized(question.text)) problems.push(`${question.id}: text needs en and zh-CN`);
      }
    }
  }
  return problems;
}

/** The supplier audit checklists shipped in config/audit-checklists.json, checked at start. */
@Injectable()
export class AuditChecklists {
  readonly templates: readonly ChecklistTemplate[];
  private readonly byId: Map<string, ChecklistTemplate>;

  constructor() {
    const path = configFile(AUDIT_CHECKLISTS_FILE);
    const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const problems = problemsOf(raw);
    if (problems.length > 0)
      throw new Error(`${path} is not a valid audit checklists file: ${problems.join('; ')}`);
    this.templates = (raw as { templates: ChecklistTemplate[] }).templates;
    this.byId = new Map(this.templates.map((t) => [t.id, t]));
  }

  find(id: string): ChecklistTemplate | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return this.templates.map((t) => t.id);
  }

  /** The sections of these templates, for scoring, each tagged with its template. */
  sectionsOf(templateIds: string[]): (ScoredSection & { templateId: string })[] {
    return templateIds.flatMap((templateId) =>
      (this.byId.get(templateId)?.sections ?? []).map((section) => ({
        templateId,
        sectionId: section.id,
        questionIds: section.questions.map((q) => q.id),
      })),
    );
  }

  /** Every question id of these templates. */
  questionIdsOf(templateIds: string[]): Set<string> {
    return new Set(this.sectionsOf(templateIds).flatMap((s) => s.questionIds));
  }

  /** Templates whose standard family a covered standard belongs to (`ISO 9001:2015` → iso9001), and the general one. */
  defaultsFor(standards: string[]): string[] {
    const ids = this.templates
      .filter(
        (t) => t.standard === null || standards.some((s) => t.standard && s.startsWith(t.standard)),
      )
      .map((t) => t.id);
    return ids;
  }
}
