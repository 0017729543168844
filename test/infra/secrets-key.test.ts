import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyTrigger } from './fixtures/every-trigger.catalogue.ts';
import { deployedFunction, grantedActions, logicalIds, type Synthesized, synthesize } from './synth.ts';

let ecrm: Synthesized;
beforeAll(() => {
  ecrm = synthesize(everyTrigger, { stage: 'dev' });
});

const kmsActionsOf = (name: string) =>
  grantedActions(ecrm.appTemplate, name).filter((a) => a.startsWith('kms:'));

/** The statements granting kms actions to `ecrm-dev-<name>`'s role. */
const kmsStatementsOf = (name: string) => {
  const role: unknown = deployedFunction(ecrm.appTemplate, name).properties.Role['Fn::GetAtt'][0];
  const policies = ecrm.appTemplate.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: role }]) },
  });
  return Object.values(policies)
    .flatMap(
      (p): { Action: string | string[]; Resource: unknown; Condition?: unknown }[] =>
        p.Properties.PolicyDocument.Statement,
    )
    .filter((s) => [s.Action].flat().some((a) => a.startsWith('kms:')));
};

describe('the secrets key', () => {
  it('is one customer-managed symmetric key with rotation, retained on delete', () => {
    ecrm.dataTemplate.resourceCountIs('AWS::KMS::Key', 1);
    ecrm.dataTemplate.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ EnableKeyRotation: true, KeySpec: Match.absent() }),
    });
  });

  it('is named by the stage alias ecrm-<stage>-secrets', () => {
    const [key] = logicalIds(ecrm.dataTemplate, 'AWS::KMS::Key');
    ecrm.dataTemplate.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/ecrm-dev-secrets',
      TargetKeyId: { 'Fn::GetAtt': [key, 'Arn'] },
    });
    const prod = synthesize(everyTrigger, { stage: 'prod' });
    prod.dataTemplate.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/ecrm-prod-secrets' });
  });

  it('reaches the functions that declare kms access as SECRETS_KEY_ID, the key ARN from the data stack', () => {
    const users = everyTrigger.filter((f) => f.access.kms !== undefined);
    expect(users.length).toBeGreaterThan(0);
    for (const { name } of users) {
      expect(
        deployedFunction(ecrm.appTemplate, name).properties.Environment.Variables.SECRETS_KEY_ID,
        name,
      ).toEqual({
        'Fn::ImportValue': expect.stringMatching(/SecretsKey.*Arn/),
      });
    }
  });
});

describe('secrets key grants', () => {
  it('give a function without kms access no kms action at all', () => {
    for (const { name } of everyTrigger.filter((f) => f.access.kms === undefined)) {
      expect(kmsActionsOf(name), name).toEqual([]);
    }
  });

  it("give 'decrypt' kms:Decrypt only, 'encrypt' kms:Encrypt only, 'encryptDecrypt' exactly both", () => {
    expect(kmsActionsOf('receive-webhook')).toEqual(['kms:Decrypt']);
    expect(kmsActionsOf('put-connection')).toEqual(['kms:Encrypt']);
    expect(kmsActionsOf('rotate-connection-secret').sort()).toEqual(['kms:Decrypt', 'kms:Encrypt']);
  });

  it('scope every kms action to the secrets key alone, never *', () => {
    for (const { name } of everyTrigger.filter((f) => f.access.kms !== undefined)) {
      const statements = kmsStatementsOf(name);
      expect(statements.length, name).toBe(1);
      for (const statement of statements) {
        expect(statement.Resource, name).toEqual({
          'Fn::ImportValue': expect.stringMatching(/SecretsKey.*Arn/),
        });
        expect(statement.Condition, name).toBeUndefined();
      }
    }
  });

  it('leave the key policy as CDK writes it: no grant added to the key itself', () => {
    const [key] = Object.values(ecrm.dataTemplate.findResources('AWS::KMS::Key'));
    const statements: { Principal: unknown }[] = key?.Properties.KeyPolicy.Statement ?? [];
    expect(statements).toHaveLength(1);
    expect(JSON.stringify(statements[0]?.Principal)).toContain(':root');
  });
});
