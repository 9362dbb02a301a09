import {
  DEFAULT_NAMESPACE,
  MessagingConfigError,
  allDeadLettersSubject,
  allEventsSubject,
  createEvent,
  createNamespace,
  deadLetterStream,
  deadLetterSubject,
  eventsStream,
  filterSubjectFor,
  subjectFor,
  subjectMatches,
  typeFromSubject,
} from '..';
import { createTestNamespace } from '../testing';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createEvent', () => {
  const draft = { type: 'employees.employee.terminated', subject: 'e-1', data: { version: 3 } };

  it('fills the CloudEvents attributes from the draft and the meta', () => {
    const before = Date.now();
    const event = createEvent(draft, {
      source: '/subgraphs/employees',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      actor: 'user-7',
      requestId: 'req-9',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    expect(event).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(UUID_V7),
      source: '/subgraphs/employees',
      type: 'employees.employee.terminated',
      subject: 'e-1',
      time: expect.any(String),
      datacontenttype: 'application/json',
      dataschema: 'urn:hr:events:employees.employee.terminated:v1',
      dataversion: 1,
      correlationid: 'corr-1',
      causationid: 'cause-1',
      actor: 'user-7',
      requestid: 'req-9',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      data: { version: 3 },
    });
    // RFC 3339 with an offset, and now.
    expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(event.time)).toBeLessThanOrEqual(Date.now());
  });

  it('leaves out extensions the meta does not give and honours dataversion', () => {
    const event = createEvent(
      { ...draft, dataversion: 2 },
      { source: '/subgraphs/x', correlationId: 'c' },
    );
    for (const extension of ['causationid', 'actor', 'requestid', 'traceparent']) {
      expect(event).not.toHaveProperty(extension);
    }
    expect(event.dataversion).toBe(2);
    expect(event.dataschema).toBe('urn:hr:events:employees.employee.terminated:v2');
  });

  it('gives ids that sort in creation order', () => {
    const ids = Array.from(
      { length: 200 },
      () => createEvent(draft, { source: '/subgraphs/x', correlationId: 'c' }).id,
    );
    expect(new Set(ids).size).toBe(200);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('namespaces and names', () => {
  it('uses the bare production names by default', () => {
    expect(createNamespace()).toBe(DEFAULT_NAMESPACE);
    expect(eventsStream(DEFAULT_NAMESPACE)).toBe('HR_EVENTS');
    expect(deadLetterStream(DEFAULT_NAMESPACE)).toBe('HR_DLQ');
    expect(allEventsSubject(DEFAULT_NAMESPACE)).toBe('hr.>');
    expect(allDeadLettersSubject(DEFAULT_NAMESPACE)).toBe('hrdlq.>');
    expect(subjectFor('leave.request.approved', DEFAULT_NAMESPACE)).toBe(
      'hr.leave.request.approved',
    );
    expect(deadLetterSubject(DEFAULT_NAMESPACE, 'audit_log')).toBe('hrdlq.audit_log');
  });

  it('prefixes streams and subjects of a named namespace', () => {
    const ns = createNamespace('Ab12');
    expect(ns).toEqual({ streamPrefix: 'AB12_', subjectPrefix: 'ab12.' });
    expect(eventsStream(ns)).toBe('AB12_HR_EVENTS');
    expect(deadLetterStream(ns)).toBe('AB12_HR_DLQ');
    expect(allEventsSubject(ns)).toBe('ab12.hr.>');
    expect(subjectFor('employees.employee.created', ns)).toBe('ab12.hr.employees.employee.created');
    expect(typeFromSubject('ab12.hr.employees.employee.created', ns)).toBe(
      'employees.employee.created',
    );
    expect(typeFromSubject('hr.employees.employee.created', ns)).toBeUndefined();
  });

  it('keeps dead letters out of the events subjects', () => {
    const ns = createTestNamespace();
    expect(subjectMatches(allEventsSubject(ns), deadLetterSubject(ns, 'a_b'))).toBe(false);
    expect(subjectMatches(allDeadLettersSubject(ns), subjectFor('a.b.c', ns))).toBe(false);
  });

  it('makes a different random namespace for each test suite', () => {
    const a = createTestNamespace();
    const b = createTestNamespace();
    expect(a.streamPrefix).toMatch(/^T[0-9A-F]{8}_$/);
    expect(a.subjectPrefix).toMatch(/^t[0-9a-f]{8}\.$/);
    expect(a).not.toEqual(b);
  });

  it.each(['has space', 'a.b', 'a>', '1abc', 'x'.repeat(33)])('refuses namespace id %p', (id) => {
    expect(() => createNamespace(id)).toThrow(MessagingConfigError);
  });
});

describe('subject filters', () => {
  const ns = createNamespace('n1');

  it.each([
    ['hr.a.b.c', 'hr.a.b.c', true],
    ['hr.a.*.c', 'hr.a.b.c', true],
    ['hr.a.>', 'hr.a.b.c', true],
    ['hr.a.>', 'hr.a', false],
    ['hr.a.*', 'hr.a.b.c', false],
    ['hr.a.b', 'hr.a.b.c', false],
    ['hr.a.b.c', 'hr.a.b', false],
  ])('%s matches %s: %p', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });

  it.each([
    [['employees.employee.created'], 'n1.hr.employees.employee.created'],
    [
      ['employees.employee.created', 'employees.employee.created'],
      'n1.hr.employees.employee.created',
    ],
    [['employees.employee.created', 'employees.employee.updated'], 'n1.hr.employees.employee.>'],
    [['employees.employee.created', 'employees.manager.assigned'], 'n1.hr.employees.>'],
    [['employees.employee.created', 'leave.request.approved'], 'n1.hr.>'],
    [['employees.>', 'employees.employee.created'], 'n1.hr.employees.>'],
    [['leave.*.approved', 'leave.*.rejected'], 'n1.hr.leave.*.>'],
    [['attendance.checked_in', 'attendance.checked_in.late'], 'n1.hr.attendance.>'],
    [['>'], 'n1.hr.>'],
  ])('one filter subject for %p: %s', (types, expected) => {
    const filter = filterSubjectFor(types, ns);
    expect(filter).toBe(expected);
    for (const type of types.filter((t) => !t.includes('*') && !t.includes('>'))) {
      expect(subjectMatches(filter, subjectFor(type, ns))).toBe(true);
    }
  });

  it.each([[[]], [['a..b']], [['a.>.b']], [['a b']]])('refuses types %p', (types) => {
    expect(() => filterSubjectFor(types, ns)).toThrow(MessagingConfigError);
  });
});
