import { didYouMean } from '@reuse-pref/command-line';
import { type Command, parseCommandArgs, UsageError } from '../command.js';
import {
  DEV_AUDIENCE,
  DEV_AUTH_DIR,
  DEV_AUTH_WARNING,
  DEV_ISSUER,
  ensureDevKeys,
  signDevToken,
} from '../dev-auth/keys.js';
import { ROLE_SCOPES, TOKEN_ROLES, type TokenRole } from '../dev-auth/role-scopes.js';

const usage = `Usage: reuse-pref token --role <role> [--school <urn>]... [options]

  Prints a signed bearer token for development and CI, to use against a server started with
  'reuse-pref serve --dev-auth' (or any server trusting the printed JWKS). NOT FOR PRODUCTION.

  --role <role>        ${TOKEN_ROLES.join(', ')}: the scopes that role's clients need
  --school <urn>       a school the token may touch (repeatable; default 100000, none for distributor)
  --all-schools        every school (school:*)
  --scope <scope>      an extra scope (repeatable)
  --expires <time>     lifetime: 30m, 12h, 7d (default 1h)
  --client <id>        the client the token is for (default dev-<role>)
  --dir <folder>       the key folder (default ${DEV_AUTH_DIR}, or REUSE_PREF_DEV_AUTH_DIR); made if missing

The token goes to stdout alone, so TOKEN=$(reuse-pref token --role receiver) works; the warning and
the JWKS, issuer and audience to verify it with go to stderr. Exit status: 0 printed, 2 usage error.`;

const command: Command = {
  usage,
  async run(args, { stdout, stderr, env }) {
    const { values } = parseCommandArgs(args, {
      options: {
        role: { type: 'string' },
        school: { type: 'string', multiple: true },
        'all-schools': { type: 'boolean' },
        scope: { type: 'string', multiple: true },
        expires: { type: 'string' },
        client: { type: 'string' },
        dir: { type: 'string' },
      },
    });
    const role = values.role;
    if (role === undefined) throw new UsageError(`token needs --role (${TOKEN_ROLES.join(', ')})`);
    if (!Object.hasOwn(ROLE_SCOPES, role))
      throw new UsageError(
        `unknown role '${role}'${didYouMean(role, TOKEN_ROLES)}: ${TOKEN_ROLES.join(', ')}`,
      );
    const schools = values.school ?? (role === 'distributor' ? [] : ['100000']);
    const bad = schools.find((urn) => !/^[0-9]{6}$/.test(urn));
    if (bad !== undefined) throw new UsageError(`--school ${bad}: a school URN is six digits`);
    if (values['all-schools'] && values.school)
      throw new UsageError('give --school or --all-schools, not both');
    const schoolScopes = values['all-schools'] ? ['school:*'] : schools.map((urn) => `school:${urn}`);
    const scopes = [...ROLE_SCOPES[role as TokenRole], ...schoolScopes, ...(values.scope ?? [])];

    const files = await ensureDevKeys(values.dir ?? env.REUSE_PREF_DEV_AUTH_DIR ?? DEV_AUTH_DIR);
    const token = await signDevToken(files, {
      scopes,
      client: values.client ?? `dev-${role}`,
      expiresInSeconds: lifetime(values.expires ?? '1h'),
    });
    stderr.write(
      `reuse-pref token: ${DEV_AUTH_WARNING}.\n` +
        `  scopes: ${scopes.join(' ')}\n` +
        `  verify with: --jwks-file ${files.jwksFile} --issuer ${DEV_ISSUER} --audience ${DEV_AUDIENCE}\n`,
    );
    stdout.write(`${token}\n`);
    return 0;
  },
};

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

function lifetime(text: string): number {
  const match = /^([0-9]+)([smhd])$/.exec(text);
  const seconds = match ? Number(match[1]) * UNITS[match[2]!]! : Number.NaN;
  if (!(seconds > 0) || seconds > 30 * 86_400)
    throw new UsageError(`--expires ${text}: give a lifetime such as 30m, 12h or 7d (at most 30d)`);
  return seconds;
}

export default command;
