import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { changeSetting, settingTakesEffect } from '../../app/settings.js';
import { describeSettings, isSettingKey, SETTING_KEYS } from '../../core/settings.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { withStore } from '../context.js';

export async function runShowConfig(io: Io, command: Command): Promise<void> {
  // Before the first import there is no database yet: the defaults are what holds then.
  await withStore(command, io, 'dry-run', async (store) => {
    const settings = describeSettings(await store.settings());
    io.stdout.write(
      renderTable(
        ['instelling', 'waarde', 'uitleg'],
        settings.map((s) => [s.key, `${s.value}${s.isDefault ? ' (standaard)' : ''}`, s.description]),
        colourFor(io.stdout, io.env),
      ),
    );
  });
}

export async function runSetConfig(io: Io, key: string, value: string, command: Command): Promise<void> {
  // Checked before the database is opened, so that a mistyped key leaves nothing behind.
  if (!isSettingKey(key)) {
    throw new UsageError(`Er is geen instelling "${key}".`, { hint: `Kies uit: ${SETTING_KEYS.join(', ')}.` });
  }
  await withStore(command, io, 'write', async (store) => {
    const stored = await changeSetting(store, key, value);
    writeLine(io.stdout, `${key} is nu ${stored}. Dit geldt vanaf ${settingTakesEffect(key)}.`);
  });
}
