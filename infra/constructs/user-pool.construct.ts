/**
 * The people who sign in to the console: one Cognito user pool and its sign-in domain. Admins invite
 * users (AdminCreateUser emails a temporary password); nobody signs up alone. The pool holds accounts,
 * so it lives in the data stack, retained and protected from deletion like the table: rebuilding the app
 * stack never logs everyone out for good.
 *
 * Plus feature plan with threat protection enforced (compromised-credential and risky sign-in checks):
 * cdk-nag asks for it, and at a console's few monthly active users it costs cents. MFA is optional (TOTP
 * apps only, no SMS): each user may turn it on, a workspace cannot be locked out by a lost phone.
 *
 * Its emails go through SES from the deployer's verified identity when given one (Cognito's own sender
 * allows 50 emails a day for the account, a few invitations' worth on a busy day).
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
  /**
   * Send the pool's emails (invitations, password resets) through SES from a verified identity
   * (`-c inviteFrom=`). Without it, Cognito's own sender: `no-reply@verificationemail.com`, at most
   * 50 emails a day for the whole account.
   */
  readonly email?: UserPoolSesEmail;
}

export interface UserPoolSesEmail {
  /** The From address, verified in SES (the address itself, or its domain: `identity`). */
  readonly from: string;
  /** The sender's display name, e.g. `Brand marketing`. */
  readonly fromName?: string;
  /** The verified SES identity when it is the domain rather than the address (`shop.example`). */
  readonly identity?: string;
  /**
   * The SES region: the pool's own by default. Cognito sends through SES in the pool's region or in
   * us-east-1, us-west-2 or eu-west-1 (where the identity must then be verified).
   */
  readonly sesRegion?: string;
  /** An SES configuration set for these emails (not the marketing one: its events feed the campaigns'). */
  readonly configurationSet?: string;
}

/** A plain address: ASCII local part (Cognito's rule), one @, a dotted domain. */
const EMAIL_ADDRESS =
  /^[\x21-\x3f\x41-\x7e]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** How the pool sends email: SES from the given identity (checked), or Cognito's default. */
const emailOf = (email: UserPoolSesEmail | undefined): cognito.UserPoolEmail => {
  if (email === undefined) return cognito.UserPoolEmail.withCognito();
  if (!EMAIL_ADDRESS.test(email.from))
    throw new Error(
      `inviteFrom "${email.from}" must be an email address verified in SES, e.g. ecrm@shop.example`,
    );
  if (email.identity !== undefined) {
    if (
      !DOMAIN.test(email.identity) ||
      email.from.split('@')[1]?.toLowerCase() !== email.identity.toLowerCase()
    )
      throw new Error(
        `inviteIdentity "${email.identity}" must be the verified domain of inviteFrom "${email.from}"`,
      );
  }
  if (email.sesRegion !== undefined && !REGION.test(email.sesRegion))
    throw new Error(`inviteSesRegion "${email.sesRegion}" must be a region, e.g. eu-west-1`);
  return cognito.UserPoolEmail.withSES({
    fromEmail: email.from,
    ...(email.fromName ? { fromName: email.fromName } : {}),
    ...(email.identity ? { sesVerifiedDomain: email.identity } : {}),
    // The stack is environment-agnostic: its region is a deploy-time token, which the SES ARN takes.
    sesRegion: email.sesRegion ?? Aws.REGION,
    ...(email.configurationSet ? { configurationSetName: email.configurationSet } : {}),
  });
};

/**
 * The invitation Cognito emails on AdminCreateUser: where to sign in (the console's URL when known at
 * synth), the user name and the temporary password (Cognito fills `{username}` and `{####}`).
 */
export const invitationMessage = (consoleUrl: string | undefined) => {
  const where = consoleUrl ? `at ${consoleUrl}` : 'at the console address your administrator gave you';
  return {
    emailSubject: 'Your invitation to the ecrm console',
    emailBody:
      `You have been invited to the ecrm console. Sign in ${where}.<br><br>` +
      'Email: {username}<br>Temporary password: {####}<br><br>' +
      'You will choose your own password when you first sign in. The temporary password expires in 7 days.',
  };
};

/** Cognito's rule for domain prefixes, plus its reserved words. */
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_WORDS = ['aws', 'amazon', 'cognito'];

export class ConsoleUserPool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: ConsoleUserPoolProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'Pool', {
      userPoolName: `ecrm-${props.stage}-users`,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      selfSignUpEnabled: false,
      userInvitation: invitationMessage(props.consoleUrl),
      email: emailOf(props.email),
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
