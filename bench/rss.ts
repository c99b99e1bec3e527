import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Resident memory of the stack's DynamoDB Local (the java process whose pid the stack records
 * under `<dataDir>/pids/`), in bytes; undefined when it can't be found.
 */
export const dynamoDbRssBytes = (dataDir: string): number | undefined => {
  const pidFile = path.join(dataDir, 'pids', 'dynamodb.pid');
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : Number.NaN;
  if (!Number.isInteger(pid)) return undefined;
  try {
    const commandLine = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    if (!commandLine.includes('DynamoDBLocal')) return undefined;
    const kilobytes = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kilobytes) ? kilobytes * 1024 : undefined;
  } catch {
    return undefined; // ps exits 1 when the pid is gone
  }
};
