/**
 * The frame every shipped template shares: the workspace's name on top, the content in a white card,
 * and the footer. A marketing footer carries what the rules of email require (the postal address, a
 * visible unsubscribe link, the preference centre); a transactional one names the sender only.
 * The result is plain MJML source with Liquid inside: once installed, a template is the workspace's
 * own to edit.
 */
import type { EmailKind } from '../lib/email/message-tags.ts';
import type { ShippedLocale } from '../lib/workspaces/email-settings.schema.ts';

/** One locale of a shipped template, as the save route takes it. */
export interface ShippedLocaleSource {
  readonly subject: string;
  readonly preheader: string;
  readonly mjml: string;
}

interface FooterStrings {
  readonly why: string;
  readonly unsubscribe: string;
  readonly preferences: string;
  readonly service: string;
}

const FOOTER: Record<ShippedLocale, FooterStrings> = {
  en: {
    why: 'You are receiving this email because you signed up with {{ workspace.name }}.',
    unsubscribe: 'Unsubscribe',
    preferences: 'Email preferences',
    service: 'This is a service email from {{ workspace.name }}.',
  },
  es: {
    why: 'Recibes este correo porque te registraste en {{ workspace.name }}.',
    unsubscribe: 'Darte de baja',
    preferences: 'Preferencias de correo',
    service: 'Este es un correo de servicio de {{ workspace.name }}.',
  },
  fr: {
    why: 'Vous recevez cet e-mail suite à votre inscription auprès de {{ workspace.name }}.',
    unsubscribe: 'Se désabonner',
    preferences: 'Gérer mes préférences',
    service: 'Ceci est un e-mail de service de {{ workspace.name }}.',
  },
  it: {
    why: 'Ricevi questa email in seguito alla tua iscrizione a {{ workspace.name }}.',
    unsubscribe: "Annulla l'iscrizione",
    preferences: 'Preferenze email',
    service: "Questa è un'email di servizio di {{ workspace.name }}.",
  },
  'zh-Hant': {
    why: '您會收到這封郵件，是因為您曾在 {{ workspace.name }} 註冊或訂閱。',
    unsubscribe: '取消訂閱',
    preferences: '管理郵件偏好設定',
    service: '這是 {{ workspace.name }} 寄出的服務通知郵件。',
  },
};

const FONTS: Record<ShippedLocale, string> = {
  en: "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif",
  es: "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif",
  fr: "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif",
  it: "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif",
  'zh-Hant': "-apple-system, 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans TC', sans-serif",
};

const footer = (kind: EmailKind, s: FooterStrings) =>
  kind === 'marketing'
    ? `<mj-section padding="16px 0 32px">
      <mj-column>
        <mj-text align="center" font-size="12px" line-height="1.6" color="#6b7280">
          ${s.why}<br />
          <a href="{{ unsubscribe_url }}" style="color:#6b7280;">${s.unsubscribe}</a> · <a href="{{ preferences_url }}" style="color:#6b7280;">${s.preferences}</a><br />
          {{ workspace.name }} · {{ workspace.postal_address }}
        </mj-text>
      </mj-column>
    </mj-section>`
    : `<mj-section padding="16px 0 32px">
      <mj-column>
        <mj-text align="center" font-size="12px" line-height="1.6" color="#6b7280">
          ${s.service}{% if workspace.postal_address %}<br />{{ workspace.postal_address }}{% endif %}
        </mj-text>
      </mj-column>
    </mj-section>`;

/** A full MJML document around `body` (mj-sections), in `locale`. */
export const frame = (
  locale: ShippedLocale,
  kind: EmailKind,
  body: string,
): string => `<mjml lang="${locale}">
  <mj-head>
    <mj-title>{{ workspace.name }}</mj-title>
    <mj-preview>{{ preheader }}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${FONTS[locale]}" />
      <mj-text font-size="16px" line-height="1.6" color="#1f2933" />
      <mj-button background-color="#1f6feb" color="#ffffff" font-size="16px" font-weight="600" border-radius="6px" inner-padding="12px 24px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text align="center" font-size="20px" font-weight="700">{{ workspace.name }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="24px 8px">
      <mj-column>
${body}
      </mj-column>
    </mj-section>
    ${footer(kind, FOOTER[locale])}
  </mj-body>
</mjml>
`;

/** A heading, then paragraphs: the usual opening of a shipped template. */
export const heading = (text: string) =>
  `        <mj-text font-size="24px" font-weight="700" line-height="1.3">${text}</mj-text>`;
export const paragraph = (text: string) => `        <mj-text>${text}</mj-text>`;
export const button = (label: string, href: string) =>
  `        <mj-button href="${href}" align="left">${label}</mj-button>`;
export const small = (text: string) => `        <mj-text font-size="14px" color="#4b5563">${text}</mj-text>`;
