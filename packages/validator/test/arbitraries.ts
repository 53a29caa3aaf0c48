import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** spec/v1/examples/statement.json: a valid statement to mutate. */
export const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../spec/v1/examples/statement.json'), 'utf8'),
) as Record<string, unknown>;

/** The example with the value at a random path replaced by arbitrary JSON, or deleted. */
export const mutatedStatement = fc
  .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.option(fc.jsonValue(), { nil: undefined }))
  .map(([path, replacement]) => {
    const copy = structuredClone(example);
    let node: Record<string, unknown> = copy;
    for (let depth = 0; depth < path.length; depth++) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[path[depth]! % keys.length]!;
      const child = node[key];
      if (depth === path.length - 1 || child === null || typeof child !== 'object') {
        if (replacement === undefined) delete node[key];
        else node[key] = replacement;
        break;
      }
      node = child as Record<string, unknown>;
    }
    return copy;
  });
