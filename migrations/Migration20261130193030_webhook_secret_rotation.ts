import { Migration } from '@mikro-orm/migrations';

export class Migration20261130193030_webhook_secret_rotation extends Migration {

  override name = 'Migration20261130193030_webhook_secret_rotation';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook_endpoint" add "previous_secret" text null, add "previous_secret_expires_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_endpoint" drop column "previous_secret", drop column "previous_secret_expires_at";`);
  }

}
