import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox (issue 15, docs/subscriptions.md): `outbox_event`, written in the transaction
 * of every visible change. Its trigger takes a transaction-scoped advisory lock per organisation
 * before it draws the row's id, so within one organisation ids follow commit order (a reader that has
 * seen id n never later meets a smaller one committing), and queues `NOTIFY kairos_outbox, '<organisation id>'`,
 * which PostgreSQL delivers at commit (never for a rollback) to every listening instance.
 */
export class Migration20261130155529_outbox extends Migration {

  override name = 'Migration20261130155529_outbox';

  override up(): void | Promise<void> {
    this.addSql(`create table "outbox_event" ("id" bigserial primary key, "organisation_id" uuid not null, "type" text not null, "object_id" text not null, "object_version" int null, "occurred_at" timestamptz not null default now(), "payload" jsonb not null, "changes" jsonb null);`);
    this.addSql(`create index "outbox_event_organisation_id_id_index" on "outbox_event" ("organisation_id", "id");`);

    this.addSql(`alter table "outbox_event" add constraint "outbox_event_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);

    // The id default drew a number before the lock; the trigger draws again under it (a gap is harmless).
    this.addSql(`create function outbox_event_sequence() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('kairos.outbox:' || new.organisation_id::text, 0));
  new.id := nextval(pg_get_serial_sequence('outbox_event', 'id'));
  perform pg_notify('kairos_outbox', new.organisation_id::text);
  return new;
end $$;`);
    this.addSql(`create trigger outbox_event_sequence before insert on "outbox_event" for each row execute function outbox_event_sequence();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "outbox_event" cascade;`);
    this.addSql(`drop function if exists outbox_event_sequence();`);
  }

}
