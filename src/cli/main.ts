import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createSchema, printPublishedSchema } from '../app/schema.js';
import { loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { initOrm, migrate } from '../db/orm.js';
import { seedDemo } from '../demo/seed-demo.js';
import { ApiToken } from '../modules/auth/api-token.entity.js';
import { expiryProblem, issueApiToken, MAX_TOKEN_NAME_LENGTH, parseDuration, tokenJson } from '../modules/auth/api-token.service.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { createOrganisation, InvalidArgument, issueToken } from '../modules/organisation/organisation.service.js';
import { Membership } from '../modules/user/membership.entity.js';
import { UserRole } from '../modules/user/user-role.js';
import { User } from '../modules/user/user.entity.js';
import { addMember, validateUser } from '../modules/user/user.service.js';
import { fromGlobalId, toGlobalId } from '../shared/global-id.js';

/**
 * The `kairos` command line (`npm run --silent kairos -- <command>`). Every command honours
 * DATABASE_URL, prints one JSON document on stdout and exits non-zero with a one-line error on stderr.
 */
const USAGE = `usage: kairos <command>
  org create --name NAME [--time-zone IANA] [--currency ISO4217] [--owner-name NAME] [--owner-email EMAIL]
  user create --org ORG_ID --name NAME --email EMAIL --role OWNER|ADMIN|STAFF|READ_ONLY
  token create --user USER_ID [--org ORG_ID] [--name LABEL] [--expires-in 30d|12h|45m|2w]
  token list [--user USER_ID] [--org ORG_ID]
  token revoke --id TOKEN_ID
  migrate
  seed-demo
  schema [--out FILE]
  schema:diff [GIT_REF]
  migration:create [NAME]`;

const options = {
  name: { type: 'string' }, 'time-zone': { type: 'string' }, currency: { type: 'string' },
  'owner-name': { type: 'string' }, 'owner-email': { type: 'string' }, org: { type: 'string' },
  email: { type: 'string' }, role: { type: 'string' }, user: { type: 'string' }, out: { type: 'string' },
  'expires-in': { type: 'string' }, id: { type: 'string' },
} as const;

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new InvalidArgument(`--${name} is required`);
  return value;
}

/** Accepts a global id or a bare UUID. */
function uuidArg(value: string, type: string, flag: string): string {
  const decoded = fromGlobalId(value);
  if (decoded && decoded.type === type) return decoded.id;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return value.toLowerCase();
  throw new InvalidArgument(`--${flag}: "${value}" is not a ${type} id`);
}

async function withOrm<T>(work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig(), undefined, { share: true });
  try {
    const orm = await initOrm({ clientUrl: db.url });
    try {
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await db.close();
  }
}

const userJson = (user: User, role: UserRole) => ({ id: toGlobalId('User', user.id), name: user.name, email: user.email, role });

async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const command = positionals.slice(0, positionals[0] === 'org' || positionals[0] === 'user' || positionals[0] === 'token' ? 2 : 1).join(' ');
  switch (command) {
    case 'org create': {
      const name = required(values, 'name');
      return withOrm(async (orm) => {
        await migrate(orm);
        const { organisation, user, token } = await createOrganisation(orm.em.fork(), {
          name,
          timeZone: values['time-zone'],
          currency: values.currency,
          owner: { name: values['owner-name'] ?? `${name} owner`, email: values['owner-email'] ?? `owner-${Date.now().toString(36)}@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'org'}.example` },
        });
        return {
          organisation: { id: toGlobalId('Organisation', organisation.id), name: organisation.name, timeZone: organisation.timeZone, currency: organisation.currency },
          user: userJson(user, UserRole.OWNER),
          token,
        };
      });
    }
    case 'user create': {
      const organisationId = uuidArg(required(values, 'org'), 'Organisation', 'org');
      const name = required(values, 'name');
      const email = required(values, 'email');
      const role = required(values, 'role').toUpperCase() as UserRole;
      if (!Object.values(UserRole).includes(role)) throw new InvalidArgument(`--role must be one of ${Object.values(UserRole).join(', ')}`);
      const errors = validateUser(name, email).errors;
      if (errors.length) throw new InvalidArgument(errors[0]!.message);
      return withOrm(async (orm) => {
        await migrate(orm);
        return orm.em.fork().transactional(async (em) => {
          const organisation = await em.findOne(Organisation, { id: organisationId });
          if (!organisation) throw new InvalidArgument(`--org: organisation ${values.org} not found`);
          const user = await addMember(em, organisationId, name, email, role);
          const token = issueToken(em, user, organisation);
          await em.flush();
          const membership = await em.findOneOrFail(Membership, { user, organisation }, { filters: false });
          return { user: userJson(user, membership.role), token };
        });
      });
    }
    case 'token create': {
      const userId = uuidArg(required(values, 'user'), 'User', 'user');
      const name = values.name;
      if (name !== undefined && (!name.trim() || name.length > MAX_TOKEN_NAME_LENGTH)) throw new InvalidArgument(`--name must be 1–${MAX_TOKEN_NAME_LENGTH} characters`);
      let expiresAt: Date | null = null;
      if (values['expires-in'] !== undefined) {
        try {
          expiresAt = new Date(Date.now() + parseDuration(values['expires-in']));
        } catch (error) {
          throw new InvalidArgument(`--expires-in: ${(error as Error).message}`);
        }
        const problem = expiryProblem(expiresAt);
        if (problem) throw new InvalidArgument(`--expires-in: ${problem}`);
      }
      return withOrm(async (orm) => {
        await migrate(orm);
        return orm.em.fork().transactional(async (em) => {
          const memberships = await em.find(Membership, { user: userId }, { filters: false, orderBy: { id: 'asc' } });
          const organisationId = values.org ? uuidArg(values.org, 'Organisation', 'org') : memberships[0]?.organisation.id;
          if (!organisationId || !memberships.some((m) => m.organisation.id === organisationId)) {
            throw new InvalidArgument(`--user: user ${values.user} is not a member of ${values.org ? `organisation ${values.org}` : 'any organisation'}`);
          }
          const { secret, apiToken } = issueApiToken(em, { user: userId, organisation: organisationId, name, expiresAt });
          await em.flush();
          return { token: secret, apiToken: tokenJson(apiToken) };
        });
      });
    }
    case 'token list': {
      const where: Record<string, string> = {};
      if (values.user) where.user = uuidArg(values.user, 'User', 'user');
      if (values.org) where.organisation = uuidArg(values.org, 'Organisation', 'org');
      return withOrm(async (orm) => {
        await migrate(orm);
        const tokens = await orm.em.fork().find(ApiToken, where, { orderBy: { id: 'asc' } });
        return { tokens: tokens.map(tokenJson) };
      });
    }
    case 'token revoke': {
      const id = uuidArg(required(values, 'id'), 'ApiToken', 'id');
      return withOrm(async (orm) => {
        await migrate(orm);
        return orm.em.fork().transactional(async (em) => {
          const token = await em.findOne(ApiToken, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!token) throw new InvalidArgument(`--id: token ${values.id} not found`);
          token.revokedAt ??= new Date();
          await em.flush();
          return { apiToken: tokenJson(token) };
        });
      });
    }
    case 'migrate':
      return withOrm(async (orm) => ({ applied: await migrate(orm) }));
    case 'seed-demo':
      return withOrm(async (orm) => {
        await migrate(orm);
        const { organisationId, token } = await seedDemo(orm.em.fork());
        return { organisation: { id: toGlobalId('Organisation', organisationId) }, token };
      });
    case 'schema': {
      const sdl = printPublishedSchema(await createSchema());
      const out = values.out ?? 'schema/schema.graphql';
      await writeFile(out, sdl);
      return { written: out, bytes: Buffer.byteLength(sdl) };
    }
    case 'schema:diff': {
      // Loaded on demand: @graphql-inspector/core is a devDependency that no other command needs.
      const { schemaDiffCommand } = await import('./schema-diff.js');
      const report = await schemaDiffCommand(positionals[1]);
      if (report.breaking) {
        // The report is the answer either way; the exit status is what CI acts on.
        process.exitCode = 1;
        process.stderr.write(`kairos: ${report.breaking} breaking schema change${report.breaking === 1 ? '' : 's'} against ${report.base}\n`);
      }
      return report;
    }
    case 'migration:create':
      return withOrm(async (orm) => {
        const result = await orm.migrator.create('migrations', false, false, positionals[1]);
        return { fileName: result.fileName, note: 'add the class to migrations/index.ts' };
      });
    default:
      throw new InvalidArgument(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  }
}

run(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(process.exitCode ?? 0);
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`kairos: ${message.split('\n')[0]}\n`);
    process.exit(1);
  },
);
