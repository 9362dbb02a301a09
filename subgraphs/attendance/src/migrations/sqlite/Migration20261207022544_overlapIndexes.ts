import { Migration } from '@mikro-orm/migrations';

export class Migration20261207022544_overlapIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`attendance_entries_employee_out\` on \`attendance_entries\` (\`employee_id\`, \`check_out_time\`);`);
  }

}
