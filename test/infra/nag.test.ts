import { Validations } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyTrigger } from './fixtures/every-trigger.catalogue.ts';
import { nagFindings, type Synthesized, synthesize } from './synth.ts';

let ecrm: Synthesized;
beforeAll(() => {
  ecrm = synthesize(everyTrigger);
});

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** Every acknowledgement recorded in the app, with the construct it was made on. */
const acknowledgements = (): Acknowledgement[] =>
  ecrm.app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data ?? {}).map(([id, reason]) => ({
          path: c.node.path,
          id: id.replace(/^Annotation::/i, ''),
          reason: String(reason),
        })),
      ),
  );

describe('cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged error or warning in either stack', () => {
    expect(nagFindings(ecrm.data)).toEqual([]);
    expect(nagFindings(ecrm.appStack)).toEqual([]);
  });

  it('gives every acknowledgement a reason', () => {
    expect(acknowledgements().length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledgements())
      expect(reason.length, `${path} ${id}`).toBeGreaterThan(20);
  });

  it('keeps no acknowledgement that matches no finding on its own construct', () => {
    const raw = nagFindings(ecrm.app, { ignoreAcknowledgements: true });
    const stale = acknowledgements().filter(
      ({ path, id }) => !raw.some((f) => f.rule === id && f.paths.some((p) => p.startsWith(`${path}/`))),
    );
    expect(stale).toEqual([]);
  });

  it('acknowledges only rules whose cause is understood', () => {
    const rules = new Set(acknowledgements().map(({ id }) => id.replace(/\[.*$/, '')));
    expect([...rules].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
      'AwsSolutions-COG2',
      'AwsSolutions-IAM4',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
      'AwsSolutions-SQS3',
    ]);
  });
});
