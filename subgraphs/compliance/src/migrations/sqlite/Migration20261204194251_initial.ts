import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`compliance_employees\` (\`id\` text not null, \`status\` text not null, \`manager_id\` text null, \`location\` text not null, \`time_zone\` text not null, \`hire_date\` text null, \`termination_date\` text null, \`department\` text null, \`version\` integer not null, \`write_lock\` integer not null default 0, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_employees_manager_id_index\` on \`compliance_employees\` (\`manager_id\`);`);
    this.addSql(`create index \`compliance_employees_department_index\` on \`compliance_employees\` (\`department\`);`);

    this.addSql(`create table \`compliance_late_arrivals\` (\`id\` text not null, \`employee_id\` text not null, \`date\` text not null, \`day_id\` text not null, \`late_by_minutes\` integer not null, \`source_event_id\` text not null, \`received_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`compliance_late_arrivals_day\` on \`compliance_late_arrivals\` (\`employee_id\`, \`date\`);`);

    this.addSql(`create table \`compliance_policy_versions\` (\`id\` text not null, \`kind\` text not null, \`key\` text not null, \`version\` integer not null, \`effective_from\` datetime not null, \`rules\` json not null, \`changed_by\` text not null, \`reason\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_policy_versions_kind_key_effective_from_index\` on \`compliance_policy_versions\` (\`kind\`, \`key\`, \`effective_from\`);`);
    this.addSql(`create unique index \`compliance_policy_versions_kind_key_version_unique\` on \`compliance_policy_versions\` (\`kind\`, \`key\`, \`version\`);`);

    this.addSql(`create table \`compliance_violations\` (\`id\` text not null, \`employee_id\` text not null, \`rule\` text not null, \`message\` text not null, \`from_date\` text not null, \`to_date\` text not null, \`policy_kind\` text null, \`policy_key\` text null, \`policy_version\` integer null, \`source\` text not null, \`source_event_id\` text not null, \`details\` json not null, \`detected_at\` datetime not null, \`status\` text not null, \`closed_at\` datetime null, \`closed_by\` text null, \`closing_note\` text null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_violations_newest\` on \`compliance_violations\` (\`detected_at\`, \`id\`);`);
    this.addSql(`create index \`compliance_violations_employee\` on \`compliance_violations\` (\`employee_id\`, \`rule\`, \`from_date\`);`);
    this.addSql(`create unique index \`compliance_violations_source\` on \`compliance_violations\` (\`source_event_id\`, \`rule\`);`);

    this.addSql(`create table \`compliance_training_assignments\` (\`id\` text not null, \`employee_id\` text not null, \`course_id\` text not null, \`department\` text null, \`due_date\` text not null, \`completed_on\` text null, \`expires_on\` text null, \`version\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_training_assignments_course_id_index\` on \`compliance_training_assignments\` (\`course_id\`);`);
    this.addSql(`create index \`compliance_training_assignments_due_date_id_index\` on \`compliance_training_assignments\` (\`due_date\`, \`id\`);`);
    this.addSql(`create index \`compliance_training_assignments_expires_on_index\` on \`compliance_training_assignments\` (\`expires_on\`);`);
    this.addSql(`create unique index \`compliance_training_assignments_employee_id_course_id_unique\` on \`compliance_training_assignments\` (\`employee_id\`, \`course_id\`);`);

    this.addSql(`create table \`compliance_training_courses\` (\`id\` text not null, \`code\` text not null, \`title\` text not null, \`description\` text null, \`validity_months\` integer null, \`retired\` integer not null default false, \`version\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`compliance_training_courses_code_unique\` on \`compliance_training_courses\` (\`code\`);`);

    this.addSql(`create table \`compliance_training_department_rules\` (\`id\` text not null, \`course_id\` text not null, \`department\` text not null, \`due_date\` text not null, \`lead_days\` integer not null, \`created_at\` datetime not null, \`created_by\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_training_department_rules_department_index\` on \`compliance_training_department_rules\` (\`department\`);`);
    this.addSql(`create unique index \`compliance_training_department_rules_course_id_department_unique\` on \`compliance_training_department_rules\` (\`course_id\`, \`department\`);`);

    this.addSql(`create table \`compliance_training_reminders\` (\`assignment_id\` text not null, \`deadline\` text not null, \`status\` text not null, \`raised_at\` datetime not null, primary key (\`assignment_id\`, \`deadline\`));`);
  }
}
