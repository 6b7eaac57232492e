// Turns Node's file-system errors into the project's errors, so that the CLI can give a Dutch
// message and the right exit code instead of a stack trace.

import { EnvironmentError, UsageError, type EropafError } from '../core/errors.js';

type FileAction = 'gelezen' | 'geschreven';

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** Maps an error raised while opening, reading or writing `path`; returns undefined for anything else. */
export function fileError(error: unknown, path: string, action: FileAction): EropafError | undefined {
  if (!isErrnoException(error)) return undefined;
  switch (error.code) {
    case 'ENOENT':
      return action === 'gelezen'
        ? new UsageError(`Het bestand ${path} bestaat niet.`, { hint: 'Controleer de naam en de map van het bestand.' })
        : new UsageError(`De map voor ${path} bestaat niet.`, { hint: 'Kies een bestaande map.' });
    case 'EISDIR':
      return new UsageError(`${path} is een map, geen bestand.`, { hint: 'Geef de naam van een bestand op.' });
    case 'ENOTDIR':
      return new UsageError(`Het pad ${path} klopt niet: een deel ervan is geen map.`, { hint: 'Controleer het pad.' });
    case 'EACCES':
    case 'EPERM':
      return new EnvironmentError(`Geen toegang: het bestand ${path} kan niet worden ${action}.`, {
        hint: 'Controleer de rechten op het bestand en de map, of sluit het bestand als het in Excel openstaat.',
      });
    case 'EBUSY':
      return new EnvironmentError(`Het bestand ${path} is in gebruik door een ander programma.`, {
        hint: 'Sluit het bestand (bijvoorbeeld in Excel) en probeer het opnieuw.',
      });
    case 'ENOSPC':
    case 'EDQUOT':
      return new EnvironmentError(`De schijf is vol: het bestand ${path} kan niet worden geschreven.`, {
        hint: 'Maak ruimte vrij of kies een andere schijf.',
      });
    case 'EROFS':
      return new EnvironmentError(`Het bestand ${path} staat op een schijf die alleen gelezen kan worden.`, {
        hint: 'Kies een andere map.',
      });
    default:
      return new EnvironmentError(`Het bestand ${path} kan niet worden ${action} (${error.code}).`, {
        hint: 'Controleer of het bestand bereikbaar is en probeer het opnieuw.',
      });
  }
}
