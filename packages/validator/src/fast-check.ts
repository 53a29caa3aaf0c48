/*
 * A yes/no answer to "does this value pass the JSON Schema?", compiled from the same schema Ajv compiles.
 * Most records in a real file are valid, and for them Ajv's full check (built to collect every error)
 * costs more than the whole of the semantic rules; this check builds no error objects and reads each
 * field once. It is only ever used to skip Ajv: `true` must mean Ajv finds nothing, while `false` merely
 * sends the record to Ajv, which then says what is wrong. So every construct it does not read exactly the
 * way Ajv does answers `false`, and a keyword it does not know stops compilation outright (see
 * decision 0014 and test/fast-check.test.ts, which holds it to Ajv over generated and mutated records).
 */

import { countCodePoints } from './code-points.js';

type Schema = Readonly<Record<string, unknown>>;

export interface FastCheckParts {
  /** The same format checks Ajv is given. */
  formats: Readonly<Record<string, (s: string) => boolean>>;
  /** The same pattern engine Ajv is given: a pattern's exact text to a yes/no matcher. */
  pattern: (source: string) => (s: string) => boolean;
}

/** Keywords that only describe; everything else must be one this compiler checks. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$comment', 'examples']);
const CHECKED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
  'allOf',
  'items',
  'minItems',
  'maxItems',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
]);

class Emitter {
  private lines: string[] = [];
  /** Helper functions the generated code calls, each under one name however often it is used. */
  private refs = new Map<unknown, string>();
  private vars = 0;

  constructor(private readonly parts: FastCheckParts) {}

  ref(value: unknown): string {
    let name = this.refs.get(value);
    if (name === undefined) {
      name = `f${this.refs.size}`;
      this.refs.set(value, name);
    }
    return name;
  }

  fresh(): string {
    return `v${this.vars++}`;
  }

  line(text: string): void {
    this.lines.push(text);
  }

  /** Emits statements that `return false` unless `value` (a variable name) passes `schema`. */
  schema(schema: Schema, value: string, where: string): void {
    for (const key of Object.keys(schema)) {
      if (!ANNOTATIONS.has(key) && !CHECKED.has(key)) {
        throw new Error(`fast check: keyword "${key}" at ${where || '/'} is not supported`);
      }
    }
    const type = schema.type;
    if (type !== undefined) this.typeCheck(type, value, where);
    if (schema.enum !== undefined) this.enumCheck(schema.enum, value);
    if (this.mayBe(type, 'string')) this.stringChecks(schema, value, where);
    if (this.mayBe(type, 'object')) this.objectChecks(schema, value, where);
    if (this.mayBe(type, 'array')) this.arrayChecks(schema, value, where);
    if (schema.anyOf !== undefined) this.anyOf(schema.anyOf as Schema[], value, where);
    // Every branch of an allOf applies to the same value, so its checks are simply emitted in turn.
    for (const [n, branch] of ((schema.allOf ?? []) as Schema[]).entries()) {
      this.schema(branch, value, `${where}/allOf/${n}`);
    }
  }

  private mayBe(type: unknown, name: string): boolean {
    if (type === undefined) return true;
    return Array.isArray(type) ? type.includes(name) : type === name;
  }

  private typeCheck(type: unknown, value: string, where: string): void {
    const types = Array.isArray(type) ? type : [type];
    const tests = types.map((t) => {
      switch (t) {
        case 'string':
          return `typeof ${value} === 'string'`;
        case 'object':
          return `(typeof ${value} === 'object' && ${value} !== null && !Array.isArray(${value}))`;
        case 'array':
          return `Array.isArray(${value})`;
        case 'integer':
          return `(typeof ${value} === 'number' && Number.isInteger(${value}))`;
        case 'number':
          return `(typeof ${value} === 'number' && Number.isFinite(${value}))`;
        case 'boolean':
          return `typeof ${value} === 'boolean'`;
        case 'null':
          return `${value} === null`;
        default:
          throw new Error(`fast check: type "${String(t)}" at ${where || '/'} is not supported`);
      }
    });
    this.line(`if (!(${tests.join(' || ')})) return false;`);
  }

  private enumCheck(values: unknown, value: string): void {
    const list = values as unknown[];
    // Only primitive members compare with ===, which is how Ajv compares them too.
    if (!list.every((v) => v === null || typeof v !== 'object')) {
      throw new Error('fast check: enum with object members is not supported');
    }
    this.line(`if (!(${list.map((v) => `${value} === ${JSON.stringify(v)}`).join(' || ')})) return false;`);
  }

  private stringChecks(schema: Schema, value: string, where: string): void {
    const checks: string[] = [];
    const { minLength, maxLength, pattern, format } = schema;
    // The UTF-16 length bounds the code-point count (length/2 <= count <= length), so counting is only
    // needed when the cheap comparison cannot decide.
    if (typeof maxLength === 'number') {
      checks.push(
        `(${value}.length > ${maxLength} && ${this.ref(countCodePoints)}(${value}) > ${maxLength})`,
      );
    }
    if (typeof minLength === 'number') {
      checks.push(
        `(${value}.length < ${minLength} || (${value}.length < ${2 * minLength} && ${this.ref(countCodePoints)}(${value}) < ${minLength}))`,
      );
    }
    if (typeof pattern === 'string') checks.push(`!${this.ref(this.parts.pattern(pattern))}(${value})`);
    if (typeof format === 'string') {
      const check = this.parts.formats[format];
      if (check === undefined)
        throw new Error(`fast check: format "${format}" at ${where || '/'} is unknown`);
      checks.push(`!${this.ref(check)}(${value})`);
    }
    if (checks.length === 0) return;
    const guard =
      this.mayBe(schema.type, 'string') && schema.type !== 'string' ? `typeof ${value} === 'string' && ` : '';
    this.line(`if (${guard}(${checks.join(' || ')})) return false;`);
  }

  private objectChecks(schema: Schema, value: string, where: string): void {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = new Set((schema.required ?? []) as string[]);
    const closed = schema.additionalProperties === false;
    if (schema.additionalProperties !== undefined && !closed) {
      throw new Error(
        `fast check: additionalProperties other than false at ${where || '/'} is not supported`,
      );
    }
    const isObject = schema.type === 'object';
    if (!isObject)
      this.line(`if (typeof ${value} === 'object' && ${value} !== null && !Array.isArray(${value})) {`);
    // A required name declared elsewhere (subject's "one of upn/uln/localId" branches) is only present.
    for (const name of required) {
      if (!Object.hasOwn(properties, name))
        this.line(`if (${value}[${JSON.stringify(name)}] === undefined) return false;`);
    }
    const present = closed ? this.fresh() : undefined;
    if (present) this.line(`let ${present} = 0;`);
    for (const [name, sub] of Object.entries(properties)) {
      const v = this.fresh();
      // Read exactly as Ajv reads it (a property access, `undefined` meaning absent).
      this.line(`const ${v} = ${value}[${JSON.stringify(name)}];`);
      if (required.has(name)) this.line(`if (${v} === undefined) return false;`);
      else this.line(`if (${v} !== undefined) {`);
      if (present) this.line(`${present}++;`);
      this.schema(sub, v, `${where}/${name}`);
      if (!required.has(name)) this.line('}');
    }
    if (present) {
      // Every key the object has must be one of the properties read above. The keys a for-in visits are
      // counted; a key whose value is undefined, an inherited key or any name outside the list makes the
      // counts differ and the answer `false` (Ajv then says what is wrong, if anything).
      const k = this.fresh();
      const n = this.fresh();
      this.line(`let ${n} = 0; for (const ${k} in ${value}) ${n}++;`);
      this.line(`if (${n} !== ${present}) return false;`);
    }
    if (!isObject) this.line('}');
  }

  private arrayChecks(schema: Schema, value: string, where: string): void {
    const { items, minItems, maxItems } = schema;
    // Without `type: array` the array keywords apply only when the value is one.
    const guarded =
      schema.type !== 'array' && (items !== undefined || minItems !== undefined || maxItems !== undefined);
    if (guarded) this.line(`if (Array.isArray(${value})) {`);
    if (typeof minItems === 'number') this.line(`if (${value}.length < ${minItems}) return false;`);
    if (typeof maxItems === 'number') this.line(`if (${value}.length > ${maxItems}) return false;`);
    if (items !== undefined) {
      if (typeof items !== 'object' || items === null || Array.isArray(items)) {
        throw new Error(`fast check: items at ${where || '/'} must be one schema`);
      }
      const i = this.fresh();
      const item = this.fresh();
      this.line(`for (let ${i} = 0; ${i} < ${value}.length; ${i}++) {`);
      this.line(`const ${item} = ${value}[${i}];`);
      this.schema(items as Schema, item, `${where}/items`);
      this.line('}');
    }
    if (guarded) this.line('}');
  }

  private anyOf(branches: Schema[], value: string, where: string): void {
    // Each branch becomes its own function over the value: the first that passes settles it.
    const names = branches.map((branch, n) => {
      const inner = new Emitter(this.parts);
      inner.schema(branch, 'd', `${where}/anyOf/${n}`);
      return this.ref(inner.build());
    });
    this.line(`if (!(${names.map((f) => `${f}(${value})`).join(' || ')})) return false;`);
  }

  build(): (value: unknown) => boolean {
    // The helpers are parameters of an outer function, which returns the check closed over them.
    const body = `return function fastCheck(d) {\n${this.lines.join('\n')}\nreturn true;\n};`;
    return new Function(...this.refs.values(), body)(...this.refs.keys()) as (value: unknown) => boolean;
  }
}

/** Compiles `schema` (plain JSON Schema, the keywords listed above) into a yes/no check. */
export function compileFastCheck(schema: object, parts: FastCheckParts): (value: unknown) => boolean {
  const emitter = new Emitter(parts);
  emitter.schema(schema as Schema, 'd', '');
  return emitter.build();
}
