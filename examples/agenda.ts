import type { KairosClient } from './client.js';
import { PractitionerWeekDocument, type PractitionerWeekQuery } from './generated/graphql.js';

type AgendaAppointment = PractitionerWeekQuery['appointments']['edges'][number]['node'];

/**
 * A practitioner's agenda for `[from, to)` as text lines, reading every page of the connection:
 * `2023-11-08 09:00–09:45 APT-000002 PENDING Ada Lovelace · Physiotherapy · paid 40 (PAID)`.
 * `pageSize` is the `first` of each request (Kairos allows 1–100).
 */
export async function practitionerAgenda(client: KairosClient, practitionerId: string, from: string, to: string, pageSize = 50): Promise<string[]> {
  const lines: string[] = [];
  let after: string | null = null;
  do {
    // Annotated because `after` flows from one page into the next request, which TypeScript cannot infer.
    const { appointments }: PractitionerWeekQuery = await client.execute(PractitionerWeekDocument, { practitionerId, from, to, first: pageSize, after });
    for (const { node } of appointments.edges) lines.push(agendaLine(node));
    after = appointments.pageInfo.hasNextPage ? appointments.pageInfo.endCursor : null;
  } while (after);
  return lines;
}

function agendaLine(appointment: AgendaAppointment): string {
  // Kairos answers in UTC; a real calendar would show the organisation's time zone.
  const time = (at: string) => new Date(at).toISOString().slice(11, 16);
  const who = appointment.customer?.name ?? 'no customer';
  const what = appointment.treatments.map((treatment) => treatment.name).join(', ') || 'no treatment';
  return `${appointment.startsAt.slice(0, 10)} ${time(appointment.startsAt)}–${time(appointment.endsAt)} ${appointment.code} ${appointment.status} ${who} · ${what} · paid ${appointment.amountPaid} (${appointment.paymentStatus})`;
}
