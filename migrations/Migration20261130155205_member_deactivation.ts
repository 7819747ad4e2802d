import { Migration } from '@mikro-orm/migrations';

/**
 * Members can be deactivated per organisation (issue 13 item 3, `deactivateMember`): `deactivated_at`
 * on the membership, null for every existing member (all stay active).
 */
export class Migration20261130155205_member_deactivation extends Migration {

  override name = 'Migration20261130155205_member_deactivation';

  override up(): void | Promise<void> {
    this.addSql(`alter table "membership" add "deactivated_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "membership" drop column "deactivated_at";`);
  }

}
