// Step 2: herhaalde meldingen and meldingen below the threshold are not picked up.
import { describe, it, expect } from 'vitest';
import type { RecentMelding, TriageConfig } from '../../../src/core/triage/types.js';
import { decisionOf, melding, plan, signal } from './builders.js';

function earlier(month: string, bedragCents: number, followedUp = true, organisationKey = 'org:eneco'): RecentMelding {
  return { month, followedUp, signals: [{ organisationKey, bedragCents }] };
}

/** The decision for one enkelvoudige Eneco melding of `bedragCents` with the given history. */
function decide(bedragCents: number, recent: RecentMelding[], config: Partial<TriageConfig> = {}) {
  const p = plan({
    config: { repeatMonths: 3, minAmountCents: null, order: ['woon', 'bedrag', 'ontstaansdatum'], ...config },
    meldingen: [melding(1, { signals: [signal({ bedragCents })], recent })],
  });
  return decisionOf(p, 1);
}

describe('step 2: herhaalde melding', () => {
  it('picks up a repeat from the same organisation with a higher amount', () => {
    expect(decide(10_001, [earlier('2022-02', 10_000)]).kind).toBe('capaciteit');
  });

  it.each([
    ['an equal amount', 10_000],
    ['a lower amount', 9_000],
  ])('does not pick up a followed-up repeat with %s', (_label, amount) => {
    const d = decide(amount, [earlier('2022-01', 10_000)]);
    expect(d).toMatchObject({
      kind: 'niet-opgepakt',
      rule: 'herhaald',
      result: 'Niet opgepakt: herhaalde melding',
      workerId: null,
    });
    expect(d.reason).toBe('herhaalde melding: zelfde organisatie, bedrag niet hoger, opgevolgd in 2022-01');
  });

  it('is no repeat when the earlier melding was not followed up', () => {
    expect(decide(5_000, [earlier('2022-02', 10_000, false)]).kind).toBe('capaciteit');
  });

  it('is no repeat when another organisation signalled earlier', () => {
    expect(decide(5_000, [earlier('2022-02', 10_000, true, 'org:vattenfall')]).kind).toBe('capaciteit');
  });

  it('looks back exactly repeatMonths months', () => {
    expect(decide(5_000, [earlier('2021-12', 10_000)]).rule).toBe('herhaald');
    expect(decide(5_000, [earlier('2021-11', 10_000)]).kind).toBe('capaciteit');
    expect(decide(5_000, [earlier('2022-01', 10_000)], { repeatMonths: 1 }).kind).toBe('capaciteit');
    expect(decide(5_000, [earlier('2021-11', 10_000)], { repeatMonths: 4 }).rule).toBe('herhaald');
  });

  it('ignores meldingen of this month or later passed as recent', () => {
    expect(decide(5_000, [earlier('2022-03', 10_000), earlier('2022-04', 10_000)]).kind).toBe('capaciteit');
  });

  it('compares with a followed-up melding even when a later one was not followed up', () => {
    const d = decide(5_000, [earlier('2022-02', 10_000, false), earlier('2022-01', 10_000)]);
    expect(d.rule).toBe('herhaald');
    expect(d.reason).toContain('opgevolgd in 2022-01');
  });

  it('names the latest followed-up month that covers the amount', () => {
    const d = decide(5_000, [earlier('2021-12', 10_000), earlier('2022-02', 6_000), earlier('2022-01', 4_000)]);
    expect(d.reason).toContain('opgevolgd in 2022-02');
  });

  it('sums the amounts of one organisation within a melding, now and before', () => {
    // Earlier 60 + 60 = 120 euros from Eneco; now 100: not higher.
    const split: RecentMelding = {
      month: '2022-02',
      followedUp: true,
      signals: [
        { organisationKey: 'org:eneco', bedragCents: 6_000 },
        { organisationKey: 'org:eneco', bedragCents: 6_000 },
      ],
    };
    expect(decide(10_000, [split]).rule).toBe('herhaald');
    // Now 60 + 60 = 120 against an earlier 100: higher, so picked up.
    const p = plan({
      meldingen: [
        melding(1, {
          signals: [signal({ bedragCents: 6_000 }), signal({ bedragCents: 6_000 })],
          recent: [earlier('2022-02', 10_000)],
        }),
      ],
    });
    expect(decisionOf(p, 1).kind).toBe('capaciteit');
  });

  it('does not take capacity: the next melding gets the place', () => {
    const p = plan({
      capacity: 1,
      meldingen: [
        melding(1, { signals: [signal({ bedragCents: 90_000 })], recent: [earlier('2022-02', 90_000)] }),
        melding(2, { signals: [signal({ bedragCents: 1_000 })] }),
      ],
    });
    expect(decisionOf(p, 1).kind).toBe('niet-opgepakt');
    expect(decisionOf(p, 2).kind).toBe('capaciteit');
    expect(p.figures.notPickedUp).toBe(1);
  });
});

describe('step 2: threshold', () => {
  it('does not pick up a melding whose total is below the threshold', () => {
    const d = decide(4_999, [], { minAmountCents: 5_000 });
    expect(d).toMatchObject({ kind: 'niet-opgepakt', rule: 'onder-drempel', result: 'Niet opgepakt: onterecht signaal' });
    expect(d.reason).toBe('onder de drempel: totaalbedrag € 49,99 is lager dan € 50,00');
  });

  it('picks up a melding exactly at the threshold', () => {
    expect(decide(5_000, [], { minAmountCents: 5_000 }).kind).toBe('capaciteit');
  });

  it('compares the melding’s total, not single signals', () => {
    const p = plan({
      config: { repeatMonths: 3, minAmountCents: 5_000, order: ['bedrag'] },
      meldingen: [melding(1, { signals: [signal({ bedragCents: 3_000 }), signal({ bedragCents: 3_000 })] })],
    });
    expect(decisionOf(p, 1).kind).toBe('capaciteit');
  });

  it('has no threshold by default: even a zero amount is picked up', () => {
    expect(decide(0, []).kind).toBe('capaciteit');
  });

  it('never drops a meervoudige melding below the threshold', () => {
    const p = plan({
      config: { repeatMonths: 3, minAmountCents: 100_000, order: ['bedrag'] },
      meldingen: [
        melding(1, {
          category: 'meervoudig',
          signals: [signal({ bedragCents: 100 }), signal({ organisationKey: 'org:cz', bedragCents: 100 })],
        }),
      ],
    });
    expect(decisionOf(p, 1).kind).toBe('altijd');
  });
});
