import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleDocs } from '../scripts/rule-docs';
import { ALL_RULES } from '../src/validation/rules';
import { RULE_FAMILIES } from '../src/validation/rules/types';

test('docs/rules.md is generated from the rule modules and up to date (npm run docs)', () => {
  const onDisk = readFileSync(join(__dirname, '..', 'docs', 'rules.md'), 'utf8');
  expect(onDisk).toBe(renderRuleDocs());
});

test('every rule declares a well-formed id, its family, and both languages for every text', () => {
  const ids = new Set<string>();
  for (const rule of ALL_RULES) {
    expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
    expect(ids.has(rule.id)).toBe(false);
    ids.add(rule.id);
    expect(RULE_FAMILIES).toContain(rule.family);
    expect(rule.id.split('/')[0]).toBe(rule.family);
    // Something for the engine to run: the whole model, or a visit of each indicator / project.
    expect(
      ['check', 'visitIndicators', 'visitProjects'].some((k) => typeof rule[k as keyof typeof rule] === 'function'),
    ).toBe(true);
    const texts = [rule.meta.description, rule.meta.why, ...Object.values(rule.meta.messages)];
    for (const text of texts) {
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(text['en-US'].length).toBeGreaterThan(0);
    }
    // The same placeholders in both languages.
    for (const message of Object.values(rule.meta.messages)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(message['en-US'])).toEqual(names(message['zh-CN']));
    }
  }
});
