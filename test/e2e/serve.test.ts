// `eropaf serve`: listens on 127.0.0.1 by default, on another address only with TLS or behind a
// proxy, says how to make the first account, serves https with a certificate, and stops cleanly.

import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { BIN, exited, runEnv, startEropaf, workspace } from './helpers.js';

const ws = workspace('eropaf-serve-');

function addCoordinator(): void {
  const result = spawnSync(process.execPath, [BIN, 'users', 'add', 'coord', '--role', 'coordinator'], {
    cwd: ws.dir,
    env: runEnv({ db: ws.db }),
    input: 'een lange wachtwoordzin\n',
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
}

/** Starts the server and waits (at most 20 s) for the line with its address. */
async function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = startEropaf(['serve', '--port', '0', ...args], { cwd: ws.dir, db: ws.db });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address in: ${output}`)), 20_000);
    const check = (): void => {
      const found = /draait op (https?:\/\/[^ ]+)/.exec(output);
      if (found !== null) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', () => reject(new Error(`exited: ${output}`)));
  });
  return { child, url, output: () => output };
}

describe('eropaf serve', () => {
  it('without any account says how to make one, and does not start', () => {
    const result = spawnSync(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: ws.dir, env: runEnv({ db: ws.db }), encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('eropaf users add NAAM --role coordinator');
  });

  it('refuses another address without TLS or --behind-proxy, and half a certificate', () => {
    addCoordinator();
    for (const args of [['--host', '0.0.0.0'], ['--host', '192.0.2.1'], ['--tls-cert', 'cert.pem']]) {
      const result = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: ws.dir, env: runEnv({ db: ws.db }), encoding: 'utf8', timeout: 20_000 });
      expect(result.status).toBe(2);
    }
  });

  it('listens on 127.0.0.1 by default, sends anonymous visitors to the login page, and stops on SIGTERM', async () => {
    const { child, url } = await start([]);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/werklijst`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/inloggen');
      expect((await fetch(`${url}/inloggen`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  }, 30_000);

  it('serves https with --tls-cert and --tls-key, and sets the Secure cookie flag', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', ws.file('key.pem'), '-out', ws.file('cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const { child, url } = await start(['--tls-cert', ws.file('cert.pem'), '--tls-key', ws.file('key.pem')]);
    try {
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const { status, cookie } = await new Promise<{ status: number; cookie: string[] }>((resolve, reject) => {
        https.get(`${url}/inloggen`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve({ status: res.statusCode!, cookie: res.headers['set-cookie'] ?? [] });
        }).on('error', reject);
      });
      expect(status).toBe(200);
      expect(cookie.join(' ')).toMatch(/Secure/);
    } finally {
      child.kill('SIGTERM');
    }
    expect((await exited(child)).code).toBe(0);
  }, 30_000);
});
