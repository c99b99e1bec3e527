import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dynamoDbJvmOptions, dynamoDbLocalSpawn } from '../../../local/dynamodb.js';

describe('DynamoDB Local', () => {
  it('starts java with the JVM options before the jar, and the package’s own arguments after it', () => {
    const calls: { command: string; args: readonly string[] }[] = [];
    const spawn = dynamoDbLocalSpawn(['-Xmx256m'], (command, args) => {
      calls.push({ command, args });
      return new EventEmitter() as ChildProcess;
    });
    spawn({ port: 8123, path: '/tmp/db', sharedDb: true, stdio: 'pipe' });
    expect(calls).toHaveLength(1);
    const [{ command, args }] = calls as [(typeof calls)[number]];
    expect(command).toBe('java');
    expect(args[0]).toBe('-Xmx256m');
    expect(args.indexOf('-Xmx256m')).toBeLessThan(args.indexOf('-jar'));
    expect(args.find((arg) => arg.endsWith('DynamoDBLocal.jar'))).toBeDefined();
    expect(args.join(' ')).toContain('-dbPath /tmp/db -port 8123 -sharedDb');
  });

  it('runs on a bounded heap with only the quick compiler, which costs less CPU over a local stack’s few thousand calls', () => {
    expect(dynamoDbJvmOptions('512m')).toEqual(['-Xmx512m', '-XX:TieredStopAtLevel=1']);
  });
});
