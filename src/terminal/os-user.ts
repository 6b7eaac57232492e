import os from 'node:os';

/** The operating-system account running eropaf, for the audit trail. */
export function currentOsUser(env: NodeJS.ProcessEnv): string {
  try {
    return os.userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? '(onbekend)';
  }
}
