import { registerEnumType } from 'type-graphql';

/** How a contact happened (Ctrl-Hub interaction `method`). */
export enum InteractionMethod {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  SMS = 'SMS',
  LETTER = 'LETTER',
  IN_PERSON = 'IN_PERSON',
  CHAT = 'CHAT',
}
registerEnumType(InteractionMethod, { name: 'InteractionMethod', description: 'Channel of a contact (Ctrl-Hub `method`, e.g. `email`).' });

/** Who started the contact (Ctrl-Hub `direction`). */
export enum InteractionDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(InteractionDirection, { name: 'InteractionDirection', description: 'INBOUND: the customer contacted us; OUTBOUND: we contacted the customer.' });

/** State of a contact (Ctrl-Hub `status`). */
export enum InteractionStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}
registerEnumType(InteractionStatus, { name: 'InteractionStatus', description: 'State of a contact (Ctrl-Hub `status`, e.g. `scheduled`).' });
