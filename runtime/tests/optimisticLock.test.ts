import { OptimisticLockError } from '@mikro-orm/core';
import { checkExpectedVersion, concurrentChange, withOptimisticLock } from '../src/optimisticLock';

describe('optimistic lock', () => {
  it('passes an absent or matching expected version', () => {
    expect(() => checkExpectedVersion('The shift', undefined, 3)).not.toThrow();
    expect(() => checkExpectedVersion('The shift', null, 3)).not.toThrow();
    expect(() => checkExpectedVersion('The shift', 3, 3)).not.toThrow();
  });

  it('refuses a stale version with both versions named', () => {
    expect(() => checkExpectedVersion('The shift', 2, 3)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        reason: 'VERSION_CONFLICT',
        field: 'expectedVersion',
        message: 'The shift changed since version 2; it is now at version 3.',
        extensions: { expectedVersion: 2, actualVersion: 3 },
      }),
    );
  });

  it('refuses a version below one as bad input', () => {
    expect(() => checkExpectedVersion('The shift', 0, 3)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'expectedVersion' }),
    );
  });

  it("turns MikroORM's lost race into the same conflict, keeping its cause", async () => {
    const lost = new OptimisticLockError('version mismatch');
    await expect(withOptimisticLock('The shift', () => Promise.reject(lost))).rejects.toMatchObject(
      { code: 'CONFLICT', reason: 'VERSION_CONFLICT', cause: lost },
    );
    expect(concurrentChange('The shift').message).toBe(
      'The shift was changed by someone else meanwhile; read it again.',
    );
  });

  it('passes other failures and results through', async () => {
    await expect(withOptimisticLock('The shift', async () => 7)).resolves.toBe(7);
    const other = new Error('disk full');
    await expect(withOptimisticLock('The shift', () => Promise.reject(other))).rejects.toBe(other);
  });
});
