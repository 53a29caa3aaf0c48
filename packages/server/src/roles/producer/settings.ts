import type { RequestBody } from '@reuse-pref/contract';
import type { SchoolSettings } from '@reuse-pref/schema';
import type { JsonValue } from '@reuse-pref/store';
import { readWritePrecondition } from '../../http/etag.js';
import { parseJson } from '../../http/parse-json.js';
import { ProblemError, problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { checkSettings } from './settings-check.js';

const roles = ['producer', 'relay'] as const;

/** A school's settings (competence age, current notice...), versioned by ETag. */
export const getSchoolSettings = defineOperation('getSchoolSettings', {
  method: 'GET',
  path: '/schools/{urn}/settings',
  roles,
  schoolParam: 'urn',
  async handle({ params, services }) {
    const state = await services.store.schools.get(params.urn);
    if (!state) return problem('not-found');
    // Stored only after checkSettings accepted it (updateSchoolSettings).
    const settings = state.data as unknown as SchoolSettings;
    return json(200, { ...settings, updatedAt: state.updatedAt }, { etag: state.etag });
  },
});

/**
 * Replaces the settings only if If-Match names the current version, or creates a school's first settings
 * with `If-None-Match: *` (201): two clients editing at once cannot silently overwrite each other, and two
 * creating at once cannot both create; the loser gets 412 and re-reads.
 */
export const updateSchoolSettings = defineOperation('updateSchoolSettings', {
  method: 'PUT',
  path: '/schools/{urn}/settings',
  roles,
  schoolParam: 'urn',
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle({ request, body, params, services }) {
    const urn = params.urn;
    const precondition = readWritePrecondition(request.headers);
    const value = parseJson(body, {
      maxDepth: services.limits.maxDepth,
      maxMembers: services.limits.maxFields,
    });
    const errors = checkSettings(value);
    if (errors.length > 0) return problem('validation-failed', { errors });
    // checkSettings found nothing wrong, so this is the model's SchoolSettings; typed as the contract's
    // request body, so a body openapi.yaml describes differently no longer compiles.
    const settings: RequestBody<'updateSchoolSettings'> = value as SchoolSettings;
    const { updatedAt: _ignored, ...data } = settings;
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
    if (precondition.kind === 'unsatisfiable') {
      const current = await services.store.schools.get(urn);
      return problem('precondition-failed', {
        detail: 'If-Match and If-None-Match: * cannot both hold; send one.',
        headers: current ? { etag: current.etag } : {},
      });
    }
    const expected =
      precondition.kind === 'absent' ? null : precondition.kind === 'exists' ? '*' : precondition.etag;
    const state = await services.store.schools.compareAndSet(urn, expected, data as unknown as JsonValue);
    const stored = { ...data, updatedAt: state.updatedAt };
    if (precondition.kind === 'absent') return json(201, stored, { etag: state.etag });
    return json(200, stored, { etag: state.etag });
  },
});
