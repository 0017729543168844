/**
 * `review-request` (marketing): asks for a review once the order has been in hand for a while. Needs
 * `data.reviewUrl`; optional `data.lineItems` (`name`) lists what was bought.
 */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { button, frame, heading, paragraph, type ShippedLocaleSource } from '../frame.ts';

export interface ReviewRequestStrings {
  readonly subject: string;
  readonly preheader: string;
  readonly heading: string;
  readonly greeting: string;
  readonly body: string;
  readonly why: string;
  readonly button: string;
  readonly thanks: string;
}

export const reviewRequest = (locale: ShippedLocale, s: ReviewRequestStrings): ShippedLocaleSource => ({
  subject: s.subject,
  preheader: s.preheader,
  mjml: frame(
    locale,
    'marketing',
    [
      heading(s.heading),
      paragraph(s.greeting),
      paragraph(s.body),
      '        <mj-raw>{% if data.lineItems %}</mj-raw>',
      '        <mj-text><ul style="margin:0;padding-left:20px;">{% for item in data.lineItems %}<li>{{ item.name }}</li>{% endfor %}</ul></mj-text>',
      '        <mj-raw>{% endif %}</mj-raw>',
      paragraph(s.why),
      button(s.button, '{{ data.reviewUrl }}'),
      paragraph(s.thanks),
    ].join('\n'),
  ),
});
