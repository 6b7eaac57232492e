import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';
import type { ImportCommandOptions } from '../actions/import.js';

export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .alias('importeer')
    .description('Lees de maandlijst van de gemeente in (één regel per signaal).')
    .argument('<bestand>', 'het CSV-bestand met de signalen van één maand')
    .usage('[opties] <bestand>')
    .option('--month <JJJJ-MM>', 'de maand van de lijst (anders uit de bestandsnaam)')
    .option('--gemeente <code-of-naam>', 'de gemeente van de lijst (nodig als de database meer gemeenten kent)')
    .option('--dry-run', 'laat zien wat er zou gebeuren, zonder iets op te slaan')
    .option('--replace', 'vervang de lijst van deze maand helemaal')
    .option('--aanvulling', 'een aanvullende lijst voor een maand die al een lijst heeft: voeg alleen de nieuwe signalen toe')
    .option('--force', 'met --replace: ook als er al opvolging is vastgelegd')
    .option('--skip-invalid', 'lees de goede regels in en zet de foute in een apart bestand')
    .option('--rejects <bestand>', 'waar de afgewezen regels komen (anders naast het invoerbestand)')
    .option('--encoding <codering>', 'utf-8, utf-16 of windows-1252 (anders herkend)')
    .option('--delimiter <teken>', '";", "," of "tab" (anders herkend)')
    .option('--map <koppeling.json>', 'koppel andere kolomnamen aan velden, bv. {"Dossier": "signaal_id"}')
    .option('--format <vorm>', 'tekst (standaard) of json')
    .action(async (file: string, options: ImportCommandOptions, command: Command) => {
      const { runImport } = await import('../actions/import.js');
      await runImport(io, file, options, command);
    });
}
