import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe('catalogues', () => {
  it('zh-CN has every English key, none empty, and Chinese text where English has words', () => {
    const english = new Map(leaves(en));
    const chinese = new Map(leaves(zhCN));
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of chinese) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      const sameOnPurpose = key.startsWith('language.') || key === 'app.name';
      if (!sameOnPurpose && /[a-z]{3}/i.test(english.get(key)!.replace(/\{\{\w+\}\}/g, '')))
        expect({ key, hasChinese: /[\u4e00-\u9fff]/.test(text) }).toEqual({ key, hasChinese: true });
    }
  });

  it('maps every error code the API can answer to a message', () => {
    const root = join(__dirname, '..', '..', '..', 'src');
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.errors\.ts$|common[/\\]errors\.ts$/.test(path))
          for (const [, code] of readFileSync(path, 'utf8').matchAll(/'([A-Z_]+\.[A-Z_]+)'/g)) codes.add(code);
      }
    };
    walk(root);
    expect(codes.size).toBeGreaterThan(10);
    const known = Object.keys(en.errors.codes);
    expect([...codes].filter((code) => !known.includes(code))).toEqual([]);
  });

  it('names every gap rule and risk signal the API can answer', () => {
    const document = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
    ) as { components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> } };
    const { schemas } = document.components;
    const rules = schemas.GapResponse.properties.rule.enum ?? [];
    const signals = schemas.SignalListItem.properties.id.enum ?? [];
    expect(rules.length).toBeGreaterThan(5);
    expect(signals.length).toBeGreaterThan(5);
    expect(rules.filter((rule) => !(rule in en.kinds.gapRule))).toEqual([]);
    expect(signals.filter((signal) => !(signal in en.kinds.signal))).toEqual([]);
  });

  it('says every import row error code the API can answer', () => {
    const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as {
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    const codes = document.components.schemas.ImportRowErrorCode.enum ?? [];
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => !(code in en.imports.rowErrors))).toEqual([]);
    expect(Object.keys(en.imports.rowErrors).filter((code) => !codes.includes(code))).toEqual([]);
  });

  it('names plans and plan steps as the server does in mails (config/plan-templates.json)', () => {
    const file = join(__dirname, '..', '..', '..', 'config', 'plan-templates.json');
    const { templates } = JSON.parse(readFileSync(file, 'utf8')) as {
      templates: { id: string; name: string; nameZh: string; milestones: { key: string; name: string; nameZh: string }[] }[];
    };
    const plans = zhCN.kinds.plan as Record<string, string>;
    const steps = zhCN.kinds.milestone as Record<string, string>;
    for (const template of templates) {
      expect({ plan: template.id, zh: plans[template.id] }).toEqual({ plan: template.id, zh: template.nameZh });
      for (const step of template.milestones)
        expect({ step: step.key, zh: steps[step.key] }).toEqual({ step: step.key, zh: step.nameZh });
    }
  });
});
