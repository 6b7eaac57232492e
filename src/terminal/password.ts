import { EnvironmentError, UsageError } from '../core/errors.js';
import type { Io } from './io.js';

// Reading a new password: from a terminal it is typed twice without being shown; from a pipe
// (a script) it is the first line of standard input. It is never echoed, logged or an option.

type Input = NonNullable<Io['stdin']>;

export async function readNewPassword(io: Io): Promise<string> {
  const stdin = io.stdin;
  if (stdin === undefined) throw new EnvironmentError('Er kan hier geen wachtwoord worden gevraagd.', { hint: 'Geef het wachtwoord via de standaardinvoer.' });
  if (stdin.isTTY !== true || stdin.setRawMode === undefined) return firstLine(stdin);
  const first = await askHidden(stdin, io.stderr, 'Wachtwoord (minstens 12 tekens): ');
  const second = await askHidden(stdin, io.stderr, 'Nog een keer: ');
  if (first !== second) throw new UsageError('De twee wachtwoorden zijn niet gelijk; er is niets opgeslagen.', { hint: 'Probeer het opnieuw en typ twee keer hetzelfde.' });
  return first;
}

async function firstLine(stdin: Input): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split('\n')[0]!.replace(/\r$/, '');
  if (line === '') throw new UsageError('Er kwam geen wachtwoord binnen via de standaardinvoer.', { hint: 'Geef het wachtwoord als eerste regel, bijvoorbeeld vanuit een wachtwoordbeheerder.' });
  return line;
}

/** Reads one line from a terminal in raw mode, so that what is typed is not shown. */
function askHidden(stdin: Input, prompt: NodeJS.WritableStream, question: string): Promise<string> {
  prompt.write(question);
  stdin.setRawMode!(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null): void => {
      stdin.removeListener('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      prompt.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const char of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004') return finish(new UsageError('Afgebroken; er is niets opgeslagen.'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
