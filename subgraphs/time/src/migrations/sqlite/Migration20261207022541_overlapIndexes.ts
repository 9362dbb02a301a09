import { Migration } from '@mikro-orm/migrations';

export class Migration20261207022541_overlapIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`time_entries_employee_end\` on \`time_entries\` (\`employee_id\`, \`end_time\`);`);
  }

}
