/**
 * The people who sign in to the console: one Cognito user pool and its sign-in domain. Admins invite
 * users (AdminCreateUser emails a temporary password); nobody signs up alone. The pool holds accounts,
 * so it lives in the data stack, retained and protected from deletion like the table: rebuilding the app
 * stack never logs everyone out for good.
 *
 * Plus feature plan with threat protection enforced (compromised-credential and risky sign-in checks):
 * cdk-nag asks for it, and at a console's few monthly active users it costs cents. MFA is optional (TOTP
 * apps only, no SMS): each user may turn it on, a workspace cannot be locked out by a lost phone.
 */
import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

export interface ConsoleUserPoolProps {
  /** Deployment stage; names the pool and, without `domainPrefix`, the sign-in domain. */
  readonly stage: string;
  /**
   * The sign-in domain's prefix (`<prefix>.auth.<region>.amazoncognito.com`), unique in the region across
   * all of AWS. Derived from the stage and this stack's own id when omitted.
   */
  readonly domainPrefix?: string;
  /** The console's URL when it is known at synth time (a custom domain): the invitation names it. */
  readonly consoleUrl?: string;
}

/** Cognito's rule for domain prefixes, plus its reserved words. */
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_WORDS = ['aws', 'amazon', 'cognito'];

export class ConsoleUserPool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: ConsoleUserPoolProps) {
    super(scope, id);
    const where = props.consoleUrl ? ` at ${props.consoleUrl}` : '';

    this.userPool = new cognito.UserPool(this, 'Pool', {
      userPoolName: `ecrm-${props.stage}-users`,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      selfSignUpEnabled: false,
      userInvitation: {
        emailSubject: 'Your ecrm console invitation',
        emailBody:
          `You have been invited to the ecrm console${where}. Sign in with {username} and the temporary ` +
          'password {####}; you will choose your own password then. The temporary password expires in 7 days.',
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
        passwordHistorySize: 5,
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'COG2',
      'MFA is optional (TOTP) so that each marketer can enable it; enforced threat protection (Plus plan) blocks risky sign-ins for everyone.',
    );

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: domainPrefixOf(props) },
      // Managed login: the localized, accessible sign-in pages (the classic hosted UI is English only).
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.domain.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }

  /** The OAuth endpoints' base URL: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  get oauthUrl(): string {
    return this.domain.baseUrl();
  }
}

/**
 * The given prefix, checked; or `ecrm-<stage>-<the last 12 hex digits of the stack's id>`: unique per
 * deployment without putting the account id in a public URL.
 */
const domainPrefixOf = ({ stage, domainPrefix }: ConsoleUserPoolProps): string => {
  if (domainPrefix !== undefined) {
    if (!DOMAIN_PREFIX.test(domainPrefix) || RESERVED_WORDS.some((w) => domainPrefix.includes(w)))
      throw new Error(
        `authDomainPrefix "${domainPrefix}" must be lowercase letters, digits and dashes (at most 63), without ${RESERVED_WORDS.join(', ')}`,
      );
    return domainPrefix;
  }
  const stackUuid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
  return `ecrm-${stage}-${Fn.select(4, Fn.split('-', stackUuid))}`;
};
