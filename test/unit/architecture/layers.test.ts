import { describe, expect, it } from 'vitest';
import { cyclesAmong, filesUnder, importsOf } from './import-graph.js';

const code = /\.ts$/;
const sources = ['lib', 'functions', 'infra', 'local', 'bin', 'bench'].flatMap((dir) => filesUnder(dir, code));
const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const useCases = sources.filter((file) => under('lib/services')(file) && !under('lib/services/ports')(file));

/** Which of `files` import something `forbidden` says they must not, as `file → import` lines. */
const offending = (files: string[], forbidden: (target: string) => boolean) =>
  files.flatMap((file) => importsOf(file).local.filter(forbidden).map((target) => `${file} → ${target}`));

describe('the layers', () => {
  it('has no import cycle anywhere in the code', () => {
    expect(cyclesAmong(sources)).toEqual([]);
  });

  it('keeps use cases off the adapters and the wiring: they see only ports', () => {
    expect(offending(useCases, (target) => under('lib/adapters')(target) || under('lib/wiring')(target))).toEqual([]);
  });

  it('keeps the SDK out of the use cases: DynamoDB JSON and AWS clients stay in adapters and at the edge', () => {
    const sdk = useCases.flatMap((file) => importsOf(file).packages.filter((name) => /^@aws-sdk\/|^@smithy\//.test(name)).map((name) => `${file} → ${name}`));
    expect(sdk).toEqual([]);
  });

  it('keeps adapters from importing a use case: they implement ports and know nothing above them', () => {
    const adapters = sources.filter(under('lib/adapters'));
    expect(offending(adapters, (target) => under('lib/services')(target) && !under('lib/services/ports')(target))).toEqual([]);
  });

  it('leaves the wiring to the entry points: only functions, the local stack and scripts compose adapters into deps', () => {
    const lib = sources.filter((file) => under('lib')(file) && !under('lib/wiring')(file));
    expect(offending(lib, under('lib/wiring'))).toEqual([]);
  });

  it('keeps the handlers adapters of one kind: a function reaches adapters only through the wiring', () => {
    expect(offending(sources.filter(under('functions')), under('lib/adapters'))).toEqual([]);
  });

  it('keeps the ports free of use cases and adapters', () => {
    const ports = sources.filter(under('lib/services/ports'));
    const allowed = (target: string) => ['lib/domain', 'lib/workflow', 'lib/services/ports'].some((folder) => under(folder)(target)) || target === 'lib/observability/metric-names.ts';
    expect(offending(ports, (target) => !allowed(target))).toEqual([]);
  });

  it('keeps the domain pure: no SDK, no services, no adapters', () => {
    // The workflow's states are data the domain plans with; they import only the domain themselves.
    const domain = sources.filter((file) => under('lib/domain')(file) || under('lib/workflow')(file));
    expect(offending(domain, (target) => !['lib/domain', 'lib/workflow', 'lib/config'].some((folder) => under(folder)(target)))).toEqual([]);
    const sdk = domain.flatMap((file) => importsOf(file).packages.filter((name) => /^@aws-sdk\/|^@smithy\/|^aws-cdk-lib/.test(name)).map((name) => `${file} → ${name}`));
    expect(sdk).toEqual([]);
  });

  it('keeps lib/ free of the CDK: the CDK app in infra/ builds on lib/, never the other way', () => {
    const lib = sources.filter(under('lib'));
    expect(lib.flatMap((file) => importsOf(file).packages.filter((name) => name.startsWith('aws-cdk-lib')).map((name) => `${file} → ${name}`))).toEqual([]);
    expect(offending(lib, (target) => ['infra', 'local', 'functions', 'bin'].some((folder) => under(folder)(target)))).toEqual([]);
  });

  it('finds a cycle where there is one (the check itself can fail)', () => {
    expect(cyclesAmong(['test/unit/architecture/fixtures/a.ts', 'test/unit/architecture/fixtures/b.ts'])).toEqual([['test/unit/architecture/fixtures/a.ts', 'test/unit/architecture/fixtures/b.ts']]);
  });
});
