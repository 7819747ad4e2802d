import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kind, parse, print, visit, type ASTVisitor } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSchemas, schemaDiffCommand } from '../../src/cli/schema-diff.js';

const run = promisify(execFile);
let published: string;

beforeAll(async () => {
  published = await readFile('schema/schema.graphql', 'utf8');
});

/** The published schema with one edit applied to its AST. */
function edited(edit: ASTVisitor): string {
  return print(visit(parse(published), edit));
}

const withoutAppointmentNotes = () =>
  edited({
    ObjectTypeDefinition: (node) => (node.name.value === 'Appointment' ? { ...node, fields: node.fields?.filter((f) => f.name.value !== 'notes') } : undefined),
  });

describe('diffSchemas', () => {
  it('finds nothing between a schema and itself', async () => {
    expect(await diffSchemas(published, published)).toEqual({ BREAKING: [], DANGEROUS: [], NON_BREAKING: [] });
  });

  it('reports a removed field as BREAKING', async () => {
    const changes = await diffSchemas(published, withoutAppointmentNotes());
    expect(changes.BREAKING).toEqual([expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Appointment.notes' })]);
    expect(changes.BREAKING[0]!.message).toContain('notes');
  });

  it('reports an argument that became required as BREAKING', async () => {
    const sdl = edited({
      FieldDefinition: (node) =>
        node.name.value === 'appointments'
          ? { ...node, arguments: node.arguments?.map((arg) => (arg.name.value === 'first' ? { ...arg, type: { kind: Kind.NON_NULL_TYPE, type: arg.type } } : arg)) }
          : undefined,
    });
    const changes = await diffSchemas(published, sdl);
    // Query.appointments and Customer.appointments both take `first`.
    expect(changes.BREAKING.map((c) => c.path).sort()).toEqual(['Customer.appointments.first', 'Query.appointments.first']);
    expect(changes.BREAKING.every((c) => c.type === 'FIELD_ARGUMENT_TYPE_CHANGED')).toBe(true);
  });

  it('reports an added field as NON_BREAKING and nothing else', async () => {
    const sdl = published.replace(/^type Appointment implements Node \{$/m, 'type Appointment implements Node {\n  """Room for a new answer field."""\n  travelMinutes: Int');
    expect(sdl).not.toBe(published);
    const changes = await diffSchemas(published, sdl);
    expect(changes).toEqual({
      BREAKING: [],
      DANGEROUS: [],
      // The new field's description is a second, also harmless, change.
      NON_BREAKING: expect.arrayContaining([expect.objectContaining({ type: 'FIELD_ADDED', path: 'Appointment.travelMinutes' })]),
    });
  });

  it('reports a value added to an output enum as DANGEROUS (exhaustive switches in clients miss it)', async () => {
    const sdl = edited({
      EnumTypeDefinition: (node) =>
        node.name.value === 'AppointmentStatus' ? { ...node, values: [...(node.values ?? []), { kind: Kind.ENUM_VALUE_DEFINITION, name: { kind: Kind.NAME, value: 'ON_HOLD' } }] } : undefined,
    });
    const changes = await diffSchemas(published, sdl);
    expect(changes.BREAKING).toEqual([]);
    expect(changes.DANGEROUS).toEqual([expect.objectContaining({ type: 'ENUM_VALUE_ADDED', path: 'AppointmentStatus.ON_HOLD' })]);
  });
});

describe('schemaDiffCommand (npm run schema:diff)', () => {
  let repo: string;
  const git = (...args: string[]) => run('git', ['-c', 'user.name=Kairos Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo });

  beforeAll(async () => {
    repo = await mkdtemp(path.join(os.tmpdir(), 'kairos-schema-diff-'));
    await git('init', '--quiet', '--initial-branch=main');
    await mkdir(path.join(repo, 'schema'));
    await writeFile(path.join(repo, 'schema/schema.graphql'), published);
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'published schema');
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('compares the working copy with the schema committed on main', async () => {
    await writeFile(path.join(repo, 'schema/schema.graphql'), withoutAppointmentNotes());
    const report = await schemaDiffCommand(undefined, undefined, repo);
    expect(report).toMatchObject({ base: 'main', schema: 'schema/schema.graphql', breaking: 1, dangerous: 0, nonBreaking: 0 });
    expect(report.changes.BREAKING[0]).toMatchObject({ type: 'FIELD_REMOVED', path: 'Appointment.notes' });
  });

  it('accepts another ref, and names the ref it cannot read', async () => {
    await git('tag', 'v1');
    expect((await schemaDiffCommand('v1', 'schema/schema.graphql', repo)).base).toBe('v1');
    await expect(schemaDiffCommand('origin/main', 'schema/schema.graphql', repo)).rejects.toThrow(/cannot read schema\/schema\.graphql at origin\/main/);
  });
});
