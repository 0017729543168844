/**
 * The deployed console: its private bucket behind CloudFront (origin access control), the security headers
 * and SPA routing, the API behaviours of the one origin, the Cognito user pool and its sign-in client,
 * the sign-in environment of the HTTP functions, and no dependency cycle between the client's callback,
 * the distribution, the API and its functions.
 */
import { runInNewContext } from 'node:vm';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleDirectory } from '../../infra/console-build.ts';
import { consoleCsp } from '../../infra/console-headers.ts';
import { SPA_ROUTING_FUNCTION } from '../../infra/constructs/spa-routing.function.ts';
import { everyTrigger } from './fixtures/every-trigger.catalogue.ts';
import {
  deployedFunction,
  grantedActions,
  logicalIds,
  nagFindings,
  type Statement,
  type Synthesized,
  statementsOf,
  synthesize,
} from './synth.ts';

/** CloudFront's managed policies, by their fixed ids. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

const CUSTOM_DOMAIN = {
  consoleDomain: 'console.brand.example',
  consoleCertificateArn:
    'arn:aws:acm:us-east-1:123456789012:certificate/0c2c3e6e-0000-4000-8000-000000000000',
};

let ecrm: Synthesized;
let custom: Synthesized;
beforeAll(() => {
  ecrm = synthesize(everyTrigger);
  custom = synthesize(everyTrigger, CUSTOM_DOMAIN);
});

const only = <T>(found: Record<string, T>): [string, T] => {
  const entries = Object.entries(found);
  const [first, ...others] = entries;
  if (!first || others.length > 0) throw new Error(`expected exactly one, found ${entries.length}`);
  return first;
};

const distributionOf = (template: Template) => only(template.findResources('AWS::CloudFront::Distribution'));
const bucketId = (template: Template) =>
  only(
    template.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.anyValue() } }),
  )[0];

/** An Fn::Join as a string, each token written `<…>`; a plain string as is. */
const joined = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const join: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, 'Fn::Join') : undefined;
  if (!Array.isArray(join)) return '<token>';
  const [separator, parts]: unknown[] = join;
  if (typeof separator !== 'string' || !Array.isArray(parts)) return '<token>';
  return parts.map((p) => (typeof p === 'string' ? p : '<token>')).join(separator);
};

/** The logical ids `value` refers to (Ref, Fn::GetAtt, Fn::Sub); pseudo parameters excluded. */
const referencesOf = (value: unknown): Set<string> => {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    for (const [key, inner] of Object.entries(v)) {
      if (key === 'Ref' && typeof inner === 'string' && !inner.startsWith('AWS::')) found.add(inner);
      else if (key === 'Fn::GetAtt' && Array.isArray(inner) && typeof inner[0] === 'string')
        found.add(inner[0]);
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        if (typeof text === 'string')
          for (const [, id] of text.matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)) if (id) found.add(id);
        walk(inner);
      } else walk(inner);
    }
  };
  walk(value);
  return found;
};

describe('the console bucket', () => {
  it('is private: every public access blocked, S3-managed encryption, access logs to the logs bucket', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'console-bucket/' },
    });
  });

  it('logs to a private logs bucket that keeps access logs 90 days, written by S3 logging only', () => {
    const [logs] = only(
      ecrm.appTemplate.findResources('AWS::S3::Bucket', {
        Properties: { LifecycleConfiguration: Match.anyValue() },
      }),
    );
    ecrm.appTemplate.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: logs } },
    });
    ecrm.appTemplate.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      }),
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90, Status: 'Enabled' })] },
    });
    ecrm.appTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logs },
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' } }),
        ]),
      }),
    });
  });

  it('is read only by this distribution, through origin access control (no OAI), over TLS only', () => {
    const bucket = bucketId(ecrm.appTemplate);
    const [distribution] = distributionOf(ecrm.appTemplate);
    const [, policy] = only(
      ecrm.appTemplate.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: bucket } } }),
    );
    const statements: (Statement & {
      Effect: string;
      Principal: unknown;
      Condition?: Record<string, Record<string, unknown>>;
    })[] = policy.Properties.PolicyDocument.Statement;
    const reads = statements.filter(
      (s) => s.Effect === 'Allow' && [s.Action].flat().includes('s3:GetObject'),
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]?.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(joined(reads[0]?.Condition?.StringEquals?.['AWS:SourceArn'])).toBe(
      'arn:<token>:cloudfront::<token>:distribution/<token>',
    );
    expect(referencesOf(reads[0]?.Condition)).toEqual(new Set([distribution]));
    // Nobody else may read: the only other Allow is CDK's auto-delete role (delete and list, no GetObject).
    for (const s of statements.filter((s) => s.Effect === 'Allow' && s !== reads[0]))
      expect([s.Action].flat()).not.toContain('s3:GetObject');
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );

    ecrm.appTemplate.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    const [oac] = only(ecrm.appTemplate.findResources('AWS::CloudFront::OriginAccessControl'));
    ecrm.appTemplate.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    ecrm.appTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [bucket, 'RegionalDomainName'] },
            OriginAccessControlId: { 'Fn::GetAtt': [oac, 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ]),
      }),
    });
  });

  it('receives the built console: hashed assets immutable first, then the pages no-cache with an invalidation', () => {
    const deployments = ecrm.appTemplate.findResources('Custom::CDKBucketDeployment');
    const byInclude = (include: boolean) =>
      only(
        Object.fromEntries(
          Object.entries(deployments).filter(([, d]) => (d.Properties.Include !== undefined) === include),
        ),
      );
    const [assetsId, assets] = byInclude(true);
    const [, pages] = byInclude(false);
    expect(assets.Properties).toMatchObject({
      Include: ['assets/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(assets.Properties.DistributionId).toBeUndefined();
    expect(pages.Properties).toMatchObject({
      Exclude: ['assets/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionId: { Ref: distributionOf(ecrm.appTemplate)[0] },
      DistributionPaths: ['/*'],
    });
    expect(pages.DependsOn).toContain(assetsId);
  });

  it('is uploaded from a built console directory only (an index.html), named by -c consoleDir', () => {
    expect(() => consoleDirectory('/nowhere', '/nowhere/at/all')).toThrow(/holds no index.html/);
  });
});

describe('the distribution', () => {
  it('serves index.html at the root over HTTP/2 and 3, price class 100, with access logs', () => {
    const [, distribution] = distributionOf(ecrm.appTemplate);
    expect(distribution.Properties.DistributionConfig).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      PriceClass: 'PriceClass_100',
      Logging: {
        Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^ConsoleLogs/), 'RegionalDomainName'] },
        Prefix: 'cloudfront/',
      },
    });
  });

  it('sends /v1/* and /auth/* to the HTTP API uncached, with every viewer header but Host, every method', () => {
    const [, distribution] = distributionOf(ecrm.appTemplate);
    const config = distribution.Properties.DistributionConfig;
    const api = only(
      Object.fromEntries(
        (config.Origins as { Id: string; DomainName: unknown }[])
          .filter((o) => JSON.stringify(o.DomainName).includes('ApiEndpoint'))
          .map((o) => [o.Id, o]),
      ),
    );
    expect(api[1]).toMatchObject({
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
    const behaviours = config.CacheBehaviors as { PathPattern: string }[];
    expect(behaviours.map((b) => b.PathPattern).sort()).toEqual(['/auth/*', '/v1/*']);
    for (const behaviour of behaviours) {
      expect(behaviour).toMatchObject({
        TargetOriginId: api[0],
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
        Compress: true,
        ViewerProtocolPolicy: 'https-only',
      });
      expect(behaviour).not.toHaveProperty('FunctionAssociations');
    }
  });

  it('routes the SPA with a viewer-request function on the default behaviour, not with error pages', () => {
    const [, distribution] = distributionOf(ecrm.appTemplate);
    const config = distribution.Properties.DistributionConfig;
    const [spa] = only(ecrm.appTemplate.findResources('AWS::CloudFront::Function'));
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [spa, 'FunctionARN'] } },
    ]);
    expect(config.CustomErrorResponses).toBeUndefined();
    ecrm.appTemplate.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: SPA_ROUTING_FUNCTION,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });

  it("rewrites extension-less paths to /index.html and leaves files alone (the function's own code)", () => {
    const handler = runInNewContext(`${SPA_ROUTING_FUNCTION}; handler`);
    const rewrite = (uri: string): string => handler({ request: { uri, headers: {} } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/contacts')).toBe('/index.html');
    expect(rewrite('/contacts/c_01J9Z/')).toBe('/index.html');
    expect(rewrite('/campaigns/cmp_1/results')).toBe('/index.html');
    expect(rewrite('/assets/index-3f2a9c.js')).toBe('/assets/index-3f2a9c.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
    expect(rewrite('/index.html')).toBe('/index.html');
  });

  it('adds a strict CSP, HSTS (2 years, subdomains, preload), nosniff, DENY framing and strict referrers', () => {
    const [headers, policy] = only(ecrm.appTemplate.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const security = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(joined(security.ContentSecurityPolicy.ContentSecurityPolicy)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self' https://<token>.auth.<token>.amazoncognito.com",
    );
    // Only the email preview's inline styles are let in; scripts never.
    expect(consoleCsp(['https://x.example'])).not.toMatch(/\*|unsafe-eval/);
    expect(consoleCsp(['https://x.example']).match(/[^;]*unsafe[^;]*/g)).toEqual([
      " style-src 'self' 'unsafe-inline'",
    ]);
    expect(security).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63_072_000,
        IncludeSubdomains: true,
        Preload: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    // On every behaviour, the API's too.
    const config = distributionOf(ecrm.appTemplate)[1].Properties.DistributionConfig;
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: headers });
  });

  it('answers on a custom domain with its certificate and TLS 1.2 when given one', () => {
    const [, distribution] = distributionOf(custom.appTemplate);
    expect(distribution.Properties.DistributionConfig).toMatchObject({
      Aliases: ['console.brand.example'],
      ViewerCertificate: {
        AcmCertificateArn: CUSTOM_DOMAIN.consoleCertificateArn,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
    expect(nagFindings(custom.appStack)).toEqual([]);
  });
});

describe('the user pool', () => {
  it('signs in by email, invitation only, strong passwords, optional TOTP, recovery by email', () => {
    ecrm.dataTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('enforces threat protection (Plus plan) and is protected and retained like the table', () => {
    ecrm.dataTemplate.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
      }),
    });
  });

  it('has a managed-login domain, its prefix derived from the stack or given by -c authDomainPrefix', () => {
    const [, domain] = only(ecrm.dataTemplate.findResources('AWS::Cognito::UserPoolDomain'));
    expect(domain.Properties.ManagedLoginVersion).toBe(2);
    expect(joined(domain.Properties.Domain)).toBe('ecrm-dev-<token>');
    expect(JSON.stringify(domain.Properties.Domain)).toContain('AWS::StackId');
    const named = synthesize(everyTrigger, { authDomainPrefix: 'brand-ecrm-login' });
    named.dataTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'brand-ecrm-login' });
    expect(() => synthesize(everyTrigger, { authDomainPrefix: 'my-cognito' })).toThrow(/authDomainPrefix/);
  });

  it('names the console in the invitation when its URL is known (a custom domain)', () => {
    custom.dataTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: true,
        InviteMessageTemplate: Match.objectLike({
          EmailMessage: Match.stringLikeRegexp(
            'at https://console\\.brand\\.example\\..*\\{username\\}.*\\{####\\}',
          ),
        }),
      },
    });
  });
});

describe('the sign-in client', () => {
  it('is public, code grant only (PKCE), openid email profile, 1 h access and 30 d refresh tokens', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      AccessTokenValidity: 60,
      RefreshTokenValidity: 30 * 24 * 60,
      TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes', RefreshToken: 'minutes' }),
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
    const [, client] = only(ecrm.appTemplate.findResources('AWS::Cognito::UserPoolClient'));
    expect(client.Properties.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(client.Properties.ExplicitAuthFlows).not.toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
  });

  it("calls back to the console's /auth/callback and signs out to its root (the distribution or custom domain)", () => {
    const [distribution] = distributionOf(ecrm.appTemplate);
    const [, client] = only(ecrm.appTemplate.findResources('AWS::Cognito::UserPoolClient'));
    const url = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, path]],
    });
    expect(client.Properties.CallbackURLs).toEqual([url('/auth/callback')]);
    expect(client.Properties.LogoutURLs).toEqual([url('/')]);
    custom.appTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://console.brand.example/auth/callback'],
      LogoutURLs: ['https://console.brand.example/'],
    });
  });

  it('has a managed-login branding (Cognito defaults), without which managed login shows no page', () => {
    const [client] = only(ecrm.appTemplate.findResources('AWS::Cognito::UserPoolClient'));
    ecrm.appTemplate.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: client },
      UseCognitoProvidedValues: true,
    });
  });
});

describe('the functions', () => {
  const envOf = (s: Synthesized, name: string): Record<string, unknown> =>
    deployedFunction(s.appTemplate, name).properties.Environment.Variables;

  it('tells every HTTP-route function how users sign in; no other function', () => {
    const [client] = only(ecrm.appTemplate.findResources('AWS::Cognito::UserPoolClient'));
    const [distribution] = distributionOf(ecrm.appTemplate);
    for (const { name, trigger } of everyTrigger) {
      const env = envOf(ecrm, name);
      for (const variable of [
        'AUTH_ISSUER',
        'AUTH_JWKS_URI',
        'AUTH_CLIENT_ID',
        'AUTH_OAUTH_URL',
        'CONSOLE_URL',
        'AUTH_COOKIE_SECURE',
      ])
        expect(variable in env, `${name} ${variable}`).toBe(trigger.kind === 'http');
    }
    const env = envOf(ecrm, 'get-contact');
    expect(joined(env.AUTH_ISSUER)).toBe('https://cognito-idp.<token>.<token>/<token>');
    expect(joined(env.AUTH_JWKS_URI)).toBe(
      'https://cognito-idp.<token>.<token>/<token>/.well-known/jwks.json',
    );
    expect(joined(env.AUTH_OAUTH_URL)).toBe('https://<token>.auth.<token>.amazoncognito.com');
    expect(env.AUTH_CLIENT_ID).toEqual({ Ref: client });
    expect(env.CONSOLE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]],
    });
    expect(env.AUTH_COOKIE_SECURE).toBe('true');
    expect(envOf(custom, 'get-contact').CONSOLE_URL).toBe('https://console.brand.example');
  });

  it("gives AUTH_USER_POOL_ID and the pool's user-management actions to the userPool functions only", () => {
    for (const { name, access } of everyTrigger) {
      const manages = access.userPool === 'manage';
      expect('AUTH_USER_POOL_ID' in envOf(ecrm, name), name).toBe(manages);
      const cognitoActions = grantedActions(ecrm.appTemplate, name).filter((a) =>
        a.startsWith('cognito-idp:'),
      );
      expect(cognitoActions.sort(), name).toEqual(
        manages
          ? [
              'cognito-idp:AdminCreateUser',
              'cognito-idp:AdminDeleteUser',
              'cognito-idp:AdminGetUser',
              'cognito-idp:AdminSetUserPassword',
              'cognito-idp:ListUsers',
            ]
          : [],
      );
    }
    // On that pool only.
    const policies = Object.values(ecrm.appTemplate.findResources('AWS::IAM::Policy'));
    const statements = policies
      .flatMap(statementsOf)
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(statements).toHaveLength(1);
    expect(statements[0]?.Resource).toEqual({ 'Fn::ImportValue': expect.stringMatching(/UsersPool/) });
  });

  it('does not move the public links: PUBLIC_URL stays the API (or -c publicUrl)', () => {
    expect(JSON.stringify(envOf(ecrm, 'run-step').PUBLIC_URL)).toContain('execute-api');
  });
});

describe('the one origin without a cycle', () => {
  it('chains client → distribution → API resource and functions → client, and CloudFormation can order it', () => {
    const app = ecrm.stackTemplates.get(ecrm.appStack.node.id);
    if (!app) throw new Error('no app stack template');
    const [client, clientResource] = only(app.findResources('AWS::Cognito::UserPoolClient'));
    const [distribution, distributionResource] = distributionOf(app);
    const [api] = only(app.findResources('AWS::ApiGatewayV2::Api'));
    // The chain that could close into a cycle is real…
    expect(referencesOf(clientResource)).toContain(distribution);
    expect(referencesOf(distributionResource)).toContain(api);
    const nestedUsingClient = logicalIds(app, 'AWS::CloudFormation::Stack').filter((id) =>
      referencesOf(app.toJSON().Resources[id]).has(client),
    );
    expect(nestedUsingClient.length).toBeGreaterThan(0);
    // …and the distribution needs nothing of the routes or their nested stacks, so no stack has a cycle:
    // the assertions library's Template refuses a template whose resources depend on each other in a loop.
    expect([...referencesOf(distributionResource)].filter((r) => nestedUsingClient.includes(r))).toEqual([]);
    for (const s of [ecrm, custom])
      for (const [id, template] of [...s.stackTemplates, ['data', s.dataTemplate] as const])
        expect(() => Template.fromJSON(template.toJSON()), id).not.toThrow();
  });

  it('would be refused with a cycle (the check itself)', () => {
    const looped = {
      Resources: {
        A: { Type: 'AWS::SNS::Topic', Properties: { X: { Ref: 'B' } } },
        B: { Type: 'AWS::SNS::Topic', Properties: { Y: { 'Fn::GetAtt': ['A', 'Arn'] } } },
      },
    };
    expect(() => Template.fromJSON(looped)).toThrow(/dependency cycle: A -> B -> A/);
  });
});

describe('outputs', () => {
  it('gives the console URL, the user pool id and the client id', () => {
    const outputs = ecrm.appTemplate.toJSON().Outputs;
    expect(joined(outputs.ConsoleUrl.Value)).toBe('https://<token>');
    expect(outputs.UserPoolId.Value).toEqual({ 'Fn::ImportValue': expect.stringMatching(/UsersPool/) });
    expect(outputs.UserPoolClientId.Value).toEqual({
      Ref: only(ecrm.appTemplate.findResources('AWS::Cognito::UserPoolClient'))[0],
    });
    expect(custom.appTemplate.toJSON().Outputs.ConsoleUrl.Value).toBe('https://console.brand.example');
  });
});
