/** A small value that satisfies a JSON schema, so a test can reach a handler past validation; `resolve` finds the shared schemas a `$ref` names. */
export function sampleFor(schema: any, resolve: (id: string) => unknown = () => undefined): unknown {
  if (!schema || typeof schema !== 'object') return null;
  if (typeof schema.$ref === 'string') return sampleFor(resolve(schema.$ref.replace(/#$/, '')), resolve);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[schema.enum.length - 1];
  const options = schema.anyOf ?? schema.oneOf;
  // Of a list of alternatives (roles), take the weakest: the last.
  if (Array.isArray(options)) return sampleFor(options[options.length - 1], resolve);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleFor(schema.properties?.[key], resolve);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format === 'email') return 'sample@example.com';
      if (schema.pattern) return 'sample-slug';
      const base = 'sample-value';
      return base.padEnd(schema.minLength ?? 0, 'x');
    }
    default:
      return null;
  }
}
