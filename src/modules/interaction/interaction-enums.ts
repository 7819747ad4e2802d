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
registerEnumType(InteractionMethod, {
  name: 'InteractionMethod',
  description: 'Channel of a contact (Ctrl-Hub `method`, e.g. `email`).',
  valuesConfig: {
    EMAIL: { description: 'An e-mail (Ctrl-Hub `email`).' },
    PHONE: { description: 'A phone call.' },
    SMS: { description: 'A text message.' },
    LETTER: { description: 'A letter on paper.' },
    IN_PERSON: { description: 'A meeting face to face.' },
    CHAT: { description: 'A chat or messenger conversation.' },
  },
});

/** Who started the contact (Ctrl-Hub `direction`). */
export enum InteractionDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(InteractionDirection, {
  name: 'InteractionDirection',
  description: 'Who started the contact (Ctrl-Hub `direction`).',
  valuesConfig: {
    INBOUND: { description: 'The customer contacted us.' },
    OUTBOUND: { description: 'We contacted the customer.' },
  },
});

/** State of a contact (Ctrl-Hub `status`). */
export enum InteractionStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}
registerEnumType(InteractionStatus, {
  name: 'InteractionStatus',
  description: 'State of a contact (Ctrl-Hub `status`, e.g. `scheduled`).',
  valuesConfig: {
    SCHEDULED: { description: 'Planned for `scheduledAt`, not yet happened.' },
    COMPLETED: { description: 'Happened.' },
    CANCELLED: { description: 'Called off before it happened.' },
    FAILED: { description: 'Attempted but did not reach the customer (no answer, bounced).' },
  },
});
