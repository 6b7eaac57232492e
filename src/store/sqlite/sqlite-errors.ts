import { EropafError, EnvironmentError } from '../../core/errors.js';

/**
 * Turns SQLite's failures into domain errors with a Dutch message and a fix. Anything else is
 * passed on untouched: a programming error must stay visible as one.
 */
export function translateSqliteError(error: unknown, file: string): unknown {
  if (error instanceof EropafError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new EnvironmentError(`De database ${file} is bezet: iemand anders werkt er op dit moment mee.`, {
      hint: 'Wacht tot de andere opdracht klaar is en probeer het dan opnieuw.',
    });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new EnvironmentError(`In de database ${file} kan niet worden geschreven.`, {
      hint: 'Controleer of het bestand en de map schrijfbaar zijn (niet alleen-lezen, niet op een vergrendelde schijf).',
    });
  }
  if (code === 'SQLITE_FULL') {
    return new EnvironmentError(`De schijf is vol; er is niets veranderd in ${file}.`, {
      hint: 'Maak ruimte vrij op de schijf en voer de opdracht opnieuw uit.',
    });
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new EnvironmentError(`${file} is geen (leesbare) eropaf-database.`, {
      hint: 'Kies het juiste bestand met --db, of zet een reservekopie terug.',
    });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM') {
    return new EnvironmentError(`De database ${file} kan niet worden geopend of gelezen (${code}).`, {
      hint: 'Controleer of de map bestaat, of u er rechten op heeft en of de schijf nog werkt.',
    });
  }
  return error;
}
