import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formView, type RenderField, type RenderForm } from './form-view.js';
import { renderHtml } from './html.js';
import type { VNode } from './vnode.js';

const hostile = JSON.parse(readFileSync(new URL('../../../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const hostileStrings = Object.values(hostile).filter((g): g is string[] => Array.isArray(g)).flat().filter((s) => typeof s === 'string');

const options = [{ value: 'a', label: 'Alpha' }, { value: 'b', label: 'Beta' }];
const FIELDS: RenderField[] = [
  { kind: 'email', key: 'email', label: 'Work email', required: true, help: 'We never share it' },
  { kind: 'text', key: 'first_name', label: 'First name', required: false, placeholder: 'Ana' },
  { kind: 'textarea', key: 'message', label: 'Message', required: false },
  { kind: 'number', key: 'seats', label: 'Seats', required: false },
  { kind: 'phone', key: 'phone', label: 'Phone', required: false },
  { kind: 'date', key: 'start', label: 'Start', required: false },
  { kind: 'country', key: 'country', label: 'Country', required: false },
  { kind: 'select', key: 'plan', label: 'Plan', required: true, options },
  { kind: 'select', key: 'size', label: 'Size', required: true, options, display: 'radio' },
  { kind: 'multiselect', key: 'topics', label: 'Topics', required: false, options },
  { kind: 'checkbox', key: 'student', label: 'I am a student', required: false },
  { kind: 'consent', key: 'consent', label: 'Consent', required: true, text: 'I agree to the [privacy policy](https://example.com/privacy) and [this](javascript:alert(1)).' },
  { kind: 'hidden', key: 'campaign', label: 'Campaign', required: false },
];
const FORM: RenderForm = { id: '0190f0f0-0000-7000-8000-000000000001', version: 3, fields: FIELDS, submit_label: 'Send' };

function walk(node: VNode | string, visit: (n: VNode) => void): void {
  if (typeof node === 'string') return;
  visit(node);
  node.children.forEach((child) => walk(child, visit));
}

describe('formView', () => {
  it('ties every input to a label, and help and errors to their input', () => {
    const tree = formView(FORM, { idPrefix: 'f1-', errors: { email: 'is not a valid email address', size: 'is required' }, values: { email: 'nope' } });
    const ids = new Set<string>();
    const labelsFor = new Set<string>();
    const inputs: VNode[] = [];
    walk(tree, (n) => {
      if (typeof n.attrs.id === 'string') ids.add(n.attrs.id);
      if (n.tag === 'label' && typeof n.attrs.for === 'string') labelsFor.add(n.attrs.for);
      if (['input', 'select', 'textarea'].includes(n.tag) && n.attrs.type !== 'hidden') inputs.push(n);
      for (const name of Object.keys(n.attrs)) expect(name === 'style' || name.startsWith('on'), name).toBe(false);
    });
    for (const input of inputs) expect(labelsFor.has(String(input.attrs.id)), String(input.attrs.id)).toBe(true);
    walk(tree, (n) => {
      const described = n.attrs['aria-describedby'];
      if (typeof described === 'string') for (const id of described.split(' ')) expect(ids.has(id), id).toBe(true);
    });
    const html = renderHtml(tree);
    expect(html).toContain('<input name="email" required aria-required="true" aria-invalid="true" aria-describedby="f1-email-help f1-email-error" id="f1-email" type="email" value="nope"');
    expect(html).toContain('<fieldset class="inflow-field inflow-field-invalid" data-field="size" aria-invalid="true"');
    expect(html).toContain('<legend>Size');
    expect(html).toContain('<a href="https://example.com/privacy" target="_blank" rel="noopener noreferrer">privacy policy</a>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<input type="hidden" name="_v" value="3">');
    expect(html).toContain('name="_hp"');
  });

  it('keeps every hostile string as text, in labels, help, options, values and consent wording', () => {
    for (const text of hostileStrings) {
      const fields: RenderField[] = [
        { kind: 'text', key: 'a', label: text, help: text, placeholder: text, required: false },
        { kind: 'select', key: 'b', label: text, required: false, options: [{ value: text, label: text }] },
        { kind: 'consent', key: 'c', label: text, text, required: false },
      ];
      const html = renderHtml(formView({ ...FORM, fields, submit_label: text }, { idPrefix: 'x-', values: { a: text }, errors: { a: text }, status: text }));
      expect(html, JSON.stringify(text)).not.toMatch(/<(script|img|svg|iframe)/i);
      // Quotes inside values are escaped, so a value cannot end early and start an attribute.
      const tags = html.replace(/="[^"]*"/g, '=""').match(/<[^>]*>/g) ?? [];
      expect(tags.filter((tag) => /\son[a-z]+=|\sstyle=/i.test(tag)), JSON.stringify(text)).toEqual([]);
    }
  });

  it('shows a multi-select and radios as checked from the values', () => {
    const html = renderHtml(formView(FORM, { idPrefix: 'p-', values: { topics: ['b'], size: 'a', plan: 'b', student: true } }));
    expect(html).toContain('id="p-topics-1" name="topics" value="b" checked');
    expect(html).toContain('id="p-size-0" name="size" value="a" checked');
    expect(html).toContain('<option value="b" selected>Beta</option>');
    expect(html).toContain('id="p-student" type="checkbox" value="yes" checked');
  });
});
