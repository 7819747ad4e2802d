import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CREATE, makeResource, makeTreatment, makeUser, ok } from './fixtures.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Counting clinic');
});
afterAll(() => app?.stop());

/** `insert appointment`, `select membership`, `begin`…: what a logged statement does, and to which table. */
function shape(logged: string): string {
  const sql = logged.replace(/^\[query\]\s*/, '');
  if (/^(begin|commit|rollback)\b/.test(sql)) return sql.split(/\s/)[0]!;
  if (/^with /.test(sql)) return `with ${/insert into "(\w+)"/.exec(sql)?.[1]}`;
  const match = /^(insert into|update|delete from)\s+"?(\w+)"?/.exec(sql) ?? /^(select)\b.*?\bfrom\s+"?(\w+)"?/.exec(sql);
  return match ? `${match[1]!.split(' ')[0]} ${match[2]}` : sql.slice(0, 60);
}

describe('SQL statements per createAppointment', () => {
  /** The logged statements of one create with `n` assistants, resources and treatments. */
  let statementsFor: (n: number, keyed?: boolean) => Promise<string[]>;

  beforeAll(async () => {
    const doctor = await makeUser(app, org, 'Dr Count');
    const nurses = await Promise.all([1, 2, 3].map((i) => makeUser(app, org, `Nurse ${i}`)));
    const room = await makeResource(app, org, 'Count room', 'ROOM');
    const kit = await Promise.all([1, 2, 3].map((i) => makeResource(app, org, `Kit ${i}`, 'EQUIPMENT')));
    const treatments = await Promise.all([1, 2, 3].map((i) => makeTreatment(app, org, `Treatment ${i}`, { price: '10' })));
    const ids = (list: { id: string }[], n: number) => list.slice(0, n).map((x) => x.id);
    statementsFor = async (n, keyed = true) => {
      const input = {
        practitionerId: doctor.id, roomId: room.id, assistantIds: ids(nurses, n), resourceIds: ids(kit, n), treatmentIds: ids(treatments, n),
        startsAt: `2033-0${keyed ? 1 : 2}-0${n}T09:00:00Z`, serviceAmount: '100', prepaidAmount: '20', settlementAmount: '80', ...(keyed ? { idempotencyKey: `count-${n}` } : {}),
      };
      app.resetQueries();
      ok(await app.gql(CREATE('id'), { input }, { token: org.token }), 'createAppointment');
      return app.queries.map(shape);
    };
  });

  it('runs a fixed number of statements, whatever the number of treatments, resources and assistants', async () => {
    const one = await statementsFor(1);
    const three = await statementsFor(3);
    console.log(`statements per createAppointment: ${one.length} with 1 treatment/resource/assistant, ${three.length} with 3\n  ${three.join('\n  ')}`);

    expect(three).toEqual(one);
    expect(one).toEqual([
      'select api_token', // the token's user, membership and organisation
      'begin',
      'insert idempotency_key', // claims the key (waits for a concurrent claimer)
      'select app_user', // every link at once: practitioner, assistants, room, resources, treatments
      'select working_hours', // the availability facts: schedules, time off, busy ranges, performers (src/modules/scheduling)
      'with appointment_assistant', // one statement: pivots, payments, history event, outbox events, the key's result and the appointment with its code; row triggers write the allocations
      'commit',
    ]);
  });

  it('runs four statements and no explicit transaction without an idempotency key: the one write is its own transaction', async () => {
    const one = await statementsFor(1, false);
    const three = await statementsFor(3, false);
    expect(three).toEqual(one);
    expect(one).toEqual(['select api_token', 'select app_user', 'select working_hours', 'with appointment_assistant']);
  });
});
