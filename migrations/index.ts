import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122024622_initial } from './Migration20261122024622_initial.js';
import { Migration20261122032000_allocation_turns } from './Migration20261122032000_allocation_turns.js';
import { Migration20261122035045_practitioner_window } from './Migration20261122035045_practitioner_window.js';
import { Migration20261130131859_availability } from './Migration20261130131859_availability.js';
import { Migration20261130132158_invitations_token_lifecycle } from './Migration20261130132158_invitations_token_lifecycle.js';
import { Migration20261130133500_hardening } from './Migration20261130133500_hardening.js';
import { Migration20261130142630_catalogue_archive } from './Migration20261130142630_catalogue_archive.js';
import { Migration20261130155205_member_deactivation } from './Migration20261130155205_member_deactivation.js';
import { Migration20261130155529_outbox } from './Migration20261130155529_outbox.js';
import { Migration20261130155533_series } from './Migration20261130155533_series.js';
import { Migration20261130162407_waitlist } from './Migration20261130162407_waitlist.js';
import { Migration20261130171835_webhooks } from './Migration20261130171835_webhooks.js';
import { Migration20261130184307_hold_sweep_and_replay } from './Migration20261130184307_hold_sweep_and_replay.js';
import { Migration20261130193030_webhook_secret_rotation } from './Migration20261130193030_webhook_secret_rotation.js';

/** Every migration, in order. A new migration file must be added here (the CLI prints its class name). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122024622_initial', class: Migration20261122024622_initial },
  { name: 'Migration20261122032000_allocation_turns', class: Migration20261122032000_allocation_turns },
  { name: 'Migration20261122035045_practitioner_window', class: Migration20261122035045_practitioner_window },
  { name: 'Migration20261130131859_availability', class: Migration20261130131859_availability },
  { name: 'Migration20261130132158_invitations_token_lifecycle', class: Migration20261130132158_invitations_token_lifecycle },
  { name: 'Migration20261130133500_hardening', class: Migration20261130133500_hardening },
  { name: 'Migration20261130142630_catalogue_archive', class: Migration20261130142630_catalogue_archive },
  { name: 'Migration20261130155205_member_deactivation', class: Migration20261130155205_member_deactivation },
  { name: 'Migration20261130155529_outbox', class: Migration20261130155529_outbox },
  { name: 'Migration20261130155533_series', class: Migration20261130155533_series },
  { name: 'Migration20261130162407_waitlist', class: Migration20261130162407_waitlist },
  { name: 'Migration20261130171835_webhooks', class: Migration20261130171835_webhooks },
  { name: 'Migration20261130184307_hold_sweep_and_replay', class: Migration20261130184307_hold_sweep_and_replay },
  { name: 'Migration20261130193030_webhook_secret_rotation', class: Migration20261130193030_webhook_secret_rotation },
];
