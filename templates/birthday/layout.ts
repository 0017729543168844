/**
 * `birthday` (marketing): on the contact's birthday (the ready-made birthday journey). Optional data:
 * `data.offerCode` (a birthday code, shown as the treat), `data.shopUrl` (the button).
 */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { button, frame, heading, paragraph, type ShippedLocaleSource } from '../frame.ts';

export interface BirthdayStrings {
  readonly subject: string;
  readonly preheader: string;
  readonly heading: string;
  readonly greeting: string;
  readonly body: string;
  /** Shown only with `data.offerCode`; names it with `{{ data.offerCode }}`. */
  readonly offer: string;
  readonly button: string;
  readonly signoff: string;
}

export const birthday = (locale: ShippedLocale, s: BirthdayStrings): ShippedLocaleSource => ({
  subject: s.subject,
  preheader: s.preheader,
  mjml: frame(
    locale,
    'marketing',
    [
      heading(s.heading),
      paragraph(s.greeting),
      paragraph(s.body),
      '        <mj-raw>{% if data.offerCode %}</mj-raw>',
      `        <mj-text padding="12px 25px" container-background-color="#fff7e6">${s.offer}</mj-text>`,
      '        <mj-raw>{% endif %}</mj-raw>',
      '        <mj-raw>{% if data.shopUrl %}</mj-raw>',
      button(s.button, '{{ data.shopUrl }}'),
      '        <mj-raw>{% endif %}</mj-raw>',
      paragraph(s.signoff),
    ].join('\n'),
  ),
});
