import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { AppointmentStatus } from '../modules/appointment/appointment-status.js';
import { Appointment } from '../modules/appointment/appointment.entity.js';
import { CancellationReason, Case, ClientPackage } from '../modules/care/care.entities.js';
import { Company } from '../modules/company/company.entity.js';
import { Customer } from '../modules/customer/customer.entity.js';
import { Account, TimeBand } from '../modules/field-service/field-service.entities.js';
import { Operation } from '../modules/field-service/operation.entity.js';
import { Property as Premises } from '../modules/field-service/property.entity.js';
import { InteractionDirection, InteractionMethod, InteractionStatus } from '../modules/interaction/interaction-enums.js';
import { Interaction } from '../modules/interaction/interaction.entity.js';
import { Location } from '../modules/location/location.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { createOrganisation, issueToken } from '../modules/organisation/organisation.service.js';
import { Payment, PaymentKind } from '../modules/payment/payment.entity.js';
import { Brand, ProductCategory, ProductType, UnitCode } from '../modules/product/product-lookups.entity.js';
import { Product } from '../modules/product/product.entity.js';
import { Resource, ResourceKind } from '../modules/resource/resource.entity.js';
import { SessionType, Treatment, TreatmentSession } from '../modules/treatment/treatment.entity.js';
import { addMember } from '../modules/user/user.service.js';
import { UserRole } from '../modules/user/user-role.js';
import { User } from '../modules/user/user.entity.js';

/** E-mail of the demo organisation's owner; `npm start` issues a fresh token for it on every start. */
export const DEMO_OWNER_EMAIL = 'demo@kairos.example';

const DEMO_NAME = 'Kairos Demo Clinic';
const DEMO_TIME_ZONE = 'Europe/London';
/** Length of one slot of the demo diary; every demo appointment fits in one slot. */
const SLOT_MINUTES = 45;
/** Slots per day from 09:00 local: the last one ends at 16:30, before 17:00. */
const SLOTS_PER_DAY = 10;
/** The 12:00 slot is the lunch break. */
const LUNCH_SLOT = 4;
const DAYS = 5;

/** Seeds the demo organisation unless any organisation exists. @returns whether it seeded. */
export async function seedDemoIfEmpty(em: EntityManager): Promise<boolean> {
  if ((await em.count(Organisation, {})) > 0) return false;
  await seedDemo(em);
  return true;
}

/**
 * Creates the demo organisation and its data in one transaction: staff, a clinic with rooms, a van
 * and a laser, products and treatments, customers, field-service records, a case and package,
 * interactions and a week of appointments (Monday–Friday of the current UTC week, 09:00–16:30
 * London time) that never double-book a practitioner, assistant, room, vehicle or resource.
 * Everything is deterministic apart from the dates (and ids, codes and the token).
 * @returns the organisation id and an owner token.
 */
export async function seedDemo(em: EntityManager): Promise<{ organisationId: string; token: string }> {
  return em.transactional(async (tem) => {
    const created = await createOrganisation(tem, {
      name: DEMO_NAME,
      timeZone: DEMO_TIME_ZONE,
      currency: 'GBP',
      owner: { name: 'Demo Owner', email: DEMO_OWNER_EMAIL },
    });
    await writeDemoData(tem, created.organisation.id, created.user.id);
    await tem.flush();
    return { organisationId: created.organisation.id, token: created.token };
  });
}

/** A new API token for the demo owner in the demo organisation, or null when there is no demo. */
export async function demoToken(em: EntityManager): Promise<string | null> {
  const owner = await em.findOne(User, { email: DEMO_OWNER_EMAIL });
  const organisation = await em.findOne(Organisation, { name: DEMO_NAME }, { orderBy: { id: 'asc' } });
  if (!owner || !organisation) return null;
  const token = issueToken(em, owner, organisation);
  await em.flush();
  return token;
}

/**
 * The check digit of a Kazakh IIN/BIN for its first 11 digits: Σ dᵢ·i mod 11 (i = 1..11); when that
 * is 10, Σ dᵢ·wᵢ mod 11 with weights 3..11, 1, 2. @returns null when the second sum is 10 as well
 * (no valid number has those 11 digits).
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new Error(`expected 11 digits, got "${first11}"`);
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => digits.reduce((acc, d, i) => acc + d * weights[i]!, 0) % 11;
  const first = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (first !== 10) return first;
  const second = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return second === 10 ? null : second;
}

/**
 * A valid IIN for a person born on `dateOfBirth` (`YYYY-MM-DD`, 1800–2099): YYMMDD, the
 * century/sex digit, the first serial from `serial` whose check digit exists, and the check digit.
 */
export function demoIin(dateOfBirth: string, female: boolean, serial = 1): string {
  const [year, month, day] = dateOfBirth.split('-');
  const century = Math.floor(Number(year) / 100);
  const centuryDigit = { 18: 1, 19: 3, 20: 5 }[century];
  if (!centuryDigit) throw new Error(`no IIN century digit for ${dateOfBirth}`);
  for (let n = serial; n <= 9999; n++) {
    const first11 = `${year!.slice(2)}${month}${day}${centuryDigit + (female ? 1 : 0)}${String(n).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error(`no valid IIN for ${dateOfBirth}`);
}

/** Adds two decimal strings with two places (money), exactly. */
function addMoney(...amounts: string[]): string {
  const pence = amounts.reduce((acc, a) => acc + Math.round(Number(a) * 100), 0);
  return (pence / 100).toFixed(2);
}

/** 00:00 UTC of the Monday of the week containing `now` (weeks start on Monday, in UTC). */
function mondayOfWeekUtc(now: Date): DateTime {
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  return today.minus({ days: today.weekday - 1 });
}

async function writeDemoData(em: EntityManager, organisationId: string, ownerId: string): Promise<void> {
  // Users first: addMember queries, and nothing else of the demo should be pending while it does.
  const practitioners = [
    await addMember(em, organisationId, 'Dr Amelia Hart', 'amelia.hart@kairos.example', UserRole.STAFF),
    await addMember(em, organisationId, 'Dr Rahul Mehta', 'rahul.mehta@kairos.example', UserRole.STAFF),
    await addMember(em, organisationId, 'Dr Chloe Bennett', 'chloe.bennett@kairos.example', UserRole.STAFF),
  ];
  const assistant = await addMember(em, organisationId, 'Grace Whitfield', 'grace.whitfield@kairos.example', UserRole.STAFF);
  await addMember(em, organisationId, 'Oliver Reed', 'reception@kairos.example', UserRole.READ_ONLY);
  const [hart, mehta, bennett] = practitioners as [User, User, User];

  const organisation = em.getReference(Organisation, organisationId);
  const owner = em.getReference(User, ownerId);
  const org = { organisation };

  // Where: the clinic, its rooms, the van for home visits and the laser.
  const location = em.create(Location, { ...org, name: 'Central Clinic', address: '14 Harley Street, London W1G 9PQ, United Kingdom', timeZone: DEMO_TIME_ZONE });
  const rooms = [
    em.create(Resource, { ...org, name: 'Room 1', kind: ResourceKind.ROOM, location }),
    em.create(Resource, { ...org, name: 'Room 2', kind: ResourceKind.ROOM, location }),
  ];
  const van = em.create(Resource, { ...org, name: 'Van 1', kind: ResourceKind.VEHICLE, location });
  const laser = em.create(Resource, { ...org, name: 'Laser A', kind: ResourceKind.EQUIPMENT, location });

  // Products and their lookups.
  const dermaCare = em.create(Brand, { ...org, name: 'DermaCare' });
  const peelPro = em.create(Brand, { ...org, name: 'PeelPro' });
  const gel = em.create(ProductType, { ...org, name: 'Gel', category: 'Topical' });
  const solution = em.create(ProductType, { ...org, name: 'Solution', category: 'Topical' });
  const consumable = em.create(ProductType, { ...org, name: 'Consumable', category: 'Disposables' });
  const skincare = em.create(ProductCategory, { ...org, name: 'Skincare' });
  const clinicalSupplies = em.create(ProductCategory, { ...org, name: 'Clinical supplies' });
  const ml = em.create(UnitCode, { ...org, code: 'ML', name: 'millilitre' });
  const pcs = em.create(UnitCode, { ...org, code: 'PCS', name: 'piece' });
  const coolingGel = em.create(Product, {
    ...org, name: 'Cooling Gel', fullName: 'DermaCare Cooling Gel 250 ml', barcode: '5012345678900', boxQuantity: '12', unitVolume: '250',
    criticalStockLevel: 6, invoiceName: 'Cooling gel', price: '9.50', taxRate: '20', brand: dermaCare, productType: gel, category: skincare, unitCode: ml,
  });
  const glycolic = em.create(Product, {
    ...org, name: 'Glycolic Peel 30%', fullName: 'PeelPro Glycolic Acid Peel 30% 50 ml', barcode: '5012345678917', boxQuantity: '6', unitVolume: '50',
    criticalStockLevel: 3, invoiceName: 'Glycolic peel', price: '42.00', taxRate: '20', brand: peelPro, productType: solution, category: skincare, unitCode: ml,
  });
  const neutraliser = em.create(Product, {
    ...org, name: 'Peel Neutraliser', fullName: 'PeelPro Neutralising Solution 100 ml', barcode: '5012345678924', boxQuantity: '6', unitVolume: '100',
    criticalStockLevel: 3, invoiceName: 'Neutraliser', price: '18.00', taxRate: '20', brand: peelPro, productType: solution, category: skincare, unitCode: ml,
  });
  const applicators = em.create(Product, {
    ...org, name: 'Disposable Applicators', fullName: 'Sterile disposable applicators, box of 100', boxQuantity: '100', unitVolume: '1',
    criticalStockLevel: 200, invoiceName: 'Applicators', price: '0.25', taxRate: '20', brand: dermaCare, productType: consumable, category: clinicalSupplies, unitCode: pcs,
  });

  // Treatments with their session plans.
  const laserTreatment = em.create(Treatment, {
    ...org, name: 'Laser Hair Removal', description: 'Diode laser hair removal, one area.', durationMinutes: 45, price: '85.00', sessionCount: 6,
    extraInfo: { area: 'one', needsEquipment: 'Laser A' },
  });
  const peelTreatment = em.create(Treatment, {
    ...org, name: 'Chemical Peel', description: 'Glycolic acid peel with neutraliser.', durationMinutes: 45, price: '65.00', sessionCount: 4,
  });
  const consultation = em.create(Treatment, {
    ...org, name: 'Skin Consultation', description: 'Assessment and treatment plan.', durationMinutes: 30, price: '40.00', sessionCount: 1,
  });
  laserTreatment.products.add(coolingGel, applicators);
  peelTreatment.products.add(glycolic, neutraliser, applicators);
  consultation.products.add(applicators);
  laserTreatment.users.add(hart, bennett);
  peelTreatment.users.add(mehta, bennett);
  consultation.users.add(hart, mehta, bennett);
  const plan = (treatment: Treatment, steps: [SessionType, number | null][]) => {
    let offset = 0;
    steps.forEach(([sessionType, nextGapDays], i) => {
      em.create(TreatmentSession, { ...org, treatment, sessionOrder: i + 1, sessionType, nextGapDays, offsetDays: offset });
      offset += nextGapDays ?? 0;
    });
  };
  const T = SessionType.TREATMENT;
  const C = SessionType.CONTROL;
  plan(laserTreatment, [[T, 42], [T, 42], [T, 42], [T, 42], [T, 42], [T, 30], [C, null]]);
  plan(peelTreatment, [[T, 14], [T, 14], [T, 14], [T, 28], [C, null]]);
  plan(consultation, [[T, 14], [C, null]]);

  // Customers, one of them with a (computed, valid) Kazakh IIN.
  const company = em.create(Company, { ...org, name: 'Northwind Logistics Ltd' });
  const customerRows: [string, string, string, string, string, string, Partial<Customer>][] = [
    ['Olivia', 'Bennett', '+44 7700 900101', 'olivia.bennett@example.com', '1988-03-14', 'female', { job: 'Architect', preferredContactMethod: InteractionMethod.EMAIL }],
    ['James', 'Carter', '+44 7700 900102', 'james.carter@example.com', '1979-11-02', 'male', { job: 'Logistics manager', company, preferredContactMethod: InteractionMethod.PHONE }],
    ['Amara', 'Okafor', '+44 7700 900103', 'amara.okafor@example.com', '1992-07-21', 'female', { job: 'Nurse', preferredContactMethod: InteractionMethod.SMS }],
    ['Thomas', 'Hughes', '+44 7700 900104', 'thomas.hughes@example.com', '1965-01-30', 'male', { job: 'Retired', preferredContactMethod: InteractionMethod.PHONE }],
    ['Priya', 'Sharma', '+44 7700 900105', 'priya.sharma@example.com', '1995-09-09', 'female', { job: 'Software engineer', company, preferredContactMethod: InteractionMethod.EMAIL }],
    ['Aigerim', 'Nurlanova', '+7 701 555 0106', 'aigerim.nurlanova@example.com', '1990-05-17', 'female', { countryName: 'Kazakhstan', identityNumber: demoIin('1990-05-17', true, 4821), preferredContactMethod: InteractionMethod.CHAT }],
    ['Daniel', 'Murphy', '+44 7700 900107', 'daniel.murphy@example.com', '2001-12-05', 'male', { job: 'Student', preferredContactMethod: InteractionMethod.SMS }],
    ['Sophie', 'Clarke', '+44 7700 900108', 'sophie.clarke@example.com', '1983-06-26', 'female', { job: 'Teacher', preferredContactMethod: InteractionMethod.EMAIL }],
  ];
  const addresses = [
    '8 Canonbury Place, London N1 2NQ', '51 Wapping High Street, London E1W 2YS', '3 Brixton Water Lane, London SW2 1PE', '27 Elm Grove, London SE15 5DE',
    '112 Fulham Palace Road, London W6 9PL', '19 Kensington Church Street, London W8 4LF', '6 Mare Street, London E8 4RP', '40 Highgate Road, London NW5 1NS',
  ];
  const customers = customerRows.map(([firstName, lastName, phoneNumber, email, dateOfBirth, gender, extra], i) =>
    em.create(Customer, { countryName: 'United Kingdom', address: addresses[i]!, ...extra, ...org, firstName, lastName, name: `${firstName} ${lastName}`, phoneNumber, email, dateOfBirth, gender }),
  );
  const hughes = customers[3]!; // home visits under the field-service operation
  const clinicCustomers = customers.filter((c) => c !== hughes);
  const peelCustomer = customers[0]!;

  // Catalogues, field service, care.
  const cancellationReason = em.create(CancellationReason, { ...org, name: 'Customer unwell' });
  const am = em.create(TimeBand, { ...org, name: 'AM', startTime: '08:00', endTime: '12:00' });
  const pm = em.create(TimeBand, { ...org, name: 'PM', startTime: '12:00', endTime: '17:00' });
  const account = em.create(Account, { ...org, reference: 'ACC-100234', name: 'Hughes household', customer: hughes });
  const premises = em.create(Premises, { ...org, address: '27 Elm Grove, London', postcode: 'SE15 5DE', account });
  const operation = em.create(Operation, { ...org, reference: 'OP-2026-001', description: 'Home visits for clients with limited mobility', property: premises });
  const careCase = em.create(Case, { ...org, title: 'Acne scarring course', customer: peelCustomer });
  const clientPackage = em.create(ClientPackage, { ...org, customer: peelCustomer, treatment: peelTreatment, sessionsTotal: 4 });

  // Interactions, around the demo week.
  const monday = mondayOfWeekUtc(new Date());
  const at = (days: number, hour: number, minute = 0) => monday.setZone(DEMO_TIME_ZONE).plus({ days }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
  const interaction = (method: InteractionMethod, direction: InteractionDirection, status: InteractionStatus, dateTime: Date, contact: Customer, representative: User, notes: string, extra: Partial<Interaction> = {}) =>
    em.create(Interaction, { ...org, method, direction, status, contacted: status === InteractionStatus.COMPLETED, dateTime, contact, representative, author: owner, notes, ...extra });
  const bookingCall = interaction(InteractionMethod.PHONE, InteractionDirection.INBOUND, InteractionStatus.COMPLETED, at(-3, 10, 15), peelCustomer, mehta, 'Called to book a course of chemical peels.');
  interaction(InteractionMethod.EMAIL, InteractionDirection.OUTBOUND, InteractionStatus.COMPLETED, at(-1, 16, 0), customers[5]!, hart, 'Sent pre-treatment instructions for laser hair removal.');
  interaction(InteractionMethod.PHONE, InteractionDirection.OUTBOUND, InteractionStatus.SCHEDULED, at(1, 11, 30), hughes, bennett, 'Confirm access arrangements for the home visit.', { account, property: premises });
  interaction(InteractionMethod.SMS, InteractionDirection.OUTBOUND, InteractionStatus.FAILED, at(0, 8, 0), customers[6]!, hart, 'Reminder SMS bounced: number unreachable.');
  interaction(InteractionMethod.IN_PERSON, InteractionDirection.INBOUND, InteractionStatus.COMPLETED, at(2, 12, 20), customers[2]!, mehta, 'Walked in to ask about peel aftercare.');

  // A week of appointments. Every practitioner works on the same 45-minute grid, so appointments can
  // only overlap inside one slot; per slot, the first two practitioners get Room 1 and Room 2, the
  // third (Tuesday and Thursday afternoons only) goes on a home visit with Van 1, and only one
  // appointment uses Laser A and the assistant.
  interface Plan { day: number; slot: number; practitioner: number; treatment: Treatment; homeVisit: boolean; withLaser: boolean }
  const plans: Plan[] = [];
  const menu: Treatment[][] = [
    [laserTreatment, consultation, laserTreatment],
    [peelTreatment, consultation, peelTreatment],
    [laserTreatment, peelTreatment, consultation],
  ];
  for (let day = 0; day < DAYS; day++) {
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      if (slot === LUNCH_SLOT) continue;
      let roomsUsed = 0;
      let laserUsed = false;
      for (let p = 0; p < practitioners.length; p++) {
        if ((day + 2 * p + slot) % 4 === 0) continue; // a free slot
        const homeVisit = roomsUsed === rooms.length;
        // No room left: home visits on Tuesday and Thursday afternoons, admin time otherwise.
        if (homeVisit && !(day % 2 === 1 && slot > LUNCH_SLOT)) continue;
        let treatment = homeVisit ? consultation : menu[p]![(day + slot) % 3]!;
        if (treatment === laserTreatment && laserUsed) treatment = consultation;
        const withLaser = treatment === laserTreatment;
        laserUsed ||= withLaser;
        if (!homeVisit) roomsUsed++;
        plans.push({ day, slot, practitioner: p, treatment, homeVisit, withLaser });
      }
    }
  }

  const firstHomeVisitOfDay = new Set(plans.filter((p, i) => p.homeVisit && !plans.slice(0, i).some((q) => q.homeVisit && q.day === p.day)));
  // The organisation's code counter (src/modules/appointment/appointment.service.ts), moved past every demo appointment at once.
  const [{ last }] = await em.execute<{ last: string }[]>(
    `insert into "organisation_counter" ("organisation_id", "name", "value") values (?, 'appointment_code', ?)
     on conflict ("organisation_id", "name") do update set "value" = "organisation_counter"."value" + excluded."value" returning "value"::text as last`,
    [org.organisation.id, plans.length],
  );
  const firstCode = Number(last) - plans.length + 1;
  let packageSessions = 0;
  let roomCursor = { day: -1, slot: -1, next: 0 };
  plans.forEach((plan, k) => {
    if (roomCursor.day !== plan.day || roomCursor.slot !== plan.slot) roomCursor = { day: plan.day, slot: plan.slot, next: 0 };
    const room = plan.homeVisit ? null : rooms[roomCursor.next++]!;
    const start = monday.setZone(DEMO_TIME_ZONE).plus({ days: plan.day }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).plus({ minutes: plan.slot * SLOT_MINUTES });
    const startsAt = start.toJSDate();
    const endsAt = start.plus({ minutes: plan.treatment.durationMinutes ?? SLOT_MINUTES }).toJSDate();
    // 0, 3 and 6 apart modulo 7: practitioners sharing a slot never see the same customer.
    const customer = firstHomeVisitOfDay.has(plan) ? hughes : clinicCustomers[(plan.day * 3 + plan.slot + plan.practitioner * 3) % clinicCustomers.length]!;
    const status =
      k % 9 === 4 ? AppointmentStatus.CANCELLED
      : plan.day <= 1 ? AppointmentStatus.COMPLETED
      : plan.day === 2 ? AppointmentStatus.APPROVED
      : k % 2 === 0 ? AppointmentStatus.APPROVED : AppointmentStatus.PENDING;
    const confirmed = status === AppointmentStatus.APPROVED || status === AppointmentStatus.COMPLETED;
    const price = plan.treatment.price!;
    const inPackage = !plan.homeVisit && customer === peelCustomer && plan.treatment === peelTreatment && status !== AppointmentStatus.CANCELLED && packageSessions < clientPackage.sessionsTotal;
    if (inPackage && status === AppointmentStatus.COMPLETED) clientPackage.sessionsUsed++;
    if (inPackage) packageSessions++;
    const appointment = em.create(Appointment, {
      ...org,
      code: `APT-${String(firstCode + k).padStart(6, '0')}`,
      startsAt,
      endsAt,
      status,
      confirmed,
      confirmedAt: confirmed ? DateTime.fromJSDate(startsAt).minus({ days: 1 }).toJSDate() : null,
      appointmentType: plan.homeVisit ? 'home-visit' : 'clinic',
      source: 'demo',
      sessionType: inPackage ? SessionType.TREATMENT : null,
      notes: plan.homeVisit ? `Home visit: ${customer.address}.` : null,
      customer,
      company: customer.company ?? null,
      practitioner: practitioners[plan.practitioner]!,
      location: plan.homeVisit ? null : location,
      room,
      vehicle: plan.homeVisit ? van : null,
      operation: customer === hughes ? operation : null,
      timeBand: plan.homeVisit ? (plan.slot < LUNCH_SLOT ? am : pm) : null,
      case: inPackage ? careCase : null,
      clientPackage: inPackage ? clientPackage : null,
      interaction: inPackage && packageSessions === 1 ? bookingCall : null,
      serviceAmount: inPackage ? '0.00' : price,
      cancellationReason: status === AppointmentStatus.CANCELLED ? cancellationReason : null,
      cancellationNote: status === AppointmentStatus.CANCELLED ? 'Customer phoned in unwell.' : null,
      cancelledAt: status === AppointmentStatus.CANCELLED ? DateTime.fromJSDate(startsAt).minus({ hours: 20 }).toJSDate() : null,
      author: owner,
      version: 1,
    });
    appointment.treatments.add(plan.treatment);
    if (plan.withLaser) {
      appointment.resources.add(laser);
      appointment.assistants.add(assistant);
    }
    if (inPackage) return;
    // Money: a deposit on every third booking, the balance on completed ones.
    const deposit = k % 3 === 0 && status !== AppointmentStatus.CANCELLED ? '20.00' : null;
    if (deposit) {
      em.create(Payment, { ...org, appointment, customer: appointment.customer, amount: deposit, paymentMethod: 'card', paymentKind: PaymentKind.PREPAYMENT, paidAt: DateTime.fromJSDate(startsAt).minus({ days: 2 }).toJSDate() });
    }
    if (status === AppointmentStatus.COMPLETED) {
      em.create(Payment, {
        ...org, appointment, customer: appointment.customer, amount: addMoney(price, deposit ? '-20.00' : '0'), paymentMethod: k % 4 === 1 ? 'cash' : 'card',
        paymentKind: PaymentKind.SETTLEMENT, paidAt: endsAt,
      });
    }
  });
}
