import type { Command } from 'commander';
import { SETTING_KEYS } from '../../core/settings.js';
import type { Io } from '../../terminal/io.js';

export function registerConfig(program: Command, io: Io): void {
  const config = program
    .command('config')
    .alias('instellingen')
    .description('Toon de instellingen (triage-volgorde, drempels).')
    .action(async (_options: unknown, command: Command) => {
      const { runShowConfig } = await import('../actions/config.js');
      await runShowConfig(io, command);
    });

  config
    .command('set')
    .alias('zet')
    .description('Wijzig een instelling.')
    .argument('<instelling>', SETTING_KEYS.join(', '))
    .argument('<waarde>', 'de nieuwe waarde')
    .action(async (key: string, value: string, _options: unknown, command: Command) => {
      const { runSetConfig } = await import('../actions/config.js');
      await runSetConfig(io, key, value, command);
    });
}
