/**
 * `abandoned-checkout` (marketing): the data of the `checkout.abandoned` event — `data.lineItems`
 * (`name`, `quantity`, `unitPrice` in minor units), `data.total`, `data.currency`, and
 * `data.recoveryUrl` when the shop gave one (the button).
 */
import type { ShippedLocale } from '../../lib/workspaces/email-settings.schema.ts';
import { button, frame, heading, paragraph, type ShippedLocaleSource, small } from '../frame.ts';

export interface AbandonedCheckoutStrings {
  readonly subject: string;
  readonly preheader: string;
  readonly heading: string;
  readonly greeting: string;
  readonly body: string;
  readonly total: string;
  readonly button: string;
  readonly help: string;
}

export const abandonedCheckout = (
  locale: ShippedLocale,
  s: AbandonedCheckoutStrings,
): ShippedLocaleSource => ({
  subject: s.subject,
  preheader: s.preheader,
  mjml: frame(
    locale,
    'marketing',
    [
      heading(s.heading),
      paragraph(s.greeting),
      paragraph(s.body),
      `        <mj-table cellpadding="6px" font-size="15px">
          {% for item in data.lineItems %}
          <tr style="border-bottom:1px solid #e5e7eb;">
            <td>{{ item.name }}{% if item.quantity > 1 %} × {{ item.quantity }}{% endif %}</td>
            <td style="text-align:right;white-space:nowrap;">{{ item.unitPrice | times: item.quantity | money: data.currency }}</td>
          </tr>
          {% endfor %}
          <tr>
            <td style="font-weight:700;">${s.total}</td>
            <td style="text-align:right;font-weight:700;white-space:nowrap;">{{ data.total | money: data.currency }}</td>
          </tr>
        </mj-table>`,
      '        <mj-raw>{% if data.recoveryUrl %}</mj-raw>',
      button(s.button, '{{ data.recoveryUrl }}'),
      '        <mj-raw>{% endif %}</mj-raw>',
      small(s.help),
    ].join('\n'),
  ),
});
