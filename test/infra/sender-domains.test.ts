import { beforeAll, describe, expect, it } from 'vitest';
import { everyTrigger } from './fixtures/every-trigger.catalogue.ts';
import {
  deployedFunction,
  grantedActions,
  nagFindings,
  type Synthesized,
  statementsOf,
  synthesize,
} from './synth.ts';

const senders = everyTrigger.filter((f) => f.name === 'add-sender-domain' || f.name === 'get-sender-domain');

let plain: Synthesized;
let tenants: Synthesized;
beforeAll(() => {
  plain = synthesize(senders);
  tenants = synthesize(senders, { sesTenants: 'true' });
});

const env = (ecrm: Synthesized, name: string): Record<string, unknown> =>
  deployedFunction(ecrm.appTemplate, name).properties.Environment.Variables;

const tenantResources = (ecrm: Synthesized) =>
  Object.values(ecrm.appTemplate.findResources('AWS::IAM::Policy'))
    .flatMap((p) => statementsOf(p))
    .filter((s) => [s.Action].flat().includes('ses:CreateTenant'))
    .flatMap((s) => [s.Resource].flat());

describe('sender domains on AWS', () => {
  it('lets the registering function manage identities, and the status function only read them', () => {
    expect(grantedActions(plain.appTemplate, 'add-sender-domain')).toEqual(
      expect.arrayContaining([
        'ses:CreateEmailIdentity',
        'ses:PutEmailIdentityMailFromAttributes',
        'ses:DeleteEmailIdentity',
        'ses:GetEmailIdentity',
        'ses:TagResource',
      ]),
    );
    const reads = grantedActions(plain.appTemplate, 'get-sender-domain').filter((a) => a.startsWith('ses:'));
    expect(reads).toEqual(['ses:GetEmailIdentity']);
  });

  it('uses no tenant unless the deployment asks for tenants (context sesTenants=true)', () => {
    expect('SES_TENANT_PREFIX' in env(plain, 'add-sender-domain')).toBe(false);
    expect(tenantResources(plain)).toEqual([]);

    expect(env(tenants, 'add-sender-domain').SES_TENANT_PREFIX).toBe('ecrm-dev');
    expect(env(tenants, 'get-sender-domain').SES_TENANT_PREFIX).toBe('ecrm-dev');
    expect(JSON.stringify(tenantResources(tenants))).toContain(':tenant/ecrm-dev-*');
    expect(grantedActions(tenants.appTemplate, 'get-sender-domain')).not.toContain('ses:CreateTenant');
  });

  it('passes cdk-nag with each wildcard acknowledged', () => {
    expect(nagFindings(tenants.appStack)).toEqual([]);
  });
});
