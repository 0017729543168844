/**
 * How the local Cognito mails password reset codes: into the local SES store, with the real SESv2
 * client, from {@link COGNITO_FROM}, in the language the pages were shown in. It writes to the store
 * (`aws-ses-v2-local`) rather than the SES front the functions use, as Cognito's default email does
 * not go through the account's SES (its quota, pause or configuration set).
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { ResetCodeMailer } from './cognito-password-reset.ts';
import { signInText } from './cognito-sign-in-text.ts';

/** The sender of the local Cognito's emails (Cognito's own is `no-reply@verificationemail.com`). */
export const COGNITO_FROM = 'no-reply@cognito.local';

/** A mailer into the local SES at `endpoint`; `onSent` is told of each email (the stack logs it). */
export const sesResetMailer = (
  endpoint: string,
  options: { readonly region?: string; readonly onSent?: (to: string) => void } = {},
): ResetCodeMailer => {
  const client = new SESv2Client({
    endpoint,
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return async ({ to, code, lang }) => {
    const text = signInText(lang);
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: COGNITO_FROM,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: text.mailSubject, Charset: 'UTF-8' },
            Body: { Text: { Data: text.mailBody(code), Charset: 'UTF-8' } },
          },
        },
      }),
    );
    options.onSent?.(to);
  };
};
