/** `welcome` (marketing): sent when someone signs up. Optional data: `data.shopUrl` (the button). */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { button, frame, heading, paragraph, type ShippedLocaleSource } from '../frame.ts';

export interface WelcomeStrings {
  readonly subject: string;
  readonly preheader: string;
  readonly heading: string;
  /** `{% if contact.firstName %}...{% else %}...{% endif %}` */
  readonly greeting: string;
  readonly body: readonly string[];
  readonly button: string;
  readonly signoff: string;
}

export const welcome = (locale: ShippedLocale, s: WelcomeStrings): ShippedLocaleSource => ({
  subject: s.subject,
  preheader: s.preheader,
  mjml: frame(
    locale,
    'marketing',
    [
      heading(s.heading),
      paragraph(s.greeting),
      ...s.body.map(paragraph),
      '        <mj-raw>{% if data.shopUrl %}</mj-raw>',
      button(s.button, '{{ data.shopUrl }}'),
      '        <mj-raw>{% endif %}</mj-raw>',
      paragraph(s.signoff),
    ].join('\n'),
  ),
});
