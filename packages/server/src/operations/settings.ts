import type { JsonValue } from '@reuse-pref/store';
import { requireIfMatch } from '../http/etag.js';
import { parseJson } from '../http/parse-json.js';
import { ProblemError, problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { Operation } from '../operation.js';
import { checkSettings } from './settings-check.js';

const roles = ['producer', 'relay'] as const;

/** A school's settings (competence age, current notice...), versioned by ETag. */
export const getSchoolSettings: Operation = {
  operationId: 'getSchoolSettings',
  method: 'GET',
  path: '/schools/{urn}/settings',
  roles,
  scope: 'producer:read',
  schoolParam: 'urn',
  async handle({ params, services }) {
    const state = await services.store.schools.get(params.urn!);
    if (!state) return problem('not-found');
    return json(200, { ...(state.data as object), updatedAt: state.updatedAt }, { etag: state.etag });
  },
};

/**
 * Replaces the settings only if If-Match names the current version (or `If-None-Match: *` to create):
 * two clients editing at once cannot silently overwrite each other; the loser gets 412 and re-reads.
 */
export const updateSchoolSettings: Operation = {
  operationId: 'updateSchoolSettings',
  method: 'PUT',
  path: '/schools/{urn}/settings',
  roles,
  scope: 'producer:write',
  schoolParam: 'urn',
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle({ request, body, params, services }) {
    const urn = params.urn!;
    const creating = request.headers['if-none-match']?.trim() === '*';
    const ifMatch = creating ? null : requireIfMatch(request.headers['if-match']);
    const value = parseJson(body, { maxDepth: services.limits.maxDepth });
    const errors = checkSettings(value);
    if (errors.length > 0) return problem('validation-failed', { errors });
    const { updatedAt: _ignored, ...data } = value as Record<string, JsonValue>;
    if (data.urn !== urn) {
      throw new ProblemError('validation-failed', {
        errors: [
          {
            rule: 'setting-urn-mismatch',
            severity: 'error',
            pointer: '/urn',
            message: `urn ${String(data.urn)} is not the school in the request path (${urn})`,
          },
        ],
      });
    }
    const state = await services.store.schools.compareAndSet(urn, ifMatch, data);
    return json(creating ? 201 : 200, { ...data, updatedAt: state.updatedAt }, { etag: state.etag });
  },
};
