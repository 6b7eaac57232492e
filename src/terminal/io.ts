import { Chalk, type ChalkInstance } from 'chalk';

/** Where a command writes: data to stdout, messages to stderr (so piping the data stays clean). */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Where a command reads what it asks for (a password); absent where nothing can be asked. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colourFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): ChalkInstance {
  const wanted = stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
  return new Chalk({ level: wanted ? 1 : 0 });
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
