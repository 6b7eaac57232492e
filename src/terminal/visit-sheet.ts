import { describeMonth } from '../core/month.js';
import type { IsoDate, Month } from '../core/types.js';
import { formatAttempt, VISIT_WRITE_BOX, visitCells, type VisitArea } from '../core/visit-list.js';
import { dutchDate } from '../core/worklist.js';
import { html, type SafeHtml } from './html.js';

// The house-visit list as a printable A4 route sheet: one block per address in route order,
// grouped by postcode area, each with room to write down what happened at the door. Every value
// goes through the escaping `html` template.

function visitBlock(visit: VisitArea['visits'][number], number: number): SafeHtml {
  const cells = visitCells(visit);
  const { entry } = visit;
  const attempts = entry.attempts.length === 0 ? 'geen' : entry.attempts.map(formatAttempt).join('; ');
  return html`
    <article class="visit">
      <h3>${number}. ${cells.adres}</h3>
      <p><strong>${cells.naam || '(naam onbekend)'}</strong> · melding ${entry.ref} · ${cells.medewerker}</p>
      <p>Achterstand: ${cells.organisaties} · totaal ${cells.totaal}</p>
      <p>Eerdere pogingen: ${attempts} · ${cells.reden}</p>
      ${visit.proposeClosing ? html`<p class="proposal">Voorstel: ${cells.voorstel}</p>` : ''}
      <div class="write">
        ${VISIT_WRITE_BOX.lines.map((line) => html`<div class="line">${line}</div>`)}
        <div class="notes">${VISIT_WRITE_BOX.notes}</div>
      </div>
    </article>`;
}

export function renderVisitSheet(month: Month, areas: readonly VisitArea[], today: IsoDate): string {
  let number = 0;
  const total = areas.reduce((sum, area) => sum + area.visits.length, 0);
  const page = html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Huisbezoeken ${describeMonth(month)}</title>
<style>
  @page { size: A4; margin: 14mm 12mm; }
  body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; margin: 0; }
  h1 { font-size: 15pt; margin: 0 0 2mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #000; break-after: avoid; }
  .privacy { font-size: 8.5pt; margin: 0 0 4mm; }
  .visit { border: 0.75pt solid #000; padding: 2mm 3mm; margin: 0 0 3mm; break-inside: avoid; }
  .visit h3 { font-size: 11pt; margin: 0 0 1mm; }
  .visit p { margin: 0.5mm 0; }
  .proposal { font-weight: bold; }
  .write { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 6mm; margin-top: 2mm; }
  .line { border-bottom: 0.5pt dotted #000; height: 6mm; }
  .notes { grid-column: 1 / span 2; height: 14mm; border-bottom: 0.5pt dotted #000; }
</style>
</head>
<body>
<h1>Huisbezoeken ${describeMonth(month)}</h1>
<p class="privacy">${total} ${total === 1 ? 'adres' : 'adressen'}, gemaakt op ${dutchDate(today)}. Dit blad bevat persoonsgegevens: neem het niet mee naar huis en vernietig het na de route (versnipperen). Leg de uitkomst vast met: eropaf contact MELDING --type huisbezoek.</p>
${areas.map(
  (area) => html`<section>
<h2>Postcodegebied ${area.area} (${area.visits.length})</h2>
${area.visits.map((visit) => visitBlock(visit, ++number))}
</section>
`,
)}
</body>
</html>
`;
  return page.text;
}
