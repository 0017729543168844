/**
 * The two ways to hand a batch to SES v2, behind one `Mailer`:
 * - `sesBulkMailer` (what ecrm uses): one `SendBulkEmail` call per batch of ≤ 50. The template is
 *   inline and only passes our own rendering through (`{{{subject}}}`, `{{{html}}}`, `{{{text}}}`
 *   filled per entry; SES's Handlebars does not re-read what it inserts, so data stays inert), with
 *   each entry's `ReplacementHeaders` (List-Unsubscribe) and `ReplacementTags`.
 * - `sesSingleMailer`: one `SendEmail` per recipient (Simple content), kept for the measurement in
 *   bench/sending.ts.
 * The client must be built with `maxAttempts: 1`: a retry would resend a timed-out call.
 */
import { SendBulkEmailCommand, SendEmailCommand, type SesClient } from '../../shared/aws/sesv2.ts';
import { CALL_WITNESS, toSesTags } from '../message-tags.ts';
import type { EntryResult, Mailer, OutgoingBatch, OutgoingEmail } from './ports.ts';
import { bulkEntryResult, callFailure } from './ses-results.ts';

export const PASS_THROUGH_TEMPLATE = {
  Subject: '{{{subject}}}',
  Html: '{{{html}}}',
  Text: '{{{text}}}',
} as const;

const headers = (email: OutgoingEmail) => email.headers.map((h) => ({ Name: h.name, Value: h.value }));

/** SES's limit on one entry's `ReplacementTemplateData`: a bigger entry would fail the whole call. */
export const MAX_REPLACEMENT_DATA = 262_144;

const replacementData = (email: OutgoingEmail) =>
  JSON.stringify({ subject: email.subject, html: email.html, text: email.text });

export interface SesOptions {
  readonly configurationSet: string;
}

export const bulkEmailInput = (batch: OutgoingBatch, options: SesOptions) => ({
  FromEmailAddress: batch.from,
  ...(batch.fromIdentityArn ? { FromEmailAddressIdentityArn: batch.fromIdentityArn } : {}),
  ...(batch.tenantName ? { TenantName: batch.tenantName } : {}),
  ConfigurationSetName: options.configurationSet,
  DefaultContent: {
    Template: {
      TemplateContent: { ...PASS_THROUGH_TEMPLATE },
      TemplateData: JSON.stringify({ subject: '', html: '', text: '' }),
    },
  },
  BulkEmailEntries: batch.emails.map((email, i) => ({
    Destination: { ToAddresses: [email.to] },
    ReplacementEmailContent: {
      ReplacementTemplate: {
        ReplacementTemplateData: replacementData(email),
      },
    },
    ReplacementTags: toSesTags(
      // The call's witness: its Send event tells the feedback loop that SES took the call.
      i === batch.emails.length - 1 && email.tags.chunk !== undefined
        ? { ...email.tags, chunk: `${email.tags.chunk}${CALL_WITNESS}` }
        : email.tags,
    ),
    ...(email.headers.length > 0 ? { ReplacementHeaders: headers(email) } : {}),
  })),
});

export const sesBulkMailer = (client: SesClient, options: SesOptions): Mailer => ({
  async send(batch) {
    const results: EntryResult[] = new Array(batch.emails.length);
    const fitting: number[] = [];
    batch.emails.forEach((email, i) => {
      const size = replacementData(email).length;
      if (size > MAX_REPLACEMENT_DATA)
        results[i] = { outcome: 'final', reason: `rendered email too large for SES: ${size} characters` };
      else fitting.push(i);
    });
    if (fitting.length === 0) return results;
    const emails = fitting.flatMap((i) => batch.emails[i] ?? []);
    try {
      const out = await client.send(new SendBulkEmailCommand(bulkEmailInput({ ...batch, emails }, options)));
      const answers = out.BulkEmailEntryResults ?? [];
      fitting.forEach((at, i) => {
        const entry = answers[i];
        results[at] = entry
          ? bulkEntryResult(entry)
          : { outcome: 'unknown', reason: 'SES returned no result for this entry' };
      });
    } catch (error) {
      const failure = callFailure(error);
      for (const at of fitting) results[at] = failure;
    }
    return results;
  },
});

export const singleEmailInput = (batch: OutgoingBatch, email: OutgoingEmail, options: SesOptions) => ({
  FromEmailAddress: batch.from,
  ...(batch.fromIdentityArn ? { FromEmailAddressIdentityArn: batch.fromIdentityArn } : {}),
  ...(batch.tenantName ? { TenantName: batch.tenantName } : {}),
  ConfigurationSetName: options.configurationSet,
  Destination: { ToAddresses: [email.to] },
  Content: {
    Simple: {
      Subject: { Data: email.subject, Charset: 'UTF-8' },
      Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
      ...(email.headers.length > 0 ? { Headers: headers(email) } : {}),
    },
  },
  EmailTags: toSesTags(email.tags),
});

/** One SendEmail per recipient, `concurrency` at a time. */
export const sesSingleMailer = (
  client: SesClient,
  options: SesOptions & { readonly concurrency: number },
): Mailer => ({
  async send(batch) {
    const results: EntryResult[] = new Array(batch.emails.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, batch.emails.length) }, async () => {
        for (let i = next++; i < batch.emails.length; i = next++) {
          const email = batch.emails[i];
          if (!email) continue;
          try {
            const out = await client.send(new SendEmailCommand(singleEmailInput(batch, email, options)));
            results[i] = out.MessageId
              ? { outcome: 'sent', sesMessageId: out.MessageId }
              : { outcome: 'unknown', reason: 'SendEmail answered without a MessageId' };
          } catch (error) {
            results[i] = callFailure(error);
          }
        }
      }),
    );
    return results;
  },
});
