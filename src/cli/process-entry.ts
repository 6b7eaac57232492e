import { currentOsUser } from '../terminal/os-user.js';
import { main } from './main.js';

// The one place that touches the real process: bin/eropaf.js loads this file. Below it, every
// command reads its streams, directory, environment, clock and user from the Io it is given.

const exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  osUser: currentOsUser(process.env),
  onInterrupt: (stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
});
// Not process.exit(): output still being written to a pipe would be cut off.
process.exitCode = exitCode;
