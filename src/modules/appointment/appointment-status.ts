import { registerEnumType } from 'type-graphql';

/** Appointment status: Flextell's enum. */
export enum AppointmentStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  CANCELLED = 'CANCELLED',
  REJECTED = 'REJECTED',
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(AppointmentStatus, {
  name: 'AppointmentStatus',
  description:
    'Flextell\'s status enum. Allowed moves: PENDING → APPROVED | REJECTED | CANCELLED; APPROVED → COMPLETED | NO_SHOW | CANCELLED; the other four are final. CANCELLED and REJECTED appointments release their practitioner, assistants, room, vehicle and resources.',
  valuesConfig: {
    PENDING: { description: 'Requested, waiting for approval; holds its bookables.' },
    APPROVED: { description: 'Confirmed by the organisation; holds its bookables.' },
    CANCELLED: { description: 'Called off by either side (final); releases its bookables.' },
    REJECTED: { description: 'Declined by the organisation (final); releases its bookables.' },
    COMPLETED: { description: 'Took place (final).' },
    NO_SHOW: { description: 'The customer did not come (final); the slot stays held, it was spent.' },
  },
});

/** The state machine: the only status moves an update may make (spec "Appointment status"). */
export const STATUS_TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  PENDING: [AppointmentStatus.APPROVED, AppointmentStatus.REJECTED, AppointmentStatus.CANCELLED],
  APPROVED: [AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED],
  CANCELLED: [],
  REJECTED: [],
  COMPLETED: [],
  NO_SHOW: [],
};

/** Whether `from → to` is allowed; staying in the same status is not a move and always allowed. */
export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}
