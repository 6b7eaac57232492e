import type { Command } from 'commander';
import { storedTriage, triageMonth } from '../../app/triage-month.js';
import { UsageError } from '../../core/errors.js';
import { describeMonth } from '../../core/month.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTriage } from '../../terminal/triage-summary.js';
import { now, today, withStore } from '../context.js';
import { parseCount, parseFormat, parseMonth } from '../options.js';
import { gemeenteFilter } from '../gemeente-option.js';

export interface TriageOptions {
  month: string;
  gemeente?: string;
  capacity?: string;
  dryRun?: boolean;
  details?: boolean;
  format?: string;
}

export async function runTriage(io: Io, options: TriageOptions, command: Command): Promise<void> {
  const month = parseMonth('--month', options.month);
  const format = parseFormat(options.format, ['tekst', 'json']);
  const capacity = options.capacity === undefined ? undefined : parseCount('--capacity', options.capacity);
  const dryRun = options.dryRun === true;
  // After a real triage, --details shows what was decided; it does not triage again.
  const showStored = options.details === true && !dryRun;
  if (showStored && capacity !== undefined) {
    throw new UsageError('--details toont de opgeslagen triage; --capacity hoort bij een nieuwe triage.', {
      hint: `Trieer opnieuw met: eropaf triage --month ${month} --capacity N, en bekijk daarna de besluiten met --details.`,
    });
  }
  const stored = showStored
    ? await withStore(command, io, 'dry-run', async (store) => storedTriage(store, month, await gemeenteFilter(store, options.gemeente)))
    : null;
  if (stored !== null) {
    if (format === 'json') writeLine(io.stdout, JSON.stringify({ stored: true, run: stored.run, ...stored.plan }, null, 2));
    else io.stdout.write(renderTriage(stored, { dryRun: false, details: true, colour: colourFor(io.stdout, io.env) }));
    return;
  }
  await withStore(command, io, dryRun ? 'dry-run' : 'write', async (store) => {
    const gemeente = await gemeenteFilter(store, options.gemeente);
    const outcome = await triageMonth(store, {
      month,
      ...(gemeente !== undefined && { gemeente }),
      ...(capacity !== undefined && { capacity }),
      dryRun,
      today: today(io),
      now: () => now(io),
    });
    if (format === 'json') {
      writeLine(io.stdout, JSON.stringify({ dryRun, rerun: outcome.rerun, run: outcome.run, ...outcome.plan }, null, 2));
    } else {
      io.stdout.write(
        renderTriage(outcome, { dryRun, details: dryRun || options.details === true, colour: colourFor(io.stdout, io.env) }),
      );
    }
    const colour = colourFor(io.stderr, io.env);
    const { figures } = outcome.plan;
    if (figures.overCapacityBy > 0) {
      writeLine(
        io.stderr,
        `${colour.yellow('let op:')} ${describeMonth(month)} gaat ${figures.overCapacityBy} ${figures.overCapacityBy === 1 ? 'melding' : 'meldingen'} over de capaciteit van ${figures.capacity}: wat altijd opgevolgd moet worden, is toch helemaal toegewezen.`,
      );
    }
    if (outcome.previousMonthUntriaged !== null) {
      const previous = outcome.previousMonthUntriaged;
      writeLine(
        io.stderr,
        `${colour.yellow('let op:')} ${describeMonth(previous)} is ingelezen maar nooit getrieerd; wie toen op de lijst stond en nu terugkomt, telt daardoor niet als uitgesteld (zeker opvolgen) of als lopend (bij de eigen medewerker). Trieer eerst die maand: eropaf triage --month ${previous}`,
      );
    }
    if (figures.unassigned > 0) {
      writeLine(
        io.stderr,
        `${colour.yellow('let op:')} ${figures.unassigned} ${figures.unassigned === 1 ? 'melding heeft' : 'meldingen hebben'} nog geen medewerker, want er is geen actieve medewerker. Voeg er een toe met: eropaf workers add "Naam" --capacity N, en trieer opnieuw.`,
      );
    }
  });
}
