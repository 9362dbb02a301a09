import type { JobDefinition } from '../types';
import type { JobRunnerContext } from './createJobRunner';
import { checkDraft, scheduleJob } from './scheduleJob';

/** Schedules what the job's `plan` returns; a failing plan is logged, never thrown. */
export async function planJob(context: JobRunnerContext, definition: JobDefinition): Promise<void> {
  if (!definition.plan) return;
  try {
    const at = context.now();
    for (const draft of definition.plan(at)) {
      checkDraft(draft, context.names);
      await context.exclusive(() => scheduleJob(context.fork(), draft, at));
    }
  } catch (error) {
    context.logger.error(
      { subgraph: context.subgraph, job: definition.name, err: error },
      'job plan failed',
    );
  }
}
