import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.js';
import { isDateTime } from '../lib/date-time.js';

type AddFormats = (ajv: Ajv) => Ajv;
// ajv-formats ships CommonJS whose default export ESM sees one level down.
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats));

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true, removeAdditional: false, ...options });
  addFormats(ajv);
  // Stricter than ajv-formats' date-time: no leap second (see isDateTime).
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  return ajv;
}

// Bodies are typed JSON: `{"email": 123}` is an error, not the string "123". Query strings
// and path params are text by nature, so they are coerced to the declared types.
const bodyAjv = makeAjv({ coerceTypes: false });
const textAjv = makeAjv({ coerceTypes: 'array' });

/**
 * A schema that route schemas name by `$ref: '<$id>#'` (a module's large shared type, listed
 * once in the OpenAPI components): the validators learn it here, the serializer and the spec
 * through `app.addSchema`. Idempotent, since tests build many apps in one process.
 */
export function addSharedSchema(schema: { $id: string }): void {
  for (const ajv of [bodyAjv, textAjv]) if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Turns ajv's errors into one entry per failing field, in words a form can show. */
export function fieldErrors(errors: readonly ErrorObject[], part: string | undefined): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = error.instancePath.split('/').slice(1).map(decodeURIComponent).join('.');
    let field = path;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      field = join(path, String(error.params.missingProperty));
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      field = join(path, String(error.params.additionalProperty));
      message = 'is not a known field';
    } else if (error.keyword === 'type') {
      message = `must be ${TYPE_WORDS[String(error.params.type)] ?? error.params.type}`;
    } else if (error.keyword === 'enum') {
      message = `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    } else if (error.keyword === 'minLength') {
      message = error.params.limit === 1 ? 'must not be empty' : `must be at least ${error.params.limit} characters`;
    } else if (error.keyword === 'maxLength') {
      message = `must be at most ${error.params.limit} characters`;
    } else if (error.keyword === 'minimum' || error.keyword === 'maximum') {
      message = `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${error.params.limit}`;
    } else if (error.keyword === 'format') {
      message = `must be a valid ${String(error.params.format).replace('-', ' ')}`;
    } else if (error.keyword === 'pattern') {
      message = 'has characters or a shape that is not allowed here';
    } else if (error.keyword === 'maxItems') {
      message = `must have at most ${error.params.limit} items`;
    }
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field: field || '(root)', ...(part ? { in: part } : {}), message });
  }
  return out;
}

/**
 * Paths of strings (values or keys) holding U+0000. PostgreSQL text cannot store it, so such
 * input is refused up front with the field named, instead of failing at the INSERT.
 */
export function nulBytePaths(body: unknown, limit = 20): string[] {
  const found: string[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: body, path: '' }];
  while (stack.length > 0 && found.length < limit) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(path || '(root)');
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) found.push(childPath);
        else stack.push({ value: child, path: childPath });
      }
    }
  }
  return found;
}
