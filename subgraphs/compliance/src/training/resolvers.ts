import type { ComplianceContext, ComplianceResolvers } from '../resolvers';
import type { ComplianceSettings } from '../settings';
import { assignTraining, type AssignTrainingInput } from './assignTraining';
import { commandMutations } from '../commandMutations';
import { importTrainingCompletions, recordTrainingCompletion } from './completions';
import { createCourse, listCourses, updateCourse } from './courses';
import type { TrainingAssignment } from './entities';
import { courseOf, listAssignments, trainingOf, type AssignmentFilter } from './queries';
import { statusOf, trainingToday } from './status';

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** The training part's queries, mutations and fields. */
export function trainingResolvers(settings: ComplianceSettings): ComplianceResolvers {
  return {
    Query: {
      trainingCourses: (
        _: unknown,
        args: PageArgs & { includeRetired?: boolean },
        ctx: ComplianceContext,
      ) => listCourses(ctx, args),
      trainingAssignments: (
        _: unknown,
        args: PageArgs & { filter?: AssignmentFilter | null },
        ctx: ComplianceContext,
      ) => listAssignments(ctx, settings, args),
    },
    Mutation: {
      ...commandMutations(settings, {
        createTrainingCourse: createCourse,
        updateTrainingCourse: updateCourse,
        recordTrainingCompletion,
        importTrainingCompletions,
      }),
      assignTraining: async (
        _: unknown,
        args: { input: AssignTrainingInput },
        ctx: ComplianceContext,
      ) => ({
        assignments: await assignTraining(ctx, settings, args.input),
      }),
    },
    TrainingAssignment: {
      employee: (a: TrainingAssignment) => ({ id: a.employeeId }),
      course: (a: TrainingAssignment, _: unknown, ctx: ComplianceContext) =>
        courseOf(ctx, a.courseId),
      status: (a: TrainingAssignment) =>
        statusOf(a, trainingToday(settings.now()), settings.trainingReminderDays),
    },
    Employee: {
      // A reference costs nothing here: the fields check access per employee.
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      training: (employee: { id: string }, _: unknown, ctx: ComplianceContext) =>
        trainingOf(ctx, employee.id),
    },
  } as ComplianceResolvers;
}
