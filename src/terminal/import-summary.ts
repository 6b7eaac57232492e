import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { ImportSummary } from '../core/import/summary.js';
import { describeMonth } from '../core/month.js';
import type { PriorImport } from '../store/store.js';
import { localDateTime } from './dates.js';

// The Dutch summary of an import, as a user reads it after each monthly list.

export function renderImportSummary(summary: ImportSummary, colour: ChalkInstance): string {
  const { signals, meldingen, households } = summary;
  const duplicates = signals.duplicateInFile + signals.duplicateKnown;
  const rows: Array<[string, string]> = [
    ['Regels gelezen', String(summary.rowsRead)],
    ['Signalen nieuw', String(signals.new)],
    [
      'Signalen dubbel',
      duplicates === 0
        ? '0'
        : `${duplicates} (${signals.duplicateInFile} binnen dit bestand, ${signals.duplicateKnown} al eerder ingelezen)`,
    ],
    [
      'Regels afgewezen',
      signals.rejected === 0 || summary.rejectsFile === null
        ? String(signals.rejected)
        : `${signals.rejected} (${summary.dryRun ? 'zouden komen in' : 'staan in'} ${path.basename(summary.rejectsFile)})`,
    ],
    ['Meldingen', `${meldingen.created + meldingen.updated} (${meldingen.created} nieuw, ${meldingen.updated} aangevuld)`],
    ['  enkelvoudig', String(meldingen.enkelvoudig)],
    ['  meervoudig', String(meldingen.meervoudig)],
    ['  opeenvolgend', `${meldingen.opeenvolgend} (ook een signaal in de zes maanden ervoor)`],
    ['  op lijst vorige maand', String(meldingen.onLastMonth)],
    ['Huishoudens', `${households.new} nieuw, ${households.known} bekend`],
  ];
  const { replacement } = summary;
  if (replacement !== undefined) {
    const changed = replacement.changedAmounts;
    const worked = replacement.carried + replacement.lost.length > 0;
    rows.push([
      'Bedrag gewijzigd',
      changed.count === 0
        ? '0'
        : `${changed.count} ${changed.count === 1 ? 'signaal' : 'signalen'} met hetzelfde kenmerk (regel ${changed.firstLines.join(', ')}${changed.count > changed.firstLines.length ? ', …' : ''})`,
    ]);
    if (worked) {
      const lost = replacement.lost;
      rows.push(
        ['Opvolging behouden', `${replacement.carried} ${replacement.carried === 1 ? 'melding' : 'meldingen'} (besluit, medewerker, pogingen en resultaat; zelfde meldingnummer)`],
        [
          'Opvolging verloren',
          lost.length === 0
            ? '0'
            : `${lost.length} (${lost.map((l) => l.ref).join(', ')}): ${summary.dryRun ? 'niet meer op de lijst; vervangen kan alleen met --force' : 'niet meer op de lijst, weggegooid met --force'}`,
        ],
      );
    }
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    colour.bold(
      `${summary.dryRun ? 'Proefrun van' : 'Ingelezen:'} ${summary.file} als ${describeMonth(summary.month)} (${summary.month})${summary.replaced ? ', vervangt de eerdere lijst van die maand' : ''}`,
    ),
    ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
  ];
  if (summary.ignoredColumns.length > 0) {
    lines.push(`Genegeerde kolommen: ${summary.ignoredColumns.map((c) => `"${c}"`).join(', ')}`);
  }
  if (summary.dryRun) lines.push(colour.yellow('Proefrun: er is niets opgeslagen.'));
  return `${lines.join('\n')}\n`;
}

/** Warnings go to stderr, next to the summary, not inside it. */
export function importWarnings(summary: ImportSummary): string[] {
  const warnings: string[] = [];
  const { farDated } = summary;
  if (farDated.count > 0) {
    const more = farDated.count > farDated.firstLines.length ? ', …' : '';
    warnings.push(
      `${farDated.count} ${farDated.count === 1 ? 'signaal heeft' : 'signalen hebben'} een signaaldatum die meer dan twee maanden van ${summary.month} af ligt (regel ${farDated.firstLines.join(', ')}${more}). Is de maand goed? Anders opnieuw inlezen met --replace --month JJJJ-MM.`,
    );
  }
  return warnings;
}

export function renderAlreadyImported(file: string, prior: PriorImport): string {
  const shown = localDateTime(prior.importedAt);
  return `${file} is al eerder ingelezen, op ${shown}, als lijst van ${describeMonth(prior.month)} (${prior.month}${prior.fileName === file ? '' : `, toen als ${prior.fileName}`}). Er is niets veranderd.\n`;
}
