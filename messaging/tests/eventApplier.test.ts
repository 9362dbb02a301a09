import type { MikroORM } from '@mikro-orm/core';
import { createEventApplier } from '../src/consumer/createEventApplier';
import { DEFAULT_NAMESPACE, loadCatalogue, subjectFor } from '..';

describe('which events a consumer handles', () => {
  const handles = (types: string[]) =>
    createEventApplier({
      orm: {} as MikroORM,
      catalogue: loadCatalogue(),
      namespace: DEFAULT_NAMESPACE,
      subgraph: 'example',
      consumer: 'example_copies',
      handler: { name: 'copies', types, handle: async () => {} },
    }).handles;
  const subject = (type: string) => subjectFor(type, DEFAULT_NAMESPACE);

  it('answers by its types and patterns, the same when asked again', () => {
    const copies = handles(['employees.employee.created', 'agreements.agreement.*']);
    const asked = [
      'employees.employee.created',
      'employees.employee.updated',
      'agreements.agreement.amended',
      'time.entry.recorded',
    ].map(subject);
    const first = asked.map(copies);
    expect(first).toEqual([true, false, true, false]);
    expect(asked.map(copies)).toEqual(first);
  });

  it('still answers rightly past the subjects it keeps answers for', () => {
    const copies = handles(['time.entry.recorded']);
    for (let i = 0; i < 1500; i++) expect(copies(subject(`time.stray${i}.recorded`))).toBe(false);
    expect(copies(subject('time.entry.recorded'))).toBe(true);
    expect(copies(subject('time.entry.deleted'))).toBe(false);
  });
});
