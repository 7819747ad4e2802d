import { Migration } from '@mikro-orm/migrations';

export class Migration20261122035045_practitioner_window extends Migration {

  override name = 'Migration20261122035045_practitioner_window';

  override up(): void | Promise<void> {
    this.addSql(`create index "appointment_organisation_id_practitioner_id_starts_at_id_index" on "appointment" ("organisation_id", "practitioner_id", "starts_at", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "appointment_organisation_id_practitioner_id_starts_at_id_index";`);
  }

}
