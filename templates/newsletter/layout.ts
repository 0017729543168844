/**
 * `newsletter` (marketing, topic `newsletter`): a starting point to edit. Optional data:
 * `data.headline`, `data.intro`, `data.articles` (`title`, `summary`, `url`).
 */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { frame, paragraph, type ShippedLocaleSource } from '../frame.ts';

export interface NewsletterStrings {
  /** The subject and heading when `data.headline` is not given. */
  readonly title: string;
  readonly preheader: string;
  readonly greeting: string;
  readonly intro: string;
  readonly readMore: string;
  readonly signoff: string;
}

export const newsletter = (locale: ShippedLocale, s: NewsletterStrings): ShippedLocaleSource => ({
  subject: `{% if data.headline %}{{ data.headline }}{% else %}${s.title}{% endif %}`,
  preheader: s.preheader,
  mjml: frame(
    locale,
    'marketing',
    [
      `        <mj-text font-size="24px" font-weight="700" line-height="1.3">{% if data.headline %}{{ data.headline }}{% else %}${s.title}{% endif %}</mj-text>`,
      paragraph(s.greeting),
      paragraph(`{% if data.intro %}{{ data.intro }}{% else %}${s.intro}{% endif %}`),
      '        <mj-raw>{% for article in data.articles %}</mj-raw>',
      '        <mj-divider border-width="1px" border-color="#e5e7eb" />',
      '        <mj-text font-size="18px" font-weight="700">{{ article.title }}</mj-text>',
      '        <mj-text>{{ article.summary }}</mj-text>',
      `        <mj-text><a href="{{ article.url }}" style="color:#1f6feb;font-weight:600;">${s.readMore} →</a></mj-text>`,
      '        <mj-raw>{% endfor %}</mj-raw>',
      paragraph(s.signoff),
    ].join('\n'),
  ),
});
