import type { Command } from 'commander';
import { assertSettingKey, changeGemeenteCapacity, changeSetting, settingTakesEffect } from '../../app/settings.js';
import { describeSettings } from '../../core/settings.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { withStore } from '../context.js';
import { codeOfCapacitySetting, describeGemeente } from '../../core/gemeente.js';
import { parseCount } from '../options.js';

export async function runShowConfig(io: Io, command: Command): Promise<void> {
  // Before the first import there is no database yet: the defaults are what holds then.
  await withStore(command, io, 'dry-run', async (store) => {
    const stored = await store.settings();
    const settings = describeSettings(stored);
    // The capacity a gemeente's contract fixes, for each gemeente that has one.
    const gemeenten = await store.gemeenten();
    const capacities = [...stored]
      .filter(([key]) => codeOfCapacitySetting(key) !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => {
        const gemeente = gemeenten.find((g) => g.code === codeOfCapacitySetting(key));
        return [key, value, `de vaste capaciteit per maand van gemeente ${gemeente === undefined ? codeOfCapacitySetting(key)! : describeGemeente(gemeente)} (triage)`];
      });
    io.stdout.write(
      renderTable(
        ['instelling', 'waarde', 'uitleg'],
        [...settings.map((s) => [s.key, `${s.value}${s.isDefault ? ' (standaard)' : ''}`, s.description]), ...capacities],
        colourFor(io.stdout, io.env),
      ),
    );
  });
}

export async function runSetConfig(io: Io, key: string, value: string, command: Command): Promise<void> {
  const gemeenteCode = codeOfCapacitySetting(key);
  if (gemeenteCode !== null) {
    await setGemeenteCapacity(io, key, gemeenteCode, parseCount(key, value), command);
    return;
  }
  // Checked before the database is opened, so that a mistyped key leaves nothing behind.
  assertSettingKey(key);
  await withStore(command, io, 'write', async (store) => {
    const stored = await changeSetting(store, key, value);
    writeLine(io.stdout, `${key} is nu ${stored}. Dit geldt vanaf ${settingTakesEffect(key)}.`);
  });
}

/** `capaciteit.CODE`: the capacity a gemeente's contract fixes for each month (see `eropaf triage`). */
async function setGemeenteCapacity(io: Io, key: string, code: string, capacity: number, command: Command): Promise<void> {
  await withStore(command, io, 'write', async (store) => {
    const gemeente = await changeGemeenteCapacity(store, key, code, capacity);
    writeLine(io.stdout, `${key} is nu ${capacity}: ${gemeente.name} krijgt bij elke triage ${capacity} meldingen van de capaciteit. Dit geldt vanaf de volgende triage.`);
  });
}
