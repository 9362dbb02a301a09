import { answerCompliance } from '../src/answerCompliance';
import { defineDomainErrors } from '../src/domainErrors';
import { InputErrors } from '../src/inputCheck';

const shifts = defineDomainErrors('ShiftError', { POLICY_VIOLATION: ['TOO_LONG'] });
const caller = { subject: 'u-1', role: 'EMPLOYEE', employeeId: 'e-1' };

describe('answerCompliance', () => {
  it('answers for the caller read from the question', async () => {
    const answer = await answerCompliance(
      { caller },
      {
        answers: shifts.is,
        check: async (identity) => ({
          allowed: identity.employeeId === 'e-1' && identity.role === 'EMPLOYEE',
          findings: [],
        }),
      },
    );
    expect(answer).toEqual({ allowed: true, findings: [] });
  });

  it('refuses the question of a malformed caller without checking', async () => {
    const check = jest.fn();
    const answer = await answerCompliance(
      { caller: { role: 'EMPLOYEE' } },
      {
        answers: shifts.is,
        check,
      },
    );
    expect(answer).toMatchObject({ allowed: false, refusal: { field: 'caller.subject' } });
    expect(check).not.toHaveBeenCalled();
  });

  it("refuses the question with the domain's first fault, or as the domain says", async () => {
    const faults = new InputErrors([shifts.invalid('from', 'bad from'), shifts.invalid('to', 'x')]);
    const failing = async () => {
      throw faults;
    };
    expect(await answerCompliance({ caller }, { answers: shifts.is, check: failing })).toEqual({
      allowed: false,
      findings: [],
      refusal: { code: 'BAD_USER_INPUT', message: 'bad from', field: 'from' },
    });
    const refused = () => ({ allowed: false, findings: [] });
    expect(
      await answerCompliance({ caller }, { answers: shifts.is, check: failing, refused }),
    ).toEqual({ allowed: false, findings: [] });
  });

  it('throws on an error that is not the domain’s', async () => {
    const broken = new Error('database down');
    const check = async () => {
      throw broken;
    };
    await expect(answerCompliance({ caller }, { answers: shifts.is, check })).rejects.toBe(broken);
  });
});
