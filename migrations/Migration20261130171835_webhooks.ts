import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook endpoints and deliveries, and the fan-out: an `AFTER INSERT` trigger on `outbox_event` writes,
 * in the transaction of the change, one `webhook_delivery` per enabled endpoint of the organisation that
 * takes the event's type, and queues (graphile-worker `add_job`) the job that delivers the endpoint's
 * pending events of that object in order. The job key and queue are per endpoint and object: one job at
 * a time drains an object's deliveries, and `preserve_run_at` keeps a retry's back-off when a newer
 * event of the object arrives. graphile-worker's schema is installed at start (src/modules/webhooks/
 * webhook-worker.ts); the trigger calls it only for organisations that have an endpoint.
 */

export class Migration20261130171835_webhooks extends Migration {

  override name = 'Migration20261130171835_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create type "webhook_delivery_status" as enum ('PENDING', 'DELIVERED', 'FAILED');`);
    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "url" text not null, "event_types" text[] not null, "description" text null, "secret" text not null, "consecutive_failures" int not null default 0, "disabled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_organisation_id_index" on "webhook_endpoint" ("organisation_id");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "endpoint_id" uuid not null, "event_id" bigint not null, "event_type" text not null, "object_id" text not null, "body" jsonb not null, "status" "webhook_delivery_status" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz null default now(), "last_status_code" int null, "last_response_ms" int null, "last_error" text null, "delivered_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_organisation_id_index" on "webhook_delivery" ("organisation_id");`);
    this.addSql(`create index "webhook_delivery_endpoint_id_object_id_event_id_index" on "webhook_delivery" ("endpoint_id", "object_id", "event_id");`);

    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on delete cascade;`);

    this.addSql(`create function outbox_event_webhooks() returns trigger language plpgsql as $$
declare
  endpoint record;
begin
  -- Delivery ids are UUIDv7 like every other key (time-ordered: the connection's order is creation order).
  for endpoint in
    select id from webhook_endpoint
    where organisation_id = new.organisation_id and disabled_at is null
      and (cardinality(event_types) = 0 or new.type = any(event_types))
  loop
    insert into webhook_delivery (id, created_at, updated_at, organisation_id, endpoint_id, event_id, event_type, object_id, body)
    values (encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid, now(), now(), new.organisation_id, endpoint.id, new.id, new.type, new.object_id,
      jsonb_build_object('type', new.type, 'timestamp', to_char(new.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', new.payload));
    perform graphile_worker.add_job('webhook_deliver', json_build_object('endpointId', endpoint.id, 'objectId', new.object_id),
      queue_name => 'webhook:' || endpoint.id || ':' || new.object_id, job_key => 'webhook:' || endpoint.id || ':' || new.object_id,
      job_key_mode => 'preserve_run_at');
  end loop;
  return null;
end $$;`);
    this.addSql(`create trigger outbox_event_webhooks after insert on "outbox_event" for each row execute function outbox_event_webhooks();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists outbox_event_webhooks on "outbox_event";`);
    this.addSql(`drop function if exists outbox_event_webhooks();`);
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop type "webhook_delivery_status";`);
  }

}
