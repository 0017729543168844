/**
 * `double-opt-in` (transactional): the confirmation a new subscriber must click before marketing
 * consent counts. Needs `{{ confirm_url }}` (the sender passes the signed link as `data.confirm_url`).
 */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { button, frame, heading, paragraph, type ShippedLocaleSource, small } from '../frame.ts';

export interface DoubleOptInStrings {
  readonly subject: string;
  readonly preheader: string;
  readonly heading: string;
  readonly body: string;
  readonly button: string;
  readonly ignore: string;
  readonly fallback: string;
}

export const doubleOptIn = (locale: ShippedLocale, s: DoubleOptInStrings): ShippedLocaleSource => ({
  subject: s.subject,
  preheader: s.preheader,
  mjml: frame(
    locale,
    'transactional',
    [
      heading(s.heading),
      paragraph(s.body),
      button(s.button, '{{ confirm_url }}'),
      small(s.ignore),
      small(
        `${s.fallback}<br /><a href="{{ confirm_url }}" style="color:#1f6feb;word-break:break-all;">{{ confirm_url }}</a>`,
      ),
    ].join('\n'),
  ),
});
