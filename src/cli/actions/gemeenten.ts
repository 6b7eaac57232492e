import type { Command } from 'commander';
import { addGemeente, nameGemeente } from '../../app/gemeenten.js';
import { capacitySettingKey, describeGemeente } from '../../core/gemeente.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { withStore } from '../context.js';
import { parseFormat } from '../options.js';

export async function runAddGemeente(io: Io, code: string, name: string, command: Command): Promise<void> {
  await withStore(command, io, 'write', async (store) => {
    const gemeente = await addGemeente(store, code, name);
    writeLine(io.stdout, `Gemeente ${describeGemeente(gemeente)} toegevoegd. Lees haar lijst in met: eropaf import BESTAND --gemeente ${gemeente.code}`);
  });
}

export async function runSetGemeente(io: Io, code: string, name: string, command: Command): Promise<void> {
  await withStore(command, io, 'write', async (store) => {
    const { gemeente, named } = await nameGemeente(store, code, name);
    writeLine(
      io.stdout,
      named
        ? `De lijsten in de database horen nu bij gemeente ${describeGemeente(gemeente)}.`
        : `Gemeente ${gemeente.code} heet nu ${gemeente.name}.`,
    );
  });
}

export async function runListGemeenten(io: Io, options: { format?: string }, command: Command): Promise<void> {
  const format = parseFormat(options.format, ['tabel', 'json']);
  await withStore(command, io, 'read', async (store) => {
    const gemeenten = await store.gemeenten();
    const settings = await store.settings();
    const capacityOf = (code: string | null) => (code === null ? undefined : settings.get(capacitySettingKey(code)));
    if (format === 'json') {
      writeLine(
        io.stdout,
        JSON.stringify(
          gemeenten.map((g) => ({ code: g.code, naam: g.name, capaciteit: capacityOf(g.code) === undefined ? null : Number(capacityOf(g.code)) })),
          null,
          2,
        ),
      );
      return;
    }
    if (gemeenten.length === 0) {
      writeLine(io.stdout, 'Nog geen gemeenten. Voeg er een toe met: eropaf gemeenten add CODE NAAM');
      return;
    }
    io.stdout.write(
      renderTable(
        ['code', 'naam', 'capaciteit'],
        gemeenten.map((g) => [g.code ?? '', g.name ?? describeGemeente(g), capacityOf(g.code) ?? 'gedeeld']),
        colourFor(io.stdout, io.env),
      ),
    );
    if (gemeenten.some((g) => g.code === null)) {
      writeLine(io.stdout, 'Geef de gemeente zonder code haar code en naam met: eropaf gemeenten set CODE NAAM');
    }
  });
}
