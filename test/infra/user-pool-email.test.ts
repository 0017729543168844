/**
 * How the console's user pool sends its emails: through SES from the deployer's verified identity
 * (`-c inviteFrom=`), or Cognito's default sender (50 a day) without one; the invitation's text either
 * way. The construct alone in a stack, with cdk-nag's AwsSolutions pack.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { userPoolEmailOf } from '../../infra/app.ts';
import { ConsoleUserPool, type ConsoleUserPoolProps } from '../../infra/constructs/user-pool.construct.ts';
import { nagFindings } from './synth.ts';

const poolOf = (props: Partial<ConsoleUserPoolProps> = {}) => {
  const stack = new Stack(new App(), 'Data');
  new ConsoleUserPool(stack, 'Users', { stage: 'test', ...props });
  return { stack, template: Template.fromStack(stack) };
};

const emailConfiguration = (template: Template): unknown => {
  const pools = Object.values(template.findResources('AWS::Cognito::UserPool'));
  expect(pools).toHaveLength(1);
  return pools[0]?.Properties?.EmailConfiguration;
};

/** An ARN built by CloudFormation (`Fn::Join` of strings and pseudo parameters), read as text. */
const joined = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const ref = Reflect.get(Object(value), 'Ref');
  if (typeof ref === 'string') return `<${ref.replace('AWS::', '')}>`;
  const join: unknown = Reflect.get(Object(value), 'Fn::Join');
  if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map(joined).join(String(join[0]));
  throw new Error(`not an ARN: ${JSON.stringify(value)}`);
};

describe('the user pool’s email', () => {
  it('keeps Cognito’s own sender when no SES identity is given', () => {
    const { stack, template } = poolOf();
    expect(emailConfiguration(template)).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
    expect(nagFindings(stack)).toEqual([]);
  });

  it('sends through SES from the verified address, in the pool’s region by default', () => {
    const { stack, template } = poolOf({ email: { from: 'ecrm@shop.example', fromName: 'Shop marketing' } });
    const config = emailConfiguration(template);
    expect(config).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: 'Shop marketing <ecrm@shop.example>',
    });
    expect(config).not.toHaveProperty('ConfigurationSet');
    const sourceArn = joined(Reflect.get(Object(config), 'SourceArn'));
    expect(sourceArn).toBe('arn:<Partition>:ses:<Region>:<AccountId>:identity/ecrm@shop.example');
    expect(nagFindings(stack)).toEqual([]);
  });

  it('names a verified domain, another SES region and a configuration set when given', () => {
    const { template } = poolOf({
      email: {
        from: 'ecrm@shop.example',
        identity: 'shop.example',
        sesRegion: 'eu-west-1',
        configurationSet: 'ecrm-invitations',
      },
    });
    const config = emailConfiguration(template);
    expect(config).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: 'ecrm@shop.example',
      ConfigurationSet: 'ecrm-invitations',
    });
    expect(joined(Reflect.get(Object(config), 'SourceArn'))).toBe(
      'arn:<Partition>:ses:eu-west-1:<AccountId>:identity/shop.example',
    );
  });

  it('refuses what SES or Cognito would refuse at deploy time, naming the context value', () => {
    expect(() => poolOf({ email: { from: 'not an address' } })).toThrow(/inviteFrom "not an address"/);
    expect(() => poolOf({ email: { from: 'ecrm@shop.example', identity: 'other.example' } })).toThrow(
      /inviteIdentity/,
    );
    expect(() => poolOf({ email: { from: 'ecrm@shop.example', sesRegion: 'Europe' } })).toThrow(
      /inviteSesRegion/,
    );
  });

  it('reads the sender from the context, and refuses its companions without inviteFrom', () => {
    const context = (values: Record<string, string>) => (key: string) => values[key];
    expect(userPoolEmailOf(context({}))).toBeUndefined();
    expect(
      userPoolEmailOf(context({ inviteFrom: 'ecrm@shop.example', inviteConfigurationSet: 'invites' })),
    ).toEqual({ from: 'ecrm@shop.example', configurationSet: 'invites' });
    expect(() => userPoolEmailOf(context({ inviteSesRegion: 'eu-west-1' }))).toThrow(
      /inviteSesRegion need inviteFrom/,
    );
  });
});

describe('the invitation', () => {
  it('gives the console’s URL when known, the user name and the temporary password', () => {
    const { template } = poolOf({ consoleUrl: 'https://console.shop.example' });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: true,
        InviteMessageTemplate: {
          EmailSubject: 'Your invitation to the ecrm console',
          EmailMessage: Match.stringLikeRegexp(
            'Sign in at https://console\\.shop\\.example\\..*Email: \\{username\\}.*Temporary password: \\{####\\}.*7 days',
          ),
        },
      },
    });
  });

  it('still says where to go without a custom domain', () => {
    const { template } = poolOf();
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({
        InviteMessageTemplate: Match.objectLike({
          EmailMessage: Match.stringLikeRegexp('console address your administrator gave you.*\\{####\\}'),
        }),
      }),
    });
  });
});
