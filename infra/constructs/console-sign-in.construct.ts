/**
 * How the console signs people in: the user pool's public app client (no secret: the code is exchanged
 * by our own /auth routes, and PKCE protects it) for the authorization code grant with the console's
 * callback, and its managed-login branding (Cognito's own look). It lives in the app stack because its
 * callback names the console's URL, which the app stack's distribution gives; the pool itself is in the
 * data stack. `environment` is what every HTTP-route function is told about it (CONTRACT "Environment").
 */
import { Aws, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface ConsoleSignInProps {
  readonly userPool: cognito.IUserPool;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  readonly oauthUrl: string;
  /** The console's origin, without a trailing slash. */
  readonly consoleUrl: string;
}

/** The sign-in settings of every HTTP-route function (functions/shared reads them). */
export interface AuthEnvironment {
  readonly AUTH_ISSUER: string;
  readonly AUTH_JWKS_URI: string;
  readonly AUTH_CLIENT_ID: string;
  readonly AUTH_OAUTH_URL: string;
  readonly CONSOLE_URL: string;
  readonly AUTH_COOKIE_SECURE: 'true';
}

export class ConsoleSignIn extends Construct {
  readonly client: cognito.UserPoolClient;
  readonly environment: AuthEnvironment;

  constructor(scope: Construct, id: string, props: ConsoleSignInProps) {
    super(scope, id);
    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      userPoolClientName: 'ecrm-console',
      generateSecret: false,
      // Managed login signs in; SRP is the one direct flow left, for a script that has a user's password.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.consoleUrl}/auth/callback`],
        logoutUrls: [`${props.consoleUrl}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });

    // Managed login shows a client's pages only once it has a branding; Cognito's defaults are enough.
    new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const issuer = `https://cognito-idp.${Stack.of(this).region}.${Aws.URL_SUFFIX}/${props.userPool.userPoolId}`;
    this.environment = {
      AUTH_ISSUER: issuer,
      AUTH_JWKS_URI: `${issuer}/.well-known/jwks.json`,
      AUTH_CLIENT_ID: this.client.userPoolClientId,
      AUTH_OAUTH_URL: props.oauthUrl,
      CONSOLE_URL: props.consoleUrl,
      AUTH_COOKIE_SECURE: 'true',
    };
  }
}
