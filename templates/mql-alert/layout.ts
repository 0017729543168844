/**
 * `mql-alert` (transactional, to the workspace's sales address): a contact became a marketing-qualified
 * lead. Data: `data.contact` (`email`, optional `name`, `company`, `url` of the contact in the
 * console), `data.score`, `data.breakdown` (`label`, `points`), `data.recent` (`name`, `at` ISO).
 */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { button, frame, heading, paragraph, type ShippedLocaleSource, small } from '../frame.ts';

export interface MqlAlertStrings {
  readonly subject: string;
  readonly preheader: string;
  readonly heading: string;
  /** Names the lead with `{{ who }}`, which the layout defines. */
  readonly body: string;
  readonly breakdown: string;
  readonly points: string;
  readonly recent: string;
  readonly button: string;
  readonly tip: string;
}

const WHO =
  '{% if data.contact.name %}{% capture who %}{{ data.contact.name }} ({{ data.contact.email }}){% endcapture %}' +
  '{% else %}{% assign who = data.contact.email %}{% endif %}';

export const mqlAlert = (locale: ShippedLocale, s: MqlAlertStrings): ShippedLocaleSource => ({
  subject: s.subject,
  preheader: s.preheader,
  mjml: frame(
    locale,
    'transactional',
    [
      `        <mj-raw>${WHO}</mj-raw>`,
      heading(s.heading),
      paragraph(`${s.body}{% if data.contact.company %}<br />{{ data.contact.company }}{% endif %}`),
      `        <mj-text font-size="18px" font-weight="700">${s.breakdown}</mj-text>`,
      `        <mj-table cellpadding="4px" font-size="15px">
          {% for part in data.breakdown %}
          <tr><td>{{ part.label }}</td><td style="text-align:right;white-space:nowrap;">{{ part.points }} ${s.points}</td></tr>
          {% endfor %}
        </mj-table>`,
      `        <mj-text font-size="18px" font-weight="700">${s.recent}</mj-text>`,
      `        <mj-table cellpadding="4px" font-size="15px">
          {% for item in data.recent %}
          <tr><td>{{ item.name }}</td><td style="text-align:right;white-space:nowrap;color:#4b5563;">{{ item.at | date: "%Y-%m-%d %H:%M" }} UTC</td></tr>
          {% endfor %}
        </mj-table>`,
      '        <mj-raw>{% if data.contact.url %}</mj-raw>',
      button(s.button, '{{ data.contact.url }}'),
      '        <mj-raw>{% endif %}</mj-raw>',
      small(s.tip),
    ].join('\n'),
  ),
});
