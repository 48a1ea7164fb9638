import { describe, expect, it } from 'vitest';
import { definitionOf, draftOf, placeProblems, sameDefinition, settingProblem, takenBy } from '../../web/src/pages/forms/builder/draft-state';
import { FORM_TEMPLATES } from '../../src/modules/capture/templates.js';
import type { FormDefinition } from '../../web/src/api/forms';

const sales = FORM_TEMPLATES.find((t) => t.id === 'contact-sales')!.definition as FormDefinition;

describe('the builder’s working copy of a draft', () => {
  it('gives the definition back as it came, and compares drafts whatever the order of their keys (jsonb reorders them)', () => {
    const draft = draftOf(sales);
    expect(definitionOf(draft)).toEqual(sales);
    const reordered = JSON.parse(JSON.stringify(sales, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    expect(sameDefinition(reordered, sales)).toBe(true);
    expect(sameDefinition({ ...sales, fields: [...sales.fields].reverse() }, sales)).toBe(false);
    expect(takenBy(draft).keys.has('company')).toBe(true);
    expect(takenBy(draft).targets.has('standard.company_name')).toBe(true);
  });

  it('places publish problems on the field they name, worded with labels; settings by path; the rest on the form', () => {
    const draft = draftOf(sales);
    const problems = placeProblems(
      [
        { field: 'draft.fields.3.key', message: 'is already the key of fields.0' },
        { field: 'draft.fields.3.maps_to', message: 'fills the same contact field as fields.1' },
        { field: 'draft.settings.list_ids.0', message: 'is not a list of this workspace' },
        { field: 'draft.fields', message: 'needs an email field (the contact’s identity)' },
      ],
      draft,
    );
    expect(problems.fields).toEqual({ [draft.fields[3]!.uid]: { key: 'is already the key of “First name”', maps_to: 'fills the same contact field as “Last name”' } });
    expect(settingProblem(problems, 'list_ids')).toBe('is not a list of this workspace');
    expect(settingProblem(problems, 'tags')).toBeUndefined();
    expect(problems.general).toEqual(['The form needs an email field (the contact’s identity)']);
  });

  it('keeps, of a refused union, only what concerns the field as it is (not the other kinds’ branches)', () => {
    const draft = draftOf(sales);
    const problems = placeProblems(
      [
        { field: 'draft.fields.0.label', message: 'must not be empty' },
        { field: 'draft.fields.0.kind', message: 'must be equal to constant' },
        { field: 'draft.fields.0.business_only', message: 'is required' },
        { field: 'draft.fields.0.options', message: 'is not a known field' },
        { field: 'draft.fields.0', message: 'must match a schema in anyOf' },
        { field: 'draft.settings.after_submit.url', message: 'is required' },
        { field: 'draft.settings.after_submit.message', message: 'must not be empty' },
      ],
      draft,
    );
    expect(problems.fields).toEqual({ [draft.fields[0]!.uid]: { label: 'must not be empty' } });
    expect(problems.settings).toEqual({ 'after_submit.message': 'must not be empty' });
    expect(problems.general).toEqual([]);
  });
});
