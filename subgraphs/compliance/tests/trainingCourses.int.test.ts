import { onlyError } from '../../../test-support/startSubgraph';
import { asEmployee, auditor, hr, startCompliance } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const CREATE = `mutation ($input: CreateTrainingCourseInput!) {
  createTrainingCourse(input: $input) { id code title description validityMonths retired }
}`;
const UPDATE = `mutation ($input: UpdateTrainingCourseInput!) {
  updateTrainingCourse(input: $input) { id code title validityMonths retired }
}`;
const LIST = `query ($first: Int, $after: String, $includeRetired: Boolean) {
  trainingCourses(first: $first, after: $after, includeRetired: $includeRetired) {
    nodes { code retired } pageInfo { endCursor hasNextPage }
  }
}`;

describe('training courses', () => {
  const h = suiteHarness(startCompliance);

  it('HR creates a course, and the change is told in compliance.course.created', async () => {
    const reply = await h.gql(CREATE, {
      input: { code: 'FIRE-SAFETY', title: ' Fire safety ', validityMonths: 12 },
    });
    expect(reply.errors).toBeUndefined();
    const course = reply.data!.createTrainingCourse;
    expect(course).toMatchObject({
      code: 'FIRE-SAFETY',
      title: 'Fire safety',
      description: null,
      validityMonths: 12,
      retired: false,
    });
    const [event] = await h.eventsAbout(course.id, 'compliance.course.created');
    expect(event!.data).toMatchObject({ courseId: course.id, code: 'FIRE-SAFETY', version: 1 });
  });

  it('refuses a code taken, bad codes, titles and validities, naming the field', async () => {
    const taken = onlyError(await h.gql(CREATE, { input: { code: 'FIRE-SAFETY', title: 'x' } }));
    expect(taken.extensions!.code).toBe('CONFLICT');
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'FIRE SAFETY', title: 'x' }, 'input.code'],
      [{ code: '', title: 'x' }, 'input.code'],
      [{ code: 'OK1', title: '   ' }, 'input.title'],
      [{ code: 'OK1', title: 'x', validityMonths: 0 }, 'input.validityMonths'],
      [{ code: 'OK1', title: 'x', validityMonths: 121 }, 'input.validityMonths'],
    ];
    for (const [input, field] of cases) {
      const error = onlyError(await h.gql(CREATE, { input }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('changes, retires and brings back a course; only HR and ADMIN may', async () => {
    const { id } = (await h.gql(CREATE, { input: { code: 'MANUAL_HANDLING', title: 'Lifting' } }))
      .data!.createTrainingCourse;
    const changed = await h.gql(UPDATE, {
      input: { id, title: 'Manual handling', validityMonths: 36, retired: true },
    });
    expect(changed.data!.updateTrainingCourse).toMatchObject({
      title: 'Manual handling',
      validityMonths: 36,
      retired: true,
    });
    const [event] = await h.eventsAbout(id, 'compliance.course.updated');
    expect(event!.data).toMatchObject({
      version: 2,
      changes: {
        title: { old: 'Lifting', new: 'Manual handling' },
        retired: { old: false, new: true },
      },
    });
    const active = await h.gql(LIST, {});
    expect(active.data!.trainingCourses.nodes.map((c: { code: string }) => c.code)).not.toContain(
      'MANUAL_HANDLING',
    );
    const all = await h.gql(LIST, { includeRetired: true }, asEmployee('someone'));
    expect(all.data!.trainingCourses.nodes.map((c: { code: string }) => c.code)).toContain(
      'MANUAL_HANDLING',
    );
    const back = await h.gql(UPDATE, { input: { id, retired: false } });
    expect(back.data!.updateTrainingCourse.retired).toBe(false);

    const forbidden = onlyError(await h.gql(UPDATE, { input: { id, title: 'x' } }, auditor));
    expect(forbidden.extensions!.code).toBe('FORBIDDEN');
    const missing = onlyError(await h.gql(UPDATE, { input: { id: 'nope', title: 'x' } }, hr));
    expect(missing.extensions!.code).toBe('NOT_FOUND');
  });

  it('counts the courses listed, retired ones only when asked for, the same on every page', async () => {
    const COUNTED = `query ($first: Int, $includeRetired: Boolean) {
      trainingCourses(first: $first, includeRetired: $includeRetired) { totalCount nodes { code } }
    }`;
    const { id } = (await h.gql(CREATE, { input: { code: 'OLD', title: 'Old course' } })).data!
      .createTrainingCourse;
    await h.gql(UPDATE, { input: { id, retired: true } });
    const counted = async (includeRetired: boolean) => {
      const whole = (await h.gql(COUNTED, { first: 500, includeRetired })).data!.trainingCourses;
      const one = (await h.gql(COUNTED, { first: 1, includeRetired })).data!.trainingCourses;
      expect(one.totalCount).toBe(whole.totalCount);
      expect(whole.totalCount).toBe(whole.nodes.length);
      return whole.totalCount;
    };
    expect(await counted(true)).toBe((await counted(false)) + 1);
  });

  it('pages courses by code, and refuses partners', async () => {
    for (const code of ['A1', 'A2', 'A3'])
      await h.gql(CREATE, { input: { code, title: `Course ${code}` } });
    const first = (await h.gql(LIST, { first: 2 })).data!.trainingCourses;
    expect(first.nodes.map((c: { code: string }) => c.code)).toEqual(['A1', 'A2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await h.gql(LIST, { first: 2, after: first.pageInfo.endCursor })).data!
      .trainingCourses;
    expect(next.nodes.map((c: { code: string }) => c.code)).toEqual(['A3', 'FIRE-SAFETY']);
    const partner = onlyError(await h.gql(LIST, {}, { role: 'PARTNER', sub: 'p1' }));
    expect(partner.extensions!.code).toBe('FORBIDDEN');
  });
});
