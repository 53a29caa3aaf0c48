import type { Principal } from './principal.js';

/**
 * Scope grammar (space-separated in the token's `scope` claim):
 *   <profile>:<access>   what the client may do, e.g. `receiver:write`, `producer:read`, `relay:audit`
 *   school:<urn>         a school it may touch; repeatable
 *   school:*             every school (a national receiver or distributor)
 * A token with no school scope touches no school. Unknown scopes are kept and ignored.
 */
export function parseScopes(scopes: readonly string[]): Pick<Principal, 'scopes' | 'schools'> {
  const schools = new Set<string>();
  let everySchool = false;
  for (const scope of scopes) {
    if (scope === 'school:*') everySchool = true;
    else if (/^school:[0-9]{6}$/.test(scope)) schools.add(scope.slice('school:'.length));
  }
  return { scopes: new Set(scopes), schools: everySchool ? '*' : schools };
}
