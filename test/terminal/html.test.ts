// The printed route sheet takes names and addresses from someone else's file: every value is
// escaped by construction, so a hostile name prints as text and can neither run nor break out.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planVisitList } from '../../src/core/visit-list.js';
import type { WorklistEntry } from '../../src/core/worklist.js';
import { escapeHtml, html } from '../../src/terminal/html.js';
import { renderVisitSheet } from '../../src/terminal/visit-sheet.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</style><script>x()</script>',
  'Van & Zn &amp; &lt;b&gt;',
];

describe('html', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes every interpolated value, in lists too, and leaves nested html as it is', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"'}">${['<', inner, 3, null, undefined]}</p>`.text).toBe('<p title="&quot;">&lt;<b>&lt;i&gt;</b>3</p>');
  });

  it('does not let a look-alike object pass as safe', () => {
    const forged = { text: '<script>' } as unknown as string;
    expect(html`${forged}`.text).not.toContain('<script>');
  });

  it('never lets a value add markup', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const out = html`<td>${value}</td>`.text;
        expect(out.slice(4, -5)).not.toMatch(/[<>"']/);
        expect(out.slice(4, -5).replace(/&(amp|lt|gt|quot|#39);/g, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e]!)).toBe(value);
      }),
    );
  });
});

function hostileEntry(i: number, text: string): WorklistEntry {
  return {
    ref: `2023-05-00${i + 1}`,
    worker: text,
    kind: 'altijd',
    reason: text,
    category: 'enkelvoudig',
    opeenvolgend: false,
    onLastMonth: false,
    signals: [{ schuldeiser: text, signaalpartner: 'Huur', bedragCents: 10_000 }],
    totalCents: 10_000,
    listedOn: '2023-05-01',
    attempts: [{ soort: 'Huisbezoek', bereikt: false, datum: '2023-05-03', dagdeel: 'Avond' }],
    person: {
      naam: text,
      straatnaam: text,
      huisnummer: String(i + 1),
      toevoeging: '',
      postcode: '2101AA',
      plaatsnaam: text,
      telefoon: null,
      email: null,
      bsn: '999915356',
    },
  };
}

describe('renderVisitSheet', () => {
  const areas = planVisitList(HOSTILE.map((text, i) => hostileEntry(i, text)), { afterAttempts: 3, waitDays: 14 }, '2023-06-01');
  const sheet = renderVisitSheet('2023-05', areas, '2023-06-01');

  it('prints hostile names, streets, towns and organisations as text', () => {
    expect(areas[0]!.visits).toHaveLength(HOSTILE.length);
    for (const text of HOSTILE) expect(sheet).toContain(escapeHtml(text));
    // The same tags, attributes included, as the sheet of harmless names: no value added any.
    const harmless = renderVisitSheet(
      '2023-05',
      planVisitList(HOSTILE.map((_, i) => hostileEntry(i, 'Jansen')), { afterAttempts: 3, waitDays: 14 }, '2023-06-01'),
      '2023-06-01',
    );
    const tags = (page: string): string[] => page.match(/<[^>]*>/g) ?? [];
    expect(tags(sheet)).toEqual(tags(harmless));
    expect(sheet).not.toMatch(/<script|<img/i);
  });

  it('is a printable A4 page with room to write, one block per address, and no BSN', () => {
    expect(sheet).toMatch(/^<!doctype html>/);
    expect(sheet).toContain('size: A4');
    expect(sheet.match(/<article class="visit">/g)).toHaveLength(HOSTILE.length);
    expect(sheet.match(/class="notes"/g)).toHaveLength(HOSTILE.length);
    expect(sheet).toContain('Huisbezoek 03-05-2023 avond');
    expect(sheet).toContain('(Huur) € 100,00 · totaal € 100,00</p>');
    expect(sheet).toContain('Voorstel: afsluiten als');
    expect(sheet).not.toContain('999915356');
  });
});
