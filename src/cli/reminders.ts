import { countPastTerm } from '../app/purge.js';
import type { Store } from '../store/store.js';
import { colourFor, writeLine, type Io } from '../terminal/io.js';
import { today } from './context.js';

/** One line on stderr when personal data is kept past its term, so that it is not forgotten. */
export async function remindPastTerm(store: Store, io: Io): Promise<void> {
  const due = await countPastTerm(store, today(io));
  if (due === 0) return;
  const colour = colourFor(io.stderr, io.env);
  writeLine(
    io.stderr,
    `${colour.yellow('let op:')} van ${due} ${due === 1 ? 'melding' : 'meldingen'} is de bewaartermijn voorbij; verwijder de persoonsgegevens met "eropaf purge" (bekijk het eerst met --dry-run).`,
  );
}
