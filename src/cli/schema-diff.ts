import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const execFileAsync = promisify(execFile);

/** How much a schema change can hurt existing clients, as @graphql-inspector/core judges it. */
export type Criticality = 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';

/** One difference between two schemas. */
export interface SchemaChange {
  /** @graphql-inspector's change type, e.g. `FIELD_REMOVED`, `FIELD_ARGUMENT_TYPE_CHANGED`. */
  type: string;
  /** The schema coordinate, e.g. `Appointment.notes` or `Query.appointments.first`. */
  path?: string;
  message: string;
  /** Why the change is breaking or dangerous, when the inspector says. */
  reason?: string;
}

/** Every change, grouped by criticality. */
export type ChangesByCriticality = Record<Criticality, SchemaChange[]>;

/** What `kairos schema:diff` prints. */
export interface SchemaDiffReport {
  /** The git ref the committed schema was compared with. */
  base: string;
  /** The SDL file compared, relative to the checkout. */
  schema: string;
  breaking: number;
  dangerous: number;
  nonBreaking: number;
  changes: ChangesByCriticality;
}

/**
 * Compares two SDL documents and groups every change by criticality. BREAKING changes fail clients
 * that worked before (a removed field, an argument that became required); DANGEROUS ones may change
 * their behaviour (an enum value added to an output type); NON_BREAKING ones cannot hurt them.
 */
export async function diffSchemas(oldSdl: string, newSdl: string): Promise<ChangesByCriticality> {
  const changes = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  const grouped: ChangesByCriticality = { BREAKING: [], DANGEROUS: [], NON_BREAKING: [] };
  for (const change of changes) {
    grouped[change.criticality.level as Criticality].push({
      type: change.type,
      ...(change.path ? { path: change.path } : {}),
      message: change.message,
      ...(change.criticality.reason ? { reason: change.criticality.reason } : {}),
    });
  }
  return grouped;
}

/** The content of `file` at git `ref` (`git show ref:file`), run in the checkout at `cwd`. */
export async function readSchemaAt(ref: string, file: string, cwd = process.cwd()): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', ['show', `${ref}:${file}`], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`cannot read ${file} at ${ref}: ${stderr || (error as Error).message}`);
  }
}

/**
 * `kairos schema:diff [REF]`: compares the working copy of `file` with the same file at `ref`
 * (default `main`), so a branch can be checked for breaking changes before it is merged.
 */
export async function schemaDiffCommand(ref = 'main', file = 'schema/schema.graphql', cwd = process.cwd()): Promise<SchemaDiffReport> {
  const [oldSdl, newSdl] = await Promise.all([readSchemaAt(ref, file, cwd), readFile(path.resolve(cwd, file), 'utf8')]);
  const changes = await diffSchemas(oldSdl, newSdl);
  return {
    base: ref,
    schema: file,
    breaking: changes.BREAKING.length,
    dangerous: changes.DANGEROUS.length,
    nonBreaking: changes.NON_BREAKING.length,
    changes,
  };
}
