export { createScheduler, type Scheduler, type SchedulerOptions } from './createScheduler';
export { ScheduledJob, type ScheduledJobStatus } from './ScheduledJob';
export { scheduleJob } from './scheduleJob';
