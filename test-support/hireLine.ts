/** A harness that hires people into its copy of employees, under `managerId` when given. */
interface Hiring {
  hire(fields?: { managerId?: string | null }): Promise<string>;
}

/**
 * A reporting line: a boss, a lead who reports to them, and a person who reports to the lead,
 * as reads and writes that managers above may make need.
 */
export async function hireLine(h: Hiring): Promise<[boss: string, lead: string, report: string]> {
  const boss = await h.hire();
  const lead = await h.hire({ managerId: boss });
  return [boss, lead, await h.hire({ managerId: lead })];
}
