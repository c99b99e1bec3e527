import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalStackError } from './local-stack-error.js';

const pidsDir = (dataDir: string) => path.join(dataDir, 'pids');

/** The last lines of a log file (read from its last 64 KB), or '' if there is none. */
export const logTail = (file: string, lines = 20): string => {
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      text = buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
  return text.trimEnd().split('\n').slice(-lines).join('\n');
};

/** `exited with code 1` or `was killed by SIGKILL`. */
export const exitText = (code: number | null, signal: NodeJS.Signals | null): string =>
  signal ? `was killed by ${signal}` : `exited with code ${code}`;

/**
 * Sends a child's output to `<dataDir>/logs/<name>.log`, records its pid so that a later start
 * can clean up after a crash, and fails loudly if the child dies early.
 */
export const superviseChild = (child: ChildProcess, name: string, dataDir: string) => {
  const logsDir = path.join(dataDir, 'logs');
  fs.mkdirSync(logsDir, { recursive: true });
  fs.mkdirSync(pidsDir(dataDir), { recursive: true });
  const pidFile = path.join(pidsDir(dataDir), `${name}.pid`);
  if (child.pid) fs.writeFileSync(pidFile, String(child.pid));
  const logFile = path.join(logsDir, `${name}.log`);
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new LocalStackError(`${name} could not start: ${error.message}`, { cause: error })));
    // On 'close' all its output is in; the log is flushed before its last lines are read.
    child.once('close', (code, signal) => {
      fs.rmSync(pidFile, { force: true });
      if (stopping) return;
      log.end(() => {
        const tail = logTail(logFile);
        const details = tail ? `${logFile}, last lines:\n${tail}` : `${logFile} is empty`;
        reject(new LocalStackError(`${name} ${exitText(code, signal)} before it was ready`, { details }));
      });
    });
  });
  exited.catch(() => undefined); // observed by `whileRunning`; no unhandled rejection if never raced.
  return {
    logFile,
    /** Races a readiness check against the child dying, so a crash is reported at once. */
    whileRunning: <T>(work: Promise<T>) => Promise.race([work, exited]),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops children an earlier run left behind when it was killed hard (no Ctrl-C handler ran).
 * Only processes whose command line still shows the expected program are touched, so a reused pid
 * of something else is left alone.
 */
export const stopLeftoverChildren = async (dataDir: string, markers: Record<string, string>): Promise<string[]> => {
  const stopped: string[] = [];
  for (const [name, marker] of Object.entries(markers)) {
    const pidFile = path.join(pidsDir(dataDir), `${name}.pid`);
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : Number.NaN;
    fs.rmSync(pidFile, { force: true });
    if (!Number.isInteger(pid) || !isAlive(pid)) continue;
    const commandLine = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    if (!commandLine.includes(marker)) continue;
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; isAlive(pid) && waited < 5_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    stopped.push(name);
  }
  return stopped;
};
