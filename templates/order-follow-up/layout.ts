/**
 * `order-follow-up` (marketing): a few days after an order. Optional data: `data.orderId` (named in
 * the text), `data.shopUrl` (the button) — the `order.placed` event's data fits.
 */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { button, frame, heading, paragraph, type ShippedLocaleSource } from '../frame.ts';

export interface OrderFollowUpStrings {
  readonly subject: string;
  readonly preheader: string;
  readonly heading: string;
  readonly greeting: string;
  /** Mentions `{% if data.orderId %}...{{ data.orderId }}...{% endif %}` where the language puts it. */
  readonly body: string;
  readonly help: string;
  readonly button: string;
  readonly signoff: string;
}

export const orderFollowUp = (locale: ShippedLocale, s: OrderFollowUpStrings): ShippedLocaleSource => ({
  subject: s.subject,
  preheader: s.preheader,
  mjml: frame(
    locale,
    'marketing',
    [
      heading(s.heading),
      paragraph(s.greeting),
      paragraph(s.body),
      paragraph(s.help),
      '        <mj-raw>{% if data.shopUrl %}</mj-raw>',
      button(s.button, '{{ data.shopUrl }}'),
      '        <mj-raw>{% endif %}</mj-raw>',
      paragraph(s.signoff),
    ].join('\n'),
  ),
});
