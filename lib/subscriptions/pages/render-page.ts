/**
 * The public pages as HTML: small, readable on a phone, no script, no external resource (the page's
 * policy forbids them), every value from data escaped. A form posts back to the page's own URL.
 */
import type { EmailSettings, ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import { PAGE_TEXT, type PageText } from './page-text.ts';

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** `ana@example.com` → `a***@example.com`: enough to recognise one's address, not to read it off a forwarded link. */
export const maskEmail = (email: string | undefined): string => {
  if (!email) return '';
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
};

export interface PageContext {
  readonly locale: ShippedLocale;
  readonly brand: string;
  /** The contact's address, masked on the page. */
  readonly email?: string | undefined;
}

type TextKey = keyof PageText;

/** A sentence of the page in its locale, `{brand}` and `{email}` filled in, escaped. */
const say = (ctx: PageContext, key: TextKey): string =>
  escapeHtml(PAGE_TEXT[ctx.locale][key])
    .replaceAll('{brand}', `<strong>${escapeHtml(ctx.brand)}</strong>`)
    .replaceAll('{email}', `<strong>${escapeHtml(maskEmail(ctx.email))}</strong>`);

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans TC",sans-serif;background:#f5f5f4;color:#1c1917;margin:0;padding:2rem 1rem}
main{max-width:32rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem 1.75rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:0 0 1rem}h2{font-size:1.05rem;margin:1.75rem 0 .5rem}p{line-height:1.5}
button{font:inherit;padding:.6rem 1.1rem;border-radius:6px;border:1px solid #44403c;background:#1c1917;color:#fff;cursor:pointer}
fieldset{border:0;padding:0;margin:0 0 1rem}label{display:block;padding:.35rem 0}.note{color:#57534e;font-size:.9rem}.notice{background:#ecfccb;padding:.6rem .8rem;border-radius:6px}`;

const layout = (ctx: PageContext, title: TextKey, body: string): string =>
  `<!doctype html><html lang="${ctx.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${escapeHtml(PAGE_TEXT[ctx.locale][title])}${ctx.brand ? ` · ${escapeHtml(ctx.brand)}` : ''}</title><style>${STYLE}</style></head><body><main><h1>${say(ctx, title)}</h1>${body}</main></body></html>`;

const button = (ctx: PageContext, action: string, label: TextKey): string =>
  `<form method="post"><input type="hidden" name="action" value="${action}"><button type="submit">${say(ctx, label)}</button></form>`;

export interface TopicChoice {
  readonly id: string;
  readonly name: string;
  readonly checked: boolean;
}

/** A topic's name in the page's locale, else the workspace's default locale's, else any, else its id. */
export const topicName = (
  topic: EmailSettings['topics'][number],
  locale: ShippedLocale,
  fallback: ShippedLocale,
): string => topic.names[locale] ?? topic.names[fallback] ?? Object.values(topic.names)[0] ?? topic.id;

/**
 * The unsubscribe page and preference centre: asks to confirm (a GET never unsubscribes: link
 * scanners open links), and lets the person pick topics. An unsubscribed person is told so and may
 * come back.
 */
export const preferencePage = (
  ctx: PageContext,
  state: {
    readonly unsubscribed: boolean;
    readonly topics: readonly TopicChoice[];
    readonly notice?: 'saved' | 'resubscribed' | 'done' | undefined;
  },
): string => {
  const parts: string[] = [];
  if (state.notice) parts.push(`<p class="notice" role="status">${say(ctx, state.notice)}</p>`);
  if (state.unsubscribed) {
    if (state.notice !== 'done') parts.push(`<p>${say(ctx, 'alreadyUnsubscribed')}</p>`);
    if (state.topics.length === 0) parts.push(button(ctx, 'resubscribe', 'resubscribe'));
  } else {
    parts.push(`<p>${say(ctx, 'question')}</p>`, button(ctx, 'unsubscribe', 'unsubscribe'));
  }
  if (state.topics.length > 0) {
    const boxes = state.topics
      .map(
        (t) =>
          `<label><input type="checkbox" name="topic" value="${escapeHtml(t.id)}"${t.checked && !state.unsubscribed ? ' checked' : ''}> ${escapeHtml(t.name)}</label>`,
      )
      .join('');
    parts.push(
      `<h2 id="preferences">${say(ctx, 'preferencesTitle')}</h2><form method="post"><input type="hidden" name="action" value="save"><fieldset>${boxes}</fieldset><button type="submit">${say(ctx, 'save')}</button></form>`,
    );
  }
  parts.push(`<p class="note">${say(ctx, 'transactionalNote')}</p>`);
  return layout(ctx, 'title', parts.join(''));
};

/** A page that only says something: done, invalid link, confirmed... */
export const messagePage = (ctx: PageContext, title: TextKey, message: TextKey): string =>
  layout(ctx, title, `<p role="status">${say(ctx, message)}</p>`);

/** The double opt-in page: a button confirms (a GET never does: link scanners open links). */
export const confirmPage = (ctx: PageContext): string =>
  layout(ctx, 'confirmTitle', `<p>${say(ctx, 'confirmText')}</p>${button(ctx, 'confirm', 'confirmButton')}`);
