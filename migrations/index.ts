import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122024622_initial } from './Migration20261122024622_initial.js';

/** Every migration, in order. A new migration file must be added here (the CLI prints its class name). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122024622_initial', class: Migration20261122024622_initial },
];
