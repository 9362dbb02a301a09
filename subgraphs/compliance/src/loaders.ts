import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import {
  type CopyLoaders,
  createCopyLoaders,
  employeeRowsLoader,
  idLoader,
} from '../../../runtime';
import { EmployeeCopySchema, type EmployeeCopy } from './entities';
import {
  TrainingAssignmentSchema,
  TrainingCourseSchema,
  type TrainingAssignment,
  type TrainingCourse,
} from './training/entities';

/** Per-request batches: N employees' copies, chains, training or courses cost one query each. */
export interface ComplianceLoaders extends CopyLoaders<EmployeeCopy> {
  /** A person's assignments, by due date. */
  training: DataLoader<string, TrainingAssignment[]>;
  /** Courses by id. */
  course: DataLoader<string, TrainingCourse | null>;
}

export function createLoaders({ em }: { em: EntityManager }): ComplianceLoaders {
  return {
    ...createCopyLoaders(em, EmployeeCopySchema),
    training: employeeRowsLoader(em, TrainingAssignmentSchema, { dueDate: 'asc', id: 'asc' }),
    course: idLoader(em, TrainingCourseSchema),
  };
}
