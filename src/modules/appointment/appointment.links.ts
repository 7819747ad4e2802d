import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../../shared/errors.js';
import { fromGlobalId } from '../../shared/global-id.js';
import { retiredRefusal } from '../../shared/retired.js';
import { CancellationReason, Case, ClientPackage } from '../care/care.entities.js';
import { Company } from '../company/company.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { TimeBand } from '../field-service/field-service.entities.js';
import { Operation } from '../field-service/operation.entity.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { Location } from '../location/location.entity.js';
import { Resource, type ResourceKind } from '../resource/resource.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';
import { deactivatedSql, Membership } from '../user/membership.entity.js';
import { User } from '../user/user.entity.js';
import { Appointment } from './appointment.entity.js';

/** What the booking rules read of a linked row: its id, and for some kinds a few columns more. */
export interface LinkedRow {
  id: string;
  /** Users, resources, treatments, time bands. */
  name?: string;
  /** Resources: ROOM, VEHICLE, EQUIPMENT… (seed 001's room and vehicle rules). */
  kind?: ResourceKind;
  /** Treatments: minutes, or null when it has no fixed length (the end computed from treatments). */
  durationMinutes?: number | null;
  /** Treatments: the service rules the availability engine reads (src/modules/scheduling). */
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  minimumNoticeMinutes?: number;
  bookingHorizonDays?: number | null;
  slotIntervalMinutes?: number | null;
  /** Time bands: local `HH:MM` (OUTSIDE_TIME_BAND, seed 000). */
  startTime?: string;
  endTime?: string;
}

/** Every link an appointment input can name: its field, the entity, and what the rules read of it. */
const LINKS = [
  { key: 'author', field: 'authorId', entity: User, member: true },
  { key: 'customer', field: 'customerId', entity: Customer },
  { key: 'practitioner', field: 'practitionerId', entity: User, member: true, extra: ['name'] },
  { key: 'assistants', field: 'assistantIds', entity: User, member: true, many: true, extra: ['name'] },
  { key: 'location', field: 'locationId', entity: Location },
  { key: 'room', field: 'roomId', entity: Resource, extra: ['name', 'kind'] },
  { key: 'vehicle', field: 'vehicleId', entity: Resource, extra: ['name', 'kind'] },
  { key: 'resources', field: 'resourceIds', entity: Resource, many: true, extra: ['name', 'kind'] },
  { key: 'treatments', field: 'treatmentIds', entity: Treatment, many: true, extra: ['name', 'durationMinutes', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'minimumNoticeMinutes', 'bookingHorizonDays', 'slotIntervalMinutes'] },
  { key: 'interaction', field: 'interactionId', entity: Interaction },
  { key: 'operation', field: 'operationId', entity: Operation },
  { key: 'timeBand', field: 'timeBandId', entity: TimeBand, extra: ['name', 'startTime', 'endTime'] },
  { key: 'case', field: 'caseId', entity: Case },
  { key: 'clientPackage', field: 'clientPackageId', entity: ClientPackage },
  { key: 'company', field: 'companyId', entity: Company },
  { key: 'parentAppointment', field: 'parentAppointmentId', entity: Appointment },
  { key: 'cancellationReason', field: 'cancellationReasonId', entity: CancellationReason },
] as const satisfies readonly { key: string; field: string; entity: EntityClass<object>; member?: boolean; many?: boolean; extra?: readonly string[] }[];

type Spec = (typeof LINKS)[number];
type SingleKey = Exclude<Spec, { many: true }>['key'];
type ManyKey = Extract<Spec, { many: true }>['key'];

/** The links of an appointment input, each resolved in the caller's organisation; undefined when not given, null when cleared. */
export type ResolvedLinks = { [K in SingleKey]?: LinkedRow | null } & { [K in ManyKey]?: LinkedRow[] };

/** The input fields {@link resolveLinks} reads (create and update inputs both have them; `authorId` only create). */
export type LinkInput = { [K in Spec['field']]?: (K extends `${string}Ids` ? readonly string[] : string) | null };

/** The link keys that name one row, with their entity: what `updateAppointment` turns into references. */
export const SINGLE_LINKS = LINKS.filter((s): s is Extract<Spec, { key: SingleKey }> => !('many' in s)).map((s) => ({ key: s.key as SingleKey, entity: s.entity as EntityClass<object> }));

function branchSql(meta: EntityMetadata, spec: Spec, membership: EntityMetadata): string {
  const column = (property: string) => `t."${meta.properties[property as never]!.fieldNames[0]}"`;
  const extra = 'extra' in spec ? `json_build_object(${spec.extra.map((p) => `'${p}', ${column(p)}`).join(', ')})` : 'null::json';
  const scope = 'member' in spec
    ? `join "${membership.tableName}" m on m."${membership.properties.user.fieldNames[0]}" = t.id where m."${membership.properties.organisation.fieldNames[0]}" = ?`
    : `where ${column('organisation')} = ?`;
  const retired = 'member' in spec
    ? deactivatedSql('m')
    : 'archivedAt' in meta.properties ? `${column('archivedAt')} is not null` : 'deletedAt' in meta.properties && spec.entity !== Appointment ? `${column('deletedAt')} is not null` : 'false';
  return `select ? as link, t.id, ${extra} as extra, ${retired} as retired from "${meta.tableName}" t ${scope} and t.id in (?)`;
}

/**
 * Resolves every link id of an appointment input in **one statement** (a `union all` with a branch
 * per link given), scoped to `organisationId`: users through their membership of the organisation,
 * everything else by its `organisation_id`. A list is deduplicated and keeps its order.
 * @throws GraphQLError NOT_FOUND (with `extensions.field`) for the first id, in field order, that is
 * malformed, of another type, or not in the organisation.
 * @throws UserErrorsException VALIDATION ({@link retiredRefusal}) for an archived treatment, resource or location, an erased
 * customer, or a member deactivated in the organisation (practitioner, assistant, author).
 */
export async function resolveLinks(em: EntityManager, organisationId: string, input: LinkInput): Promise<ResolvedLinks> {
  const metadata = em.getMetadata();
  const membership = metadata.get(Membership);
  const wanted: { spec: Spec; globalIds: string[]; ids: (string | null)[] }[] = [];
  const branches: string[] = [];
  const params: unknown[] = [];
  for (const spec of LINKS) {
    const given = input[spec.field];
    if (given == null) continue;
    const globalIds = typeof given === 'string' ? [given] : [...new Set(given)];
    const typeName = spec.entity.name;
    const ids = globalIds.map((g) => {
      const decoded = fromGlobalId(g);
      return decoded?.type === typeName ? decoded.id : null;
    });
    wanted.push({ spec, globalIds, ids });
    const valid = ids.filter((id): id is string => id !== null);
    if (valid.length === 0) continue;
    branches.push(branchSql(metadata.get(spec.entity as EntityClass<object>), spec, membership));
    params.push(spec.key, organisationId, valid);
  }
  const rows = branches.length ? await em.execute<{ link: string; id: string; extra: Omit<LinkedRow, 'id'> | null; retired: boolean }[]>(branches.join(' union all '), params) : [];
  const found = new Map(rows.map((row) => [`${row.link}:${row.id}`, { id: row.id, ...row.extra }]));
  const retired = new Set(rows.filter((row) => row.retired).map((row) => `${row.link}:${row.id}`));

  const links: Record<string, LinkedRow | LinkedRow[] | null> = {};
  for (const spec of LINKS) if (input[spec.field] === null && !('many' in spec)) links[spec.key] = null;
  for (const { spec, globalIds, ids } of wanted) {
    const resolved = ids.map((id, i) => {
      const row = id === null ? undefined : found.get(`${spec.key}:${id}`);
      if (!row) throw notFound(spec.entity.name, globalIds[i]!, spec.field);
      if (retired.has(`${spec.key}:${id}`)) throw retiredRefusal(spec.entity.name, globalIds[i]!, spec.field);
      return row;
    });
    links[spec.key] = 'many' in spec ? resolved : resolved[0]!;
  }
  return links as ResolvedLinks;
}
