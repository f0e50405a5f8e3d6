import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isLoopback, MAX_URL_LENGTH, startDevServer } from '../src/dev/server.js';
import { UsageError } from '../src/model/errors.js';
import { ROOT } from './helpers/sample.js';

/**
 * `encre dev` as a user starts it (bin/encre.js, a child process), without a browser:
 * malformed requests over raw sockets, the warning for another interface, and a clean stop
 * on SIGINT and SIGTERM (exit 0, the port closed, the build process gone).
 */
interface Dev {
  proc: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Every server started, killed at the end whatever happened (a test that timed out included). */
const started: ChildProcess[] = [];
afterAll(() => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

async function startDev(...args: string[]): Promise<Dev> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin/encre.js'), 'dev', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(proc);
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`encre dev did not start:\n${out}\n${err}`)), 60_000);
    const check = () => {
      const m = /encre dev: http:\/\/[^:]+:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    void exited.then(() => reject(new Error(`encre dev exited:\n${out}\n${err}`)));
  });
  return { proc, port, stdout: () => out, stderr: () => err, exited };
}

/** Sends raw bytes, returns the status line of the answer ("" when the connection closed without one). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(request));
    let data = '';
    s.on('data', (c: Buffer) => {
      data += c.toString('latin1');
      if (data.includes('\r\n')) s.destroy();
    });
    s.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    s.on('error', () => {});
    setTimeout(() => s.destroy(), 5000);
  });
}

const get = (target: string, host = '127.0.0.1') => `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;

/** The pids whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The dev server's build process (src/dev/builder.ts, or builder.js compiled) among the children of `pid`. */
function builderOf(pid: number): number | undefined {
  return childrenOf(pid).find((c) => {
    try {
      return readFileSync(`/proc/${c}/cmdline`, 'utf8').match(/builder\.[jt]s\b/) !== null;
    } catch {
      return false;
    }
  });
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

async function stopsCleanly(dev: Dev, signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  const builder = builderOf(dev.proc.pid!);
  expect(builder, 'a build process runs').toBeDefined();
  dev.proc.kill(signal);
  expect(await dev.exited, `exit code after ${signal}\n${dev.stderr()}`).toBe(0);
  expect(dev.stderr()).toContain(`encre: preview stopped (${signal})`);
  await expect.poll(() => alive(builder!), { timeout: 5000 }).toBe(false);
  expect(await raw(dev.port, get('/state')), 'the port is closed').toBe('');
}

describe('encre dev, robustness', () => {
  it('answers malformed requests with a 4xx, keeps serving, and stops cleanly on SIGINT (exit 0, build process gone)', async () => {
    const dev = await startDev();
    try {
      expect(dev.stdout()).toMatch(/encre dev: http:\/\/127\.0\.0\.1:\d+\//);
      expect(dev.stderr()).not.toContain('WARNING');
      const cases: [string, string][] = [
        [get('/%E0%A4%A'), '400'], // truncated percent-encoding
        [get('/%c0%ae%c0%ae/package.json'), '400'], // overlong UTF-8 dots
        [get('/../../package.json'), '400'],
        [get('/%2e%2e/%2e%2e/package.json'), '400'],
        [get('/page/.%2E/.%2e/package.json'), '400'],
        [get('/page/programme/..%5C..%5Cpackage.json'), '400'],
        [get('/%252e%252e/package.json'), '404'], // double-encoded: a name, not a route
        [get('/content/campaign.yaml'), '404'],
        [get('/page/programme/99999.png'), '404'],
        [get(`/${'a'.repeat(MAX_URL_LENGTH + 10)}`), '414'],
        [get(`/${'a'.repeat(70_000)}`), '431'], // beyond Node's 16 KiB of headers
        ['POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc', '405'],
        ['DELETE /state HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', '405'],
        ['OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', '405'],
        ['BREW / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', '400'], // not an HTTP method
        ['\x00\x01\x02 garbage\r\n\r\n', '400'],
        [get('/', 'attacker.example'), '403'], // DNS rebinding: another name for 127.0.0.1
        [get('http://attacker.example/'), '400'],
        [get('/state', 'localhost:80'), '200'],
      ];
      for (const [request, status] of cases) {
        expect(await raw(dev.port, request), JSON.stringify(request.slice(0, 60))).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      }
      // half a request, then the connection dropped
      const s = net.connect(dev.port, '127.0.0.1', () => s.end('GET /sta'));
      s.resume();
      s.on('error', () => {});
      await new Promise((r) => s.on('close', r));
      expect(await raw(dev.port, get('/')), 'still serving').toBe('HTTP/1.1 200 OK');
      await stopsCleanly(dev, 'SIGINT');
    } finally {
      if (dev.proc.exitCode === null) dev.proc.kill('SIGKILL');
    }
  }, 120_000);

  it('warns on standard error when listening on another interface, and stops cleanly on SIGTERM while building', async () => {
    const dev = await startDev('--host', '0.0.0.0');
    try {
      expect(dev.stderr()).toContain('encre dev: WARNING: listening on 0.0.0.0: the preview (the campaign\'s unpublished content) is reachable from other machines on the network.');
      // from another machine's point of view: any Host is accepted on 0.0.0.0
      expect(await raw(dev.port, get('/state', '192.0.2.10:4321'))).toBe('HTTP/1.1 200 OK');
      await stopsCleanly(dev, 'SIGTERM');
    } finally {
      if (dev.proc.exitCode === null) dev.proc.kill('SIGKILL');
    }
  }, 120_000);

  it('refuses a bad --port and a port in use, exit 1, with the reason', async () => {
    const bad = await startDev('--port', 'eighty').catch((e: Error) => e.message);
    expect(bad).toContain('encre: --port expects a port number between 0 and 65535, received "eighty"');
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const error = await startDevServer({ root: ROOT, content: 'content', port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(`cannot start the preview on 127.0.0.1:${port}: port ${port} is already in use; choose another with --port N`);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('knows the loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '127.0.0.1.example.org', '']) expect(isLoopback(h), h).toBe(false);
  });
});
