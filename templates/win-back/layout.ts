/**
 * `win-back` (marketing): for customers who have not come back in a long while. Optional data:
 * `data.offerCode` (a welcome-back code), `data.shopUrl` (the button).
 */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { button, frame, heading, paragraph, type ShippedLocaleSource, small } from '../frame.ts';

export interface WinBackStrings {
  readonly subject: string;
  readonly preheader: string;
  readonly heading: string;
  readonly greeting: string;
  readonly body: string;
  /** Shown only with `data.offerCode`; names it with `{{ data.offerCode }}`. */
  readonly offer: string;
  readonly button: string;
  readonly leave: string;
}

export const winBack = (locale: ShippedLocale, s: WinBackStrings): ShippedLocaleSource => ({
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
      small(s.leave),
    ].join('\n'),
  ),
});
