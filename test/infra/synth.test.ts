/**
 * The real catalogue, synthesized and bundled the way `cdk synth` does it: every handler entry must exist
 * and bundle, every route must reach the API, and cdk-nag must stay clean as the catalogue grows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../infra/catalogue/functions.ts';
import { JOURNEY_INPUTS } from '../../lib/journeys/journey-inputs.ts';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../lib/outgoing-webhooks/subscribable-events.ts';
import { patternFor } from '../../lib/shared/events/catalogue.ts';
import { typesIn } from '../../lib/shared/events/meanings.ts';
import { accessMismatches, nagFindings, type Synthesized, synthesize } from './synth.ts';

let ecrm: Synthesized;
// Bundles every function of the catalogue: minutes on a busy machine.
beforeAll(() => {
  ecrm = synthesize();
}, 900_000);

describe('the real catalogue', () => {
  it("keeps every stack well inside CloudFormation's 500 resources (the API tags' routes are nested stacks)", () => {
    const counts = new Map(
      [...ecrm.stackTemplates].map(([id, t]) => [id, Object.keys(t.toJSON().Resources ?? {}).length]),
    );
    expect(counts.size).toBeGreaterThan(1);
    // A margin of a fifth: growth shows here long before a deploy fails.
    for (const [id, count] of counts) expect(count, id).toBeLessThanOrEqual(400);
  });

  it('builds one nodejs24.x arm64 Lambda per entry', () => {
    // CDK's own handlers (the console upload, the console bucket's emptying) are unnamed; every named one is ours.
    const deployed = Object.values(ecrm.appTemplate.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.FunctionName !== undefined,
    );
    expect(deployed.map((f) => f.Properties.FunctionName).sort()).toEqual(
      functions.map((f) => `ecrm-dev-${f.name}`).sort(),
    );
    for (const f of deployed)
      expect(f.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it('routes exactly the catalogue routes, none behind an API Gateway authorizer (functions check keys)', () => {
    const expected = functions.flatMap((f) =>
      f.trigger.kind === 'http' ? [`${f.trigger.route.method} ${f.trigger.route.path} NONE`] : [],
    );
    const actual = Object.values(ecrm.appTemplate.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => `${r.Properties.RouteKey} ${r.Properties.AuthorizationType}`,
    );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('grants each function exactly what its access declaration implies', () => {
    expect(functions.flatMap((spec) => accessMismatches(ecrm.appTemplate, spec))).toEqual([]);
  });

  it('bundles every handler as an ES module that can still require CommonJS', () => {
    const outdir = ecrm.app.outdir;
    // The catalogue functions' bundles (the console and CDK's own handlers are assets too).
    const bundles = new Set(
      Object.values(ecrm.appTemplate.findResources('AWS::Lambda::Function'))
        .filter((f) => f.Properties.FunctionName !== undefined)
        .map((f) => `asset.${String(f.Properties.Code.S3Key).replace(/\.zip$/, '')}`),
    );
    const assets = readdirSync(outdir).filter((d) => bundles.has(d));
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.length).toBe(bundles.size);
    for (const asset of assets) {
      const code = readFileSync(join(outdir, asset, 'index.mjs'), 'utf8');
      expect(
        code.startsWith(
          "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        ),
      ).toBe(true);
    }
  });

  it('feeds the outgoing webhooks queue from a rule on the ecrm bus with the subscribable types, for workspaces with an endpoint and replays', () => {
    const [queue] = Object.keys(ecrm.appTemplate.findResources('AWS::SQS::Queue')).filter((id) =>
      /^Queuesdeliverwebhooks[0-9A-F]+$/.test(id),
    );
    expect(queue).toBeDefined();
    ecrm.appTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { 'Fn::ImportValue': Match.stringLikeRegexp('Bus') },
      EventPattern: {
        ...patternFor(...SUBSCRIBABLE_EVENT_TYPES),
        $or: [
          { detail: { fanout: { hooks: [true] } } },
          { detail: { fanout: { hooks: [{ exists: false }] } } },
          { 'replay-name': [{ exists: true }] },
        ],
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [queue, 'Arn'] } })],
    });
    expect([...ecrm.stackTemplates.keys()].some((id) => id.includes('ApiWebhookEndpoints'))).toBe(true);
  });

  it('invokes journey-events only for workspaces that had a live journey, and for replays', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { 'Fn::ImportValue': Match.stringLikeRegexp('Bus') },
      EventPattern: {
        ...patternFor(...typesIn(JOURNEY_INPUTS)),
        $or: [
          { detail: { fanout: { journeys: [true] } } },
          { detail: { fanout: { journeys: [{ exists: false }] } } },
          { 'replay-name': [{ exists: true }] },
        ],
      },
    });
  });

  it('passes cdk-nag AwsSolutions with nothing left unacknowledged', () => {
    expect(nagFindings(ecrm.data)).toEqual([]);
    expect(nagFindings(ecrm.appStack)).toEqual([]);
  });
});
