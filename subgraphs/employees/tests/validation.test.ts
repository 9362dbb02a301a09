import * as check from '../src/inputs';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { field?: string }).field;
  }
  return undefined;
};

describe('input checks', () => {
  it('accepts real calendar dates only', () => {
    expect(check.isoDate('hireDate', '2024-02-29')).toBe('2024-02-29');
    const outside = ['0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31'];
    for (const bad of [
      '2023-02-29',
      '2024-04-31',
      '2024-1-01',
      '01/02/2024',
      '',
      20240101,
      ...outside,
    ]) {
      expect(fieldOf(() => check.isoDate('hireDate', bad))).toBe('hireDate');
    }
  });

  it('accepts UK holiday regions and ISO countries, in any case', () => {
    expect(check.location('scotland')).toBe('SCOTLAND');
    expect(check.location('fr')).toBe('FR');
    for (const bad of ['UK', 'XX', 'WALES', 'FRA', '']) {
      expect(fieldOf(() => check.location(bad))).toBe('location');
    }
  });

  it('accepts IANA zones and names them as Intl does', () => {
    expect(check.timeZone('Europe/London')).toBe('Europe/London');
    // Twice each: the second answer comes from what the first one resolved.
    for (let i = 0; i < 2; i++) {
      expect(check.timeZone('europe/paris')).toBe('Europe/Paris');
      expect(check.timeZone('UTC')).toBe('UTC');
      for (const bad of ['Mars/Base', '+01:00', '', 'Europe/']) {
        expect(fieldOf(() => check.timeZone(bad))).toBe('timeZone');
      }
    }
  });

  it('accepts money in whole minor units of an ISO 4217 currency', () => {
    expect(check.salary({ amountMinor: 0, currency: 'eur' })).toEqual({
      amountMinor: 0,
      currency: 'EUR',
    });
    expect(check.salary(null)).toBeNull();
    for (const bad of [
      { amountMinor: -1, currency: 'GBP' },
      { amountMinor: 1.5, currency: 'GBP' },
      { amountMinor: 1, currency: 'GB' },
      { amountMinor: 1, currency: 'ZZZ' },
    ]) {
      expect(fieldOf(() => check.salary(bad))).toBe('salary');
    }
  });

  it('accepts the email addresses the event contracts accept', () => {
    expect(check.email(' Ada.Lovelace+hr@Example.co.uk ')).toBe('Ada.Lovelace+hr@Example.co.uk');
    for (const bad of ['ada', 'ada@', '@example.com', 'ada@example', 'a b@example.com']) {
      expect(fieldOf(() => check.email(bad))).toBe('email');
    }
  });

  it('accepts phone numbers of 7 to 15 digits, and clears on null or blank', () => {
    expect(check.phone('+44 (0)20 7946-0958')).toBe('+44 (0)20 7946-0958');
    expect(check.phone(null)).toBeNull();
    expect(check.phone('  ')).toBeNull();
    for (const bad of ['12345', 'phone me', '+1234567890123456']) {
      expect(fieldOf(() => check.phone(bad))).toBe('phone');
    }
  });

  it('refuses a termination before the hire date', () => {
    expect(() =>
      check.notBefore('terminationDate', '2024-01-01', '2024-01-01', 'hire'),
    ).not.toThrow();
    expect(
      fieldOf(() => check.notBefore('terminationDate', '2023-12-31', '2024-01-01', 'hire')),
    ).toBe('terminationDate');
  });
});
