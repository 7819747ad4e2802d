import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireViewer, type Context } from '../../app/context.js';
import { notFound, UserErrorCode, UserErrorList, UserErrorsException, UserError } from '../../shared/errors.js';
import { filterIdOf, fromGlobalId, toGlobalId } from '../../shared/global-id.js';
import { runMutation } from '../../shared/mutation.js';
import { ConnectionArgs, paginate } from '../../shared/pagination.js';
import { Customer } from '../customer/customer.entity.js';
import { Hold } from '../scheduling/hold.entity.js';
import { AvailabilityInput, BookableRequirement } from '../scheduling/scheduling.inputs.js';
import { OutboxEventType, stageEvent } from '../events/outbox.js';
import { availability, checkBooking, holdPayload, isAllocationConflict } from '../scheduling/scheduling.service.js';
import { BookableType } from '../scheduling/working-hours.entity.js';
import { User } from '../user/user.entity.js';
import { currentLimits } from './series.limits.js';
import { WaitlistEntry, WaitlistStatus } from './waitlist.entity.js';
import type { JoinWaitlistInput, LeaveWaitlistInput, WaitlistFilter } from './waitlist.inputs.js';

const DAY_MS = 86_400_000;
/** How long an offer is held, in seconds: the default `ttlSeconds` of createHold (availability issue). */
const OFFER_TTL_SECONDS = 300;
/** Waiting entries tried per freed slot: the first in join order that fits gets it. */
const CANDIDATES = 50;

function search(entry: Pick<WaitlistEntry, 'treatmentIds' | 'requirements'>, from: Date, to: Date): AvailabilityInput {
  return Object.assign(new AvailabilityInput(), {
    from, to, treatmentIds: entry.treatmentIds, includeUnavailable: false,
    requirements: entry.requirements.map((r) => Object.assign(new BookableRequirement(), r)),
  });
}

/**
 * Offers a freed range `[start, end)` to the first waiting entry, in join order, that the availability
 * engine can place in it within its own window: a hold for the entry's customer on the first slot,
 * written in a savepoint under the exclusion constraint. Each entry is taken with
 * `FOR UPDATE SKIP LOCKED` and its status checked again, so concurrent frees offer distinct entries
 * and no entry gets two offers. `except` are entries that must not get this slot (a lapsed offer's).
 * @returns the entry offered, or null.
 */
export async function offerFreedSlot(em: EntityManager, ctx: Context, start: Date, end: Date, except: string[] = []): Promise<WaitlistEntry | null> {
  const now = new Date();
  const candidates = await em.find(WaitlistEntry, {
    status: WaitlistStatus.WAITING, expiresAt: { $gt: now }, windowStartsAt: { $lt: end }, windowEndsAt: { $gt: start }, ...(except.length ? { id: { $nin: except } } : {}),
  }, { orderBy: { id: 'asc' }, limit: CANDIDATES });
  for (const entry of candidates) {
    const locked = await em.execute<{ id: string }[]>(`select id from waitlist_entry where id = ? and status = 'WAITING' for update skip locked`, [entry.id]);
    if (locked.length === 0) continue;
    const from = new Date(Math.max(start.getTime(), entry.windowStartsAt.getTime(), now.getTime()));
    const to = new Date(Math.min(end.getTime(), entry.windowEndsAt.getTime()));
    if (to <= from) continue;
    const found = await availability(ctx, search(entry, from, to), em);
    const slot = found.slots.find((s) => s.endsAt.getTime() <= entry.windowEndsAt.getTime());
    if (!slot) continue;
    const bookables = slot.bookables.map((b) => ({ id: (b as { id: string }).id, type: b instanceof User ? BookableType.User : BookableType.Resource })) as Hold['bookables'];
    try {
      const hold = await em.transactional(async (inner) => {
        const treatments = entry.treatmentIds.map((g) => ({ id: fromGlobalId(g)!.id }));
        const checked = await checkBooking(inner as EntityManager, ctx, {
          startsAt: slot.startsAt, endsAt: slot.endsAt, locationId: null, treatments: treatments as never,
          bookables: bookables.map((b) => ({ id: b.id, type: b.type as 'User' | 'Resource', name: b.id })),
        });
        const created = inner.create(Hold, {
          organisation: ctx.viewer!.organisationId, startsAt: slot.startsAt, endsAt: slot.endsAt, expiresAt: new Date(Date.now() + OFFER_TTL_SECONDS * 1000),
          bufferBeforeMinutes: checked.bufferBeforeMinutes, bufferAfterMinutes: checked.bufferAfterMinutes, bookables, customer: entry.customer, idempotencyKey: null,
        });
        await inner.flush();
        return created;
      });
      stageEvent(em, { type: OutboxEventType.HOLD_CREATED, objectId: toGlobalId('Hold', hold.id), payload: () => holdPayload(em, hold) });
      entry.status = WaitlistStatus.OFFERED;
      entry.offer = em.getReference(Hold, hold.id);
      await em.flush();
      return entry;
    } catch (error) {
      if (error instanceof UserErrorsException || isAllocationConflict(error)) continue;
      throw error;
    }
  }
  return null;
}

/** Expired holds ended per call of {@link expireHolds} from a write that frees slots; the sweeper's batch is its own. */
export const LAZY_EXPIRY_BATCH = 20;

/** How a hold ends: `releaseHold` (or leaveWaitlist) removes it; expiry keeps the row, marked swept. */
export type HoldEnding = 'released' | 'expired';

/**
 * Ends a hold and gives its range to the waitlist, the one rule for every way a hold ends unused
 * (`releaseHold`, leaveWaitlist, expiry through the sweeper or a write that frees slots):
 * - a waitlist offer's entry waits again, keeping its place, and the range goes to the next entry in
 *   join order, never back to it (nor to `except`);
 * - `released`: the hold is deleted; `expired`: it is kept with `sweptAt` (a booking may still name
 *   it, and gets the slot only when nobody else took it);
 * - one event, `hold.released` or `hold.expired`; none when the hold's expiry was already processed
 *   (releasing a swept hold only deletes it).
 * The hold must be locked by the caller. It is ended before the offer is searched, so the search sees the range free.
 */
export async function endHold(em: EntityManager, ctx: Context, hold: Hold, ending: HoldEnding, except: string[] = []): Promise<void> {
  const declined = await em.find(WaitlistEntry, { offer: hold.id, status: WaitlistStatus.OFFERED });
  for (const entry of declined) {
    entry.status = WaitlistStatus.WAITING;
    entry.offer = null;
  }
  if (!hold.sweptAt) {
    const type = ending === 'released' ? OutboxEventType.HOLD_RELEASED : OutboxEventType.HOLD_EXPIRED;
    stageEvent(em, { type, objectId: toGlobalId('Hold', hold.id), payload: () => holdPayload(em, hold) });
  }
  if (ending === 'released') em.remove(hold);
  else hold.sweptAt = new Date();
  await em.flush();
  await offerFreedSlot(em, ctx, hold.startsAt, hold.endsAt, [...except, ...declined.map((e) => e.id)]);
}

/**
 * Ends up to `limit` of the organisation's expired holds not yet swept, oldest expiry first, through
 * {@link endHold} (`hold.expired`, a lapsed offer passed to the next entry, an ordinary hold's range
 * offered). Each hold is taken with `FOR UPDATE SKIP LOCKED`, so concurrent sweeps (the sweeper of
 * several instances, and writes that free slots) never end one hold twice: a hold another
 * transaction holds is left to it. Runs in the caller's transaction. @returns how many it ended.
 */
export async function expireHolds(em: EntityManager, ctx: Context, limit: number): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from hold where organisation_id = ? and swept_at is null and expires_at <= clock_timestamp()
      order by expires_at, id limit ? for update skip locked`,
    [ctx.viewer!.organisationId, limit],
  );
  if (rows.length === 0) return 0;
  const holds = await em.find(Hold, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { expiresAt: 'asc', id: 'asc' } });
  for (const hold of holds) await endHold(em, ctx, hold, 'expired');
  return holds.length;
}

/** A range `[start, end)` an appointment or hold no longer holds. */
export interface FreedRange { start: Date; end: Date }

/**
 * Gives freed ranges to the waitlist in the caller's transaction: expired holds are ended first
 * ({@link expireHolds}, at most LAZY_EXPIRY_BATCH), so an entry whose offer lapsed since the sweeper's
 * last run waits again in its place and is not skipped; then each range is offered in turn
 * ({@link offerFreedSlot}). `except` are entries that must not get these ranges. When nothing expired
 * and nothing waits this costs one query, plus one per range.
 */
export async function offerFreedSlots(em: EntityManager, ctx: Context, ranges: FreedRange[], except: string[] = []): Promise<void> {
  await expireHolds(em, ctx, LAZY_EXPIRY_BATCH);
  for (const range of ranges) await offerFreedSlot(em, ctx, range.start, range.end, except);
}

/**
 * `joinWaitlist`: VALIDATION for `to` not after `from` or more than WAITLIST_MAX_WINDOW_DAYS (90) after
 * it, an `expiresAt` in the past, no treatments; the ids are checked by a search of the window's
 * first day (NOT_FOUND, VALIDATION for a bad requirement). Ends expired holds first ({@link expireHolds}).
 */
export function joinWaitlist(ctx: Context, input: JoinWaitlistInput) {
  return runMutation(ctx, async (em) => {
    const errors = new UserErrorList();
    const span = input.to.getTime() - input.from.getTime();
    const { maxWaitlistDays } = currentLimits();
    if (span <= 0) errors.add(UserErrorCode.VALIDATION, 'to must be after from.', ['input', 'to']);
    else if (span > maxWaitlistDays * DAY_MS) errors.add(UserErrorCode.VALIDATION, `A waitlist window is at most ${maxWaitlistDays} days.`, ['input', 'to']);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) errors.add(UserErrorCode.VALIDATION, 'expiresAt must be in the future.', ['input', 'expiresAt']);
    if (input.treatmentIds.length === 0) errors.add(UserErrorCode.VALIDATION, 'treatmentIds must name at least one treatment.', ['input', 'treatmentIds']);
    errors.throwIfAny();
    const decoded = fromGlobalId(input.customerId);
    const customer = decoded?.type === 'Customer' ? await em.findOne(Customer, decoded.id) : null;
    if (!customer) throw notFound('Customer', input.customerId, 'customerId');
    const requirements = input.requirements.map((r) => ({ anyOf: r.anyOf, count: r.count }));
    const probe = await availability(ctx, search({ treatmentIds: input.treatmentIds, requirements }, input.from, new Date(Math.min(input.to.getTime(), input.from.getTime() + DAY_MS))), em);
    if (probe.userErrors.length) throw new UserErrorsException(probe.userErrors.map((e) => UserError.of(e.code, e.message, e.field)));
    await expireHolds(em, ctx, LAZY_EXPIRY_BATCH);
    const entry = em.create(WaitlistEntry, {
      organisation: ctx.viewer!.organisationId, customer, treatmentIds: input.treatmentIds, requirements,
      windowStartsAt: input.from, windowEndsAt: input.to, expiresAt: input.expiresAt ?? input.to,
    });
    return { result: entry };
  });
}

/** `leaveWaitlist`: status LEFT; an open offer's hold is released ({@link endHold}) and its slot offered to the next entry. @throws NOT_FOUND. */
export function leaveWaitlist(ctx: Context, input: LeaveWaitlistInput) {
  return runMutation(ctx, async (em) => {
    const decoded = fromGlobalId(input.id);
    const entry = decoded?.type === 'WaitlistEntry' ? await em.findOne(WaitlistEntry, decoded.id, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['offer'] }) : null;
    if (!entry) throw notFound('WaitlistEntry', input.id, 'id');
    const offer = entry.status === WaitlistStatus.OFFERED && entry.offer ? await em.findOneOrFail(Hold, entry.offer.id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    entry.status = WaitlistStatus.LEFT;
    entry.offer = null;
    await em.flush();
    if (offer) await endHold(em, ctx, offer, 'released', [entry.id]);
    await expireHolds(em, ctx, LAZY_EXPIRY_BATCH);
    return { result: entry };
  });
}

/** `waitlistEntries(filter)`: the organisation's entries in join order (keyset cursors). */
export function waitlistEntries(ctx: Context, args: ConnectionArgs, filter: WaitlistFilter | null | undefined) {
  requireViewer(ctx);
  const where: Record<string, unknown> = {};
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.customerId) where.customer = filterIdOf(filter.customerId, 'Customer');
  return paginate(ctx.em, WaitlistEntry, where, args, ['id']);
}
