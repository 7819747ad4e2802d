import { Migration } from '@mikro-orm/migrations';

/**
 * The hold sweeper (issue 16, issue 15): `hold.swept_at` marks an expired hold whose expiry was
 * processed (event written, range offered to the waitlist), with a partial index over the holds still
 * to sweep. And `idempotency_key.answer`: what a series' or plan's first answer said about the
 * occurrences it did not book, so a replay answers the same.
 */
export class Migration20261130184307_hold_sweep_and_replay extends Migration {

  override name = 'Migration20261130184307_hold_sweep_and_replay';

  override up(): void | Promise<void> {
    this.addSql(`alter table "idempotency_key" add "answer" jsonb null;`);

    this.addSql(`alter table "hold" add "swept_at" timestamptz null;`);
    this.addSql(`create index "hold_sweep_index" on "hold" ("expires_at") where "swept_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "hold_sweep_index";`);
    this.addSql(`alter table "hold" drop column "swept_at";`);

    this.addSql(`alter table "idempotency_key" drop column "answer";`);
  }

}
