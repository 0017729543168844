/**
 * The public pages behind the links: what `GET` and `POST /u/{token}` and `/c/{token}` answer. A GET
 * only shows (link scanners and mail previews open links); a POST acts. A link that is not valid gets
 * a page saying so (404), in the browser's language.
 */
import * as z from 'zod';
import { SuppressedContactError } from '../contacts/set-consent.ts';
import type { SubscriptionDeps } from './deps.ts';
import { InvalidLinkError } from './link-token.ts';
import { type OpenedLink, openLink } from './open-link.ts';
import { pageLocale } from './pages/page-locale.ts';
import {
  confirmPage,
  messagePage,
  type PageContext,
  preferencePage,
  topicName,
} from './pages/render-page.ts';
import {
  confirmSubscription,
  resubscribe,
  SOURCES,
  saveTopicChoices,
  unsubscribeAll,
} from './preferences.ts';

export interface PageReply {
  readonly status: number;
  readonly html: string;
}

/**
 * What a POST to an unsubscribe link may carry: RFC 8058's `List-Unsubscribe=One-Click` (sent by
 * mailbox providers, without cookies or auth), or the page's own forms. Other fields are ignored.
 */
export const unsubscribeForm = z.union([
  z.object({ 'List-Unsubscribe': z.literal('One-Click') }),
  z.object({ action: z.enum(['unsubscribe', 'resubscribe']) }),
  z.object({
    action: z.literal('save'),
    topic: z
      .union([z.string().max(40), z.array(z.string().max(40)).max(20)])
      .optional()
      .describe('the topics ticked (repeated field)'),
  }),
]);
export type UnsubscribeForm = z.infer<typeof unsubscribeForm>;

export const confirmForm = z.object({ action: z.literal('confirm') });

const contextOf = (link: OpenedLink, acceptLanguage: string | undefined): PageContext => ({
  locale: pageLocale(link.contact.locale, acceptLanguage, link.settings.defaultLocale),
  brand: link.workspaceName,
  email: link.contact.email,
});

const invalid = (acceptLanguage: string | undefined): PageReply => ({
  status: 404,
  html: messagePage({ locale: pageLocale(undefined, acceptLanguage, 'en'), brand: '' }, 'title', 'invalid'),
});

/** Open the link, or answer the "not valid" page. */
const withLink = async (
  token: string,
  purpose: 'unsubscribe' | 'confirm',
  acceptLanguage: string | undefined,
  deps: SubscriptionDeps,
  act: (link: OpenedLink, ctx: PageContext) => Promise<PageReply>,
): Promise<PageReply> => {
  let link: OpenedLink;
  try {
    link = await openLink(token, purpose, deps);
  } catch (error) {
    if (error instanceof InvalidLinkError) return invalid(acceptLanguage);
    throw error;
  }
  return act(link, contextOf(link, acceptLanguage));
};

const preferences = (
  link: OpenedLink,
  ctx: PageContext,
  notice?: 'saved' | 'resubscribed' | 'done',
): PageReply => {
  const { contact, settings } = link;
  return {
    status: 200,
    html: preferencePage(ctx, {
      unsubscribed: contact.consent.email?.status === 'unsubscribed',
      topics: settings.topics.map((t) => {
        const held = contact.topics?.[t.id]?.status;
        return {
          id: t.id,
          name: topicName(t, ctx.locale, settings.defaultLocale),
          checked: held === undefined ? t.subscribedByDefault : held === 'subscribed',
        };
      }),
      notice,
    }),
  };
};

/** GET /u/{token}: the question and the preference centre. Changes nothing. */
export const showUnsubscribePage = (
  token: string,
  acceptLanguage: string | undefined,
  deps: SubscriptionDeps,
): Promise<PageReply> =>
  withLink(token, 'unsubscribe', acceptLanguage, deps, async (link, ctx) => preferences(link, ctx));

/** POST /u/{token}: one-click, unsubscribe, resubscribe or save topic choices. */
export const postUnsubscribePage = (
  token: string,
  form: UnsubscribeForm,
  acceptLanguage: string | undefined,
  deps: SubscriptionDeps,
): Promise<PageReply> =>
  withLink(token, 'unsubscribe', acceptLanguage, deps, async (link, ctx) => {
    if ('List-Unsubscribe' in form) {
      await unsubscribeAll(link, SOURCES.oneClick, deps);
      return { status: 200, html: messagePage(ctx, 'title', 'done') };
    }
    switch (form.action) {
      case 'unsubscribe': {
        const { contact } = await unsubscribeAll(link, SOURCES.preferenceCentre, deps);
        return preferences({ ...link, contact }, ctx, 'done');
      }
      case 'resubscribe':
        return unlessSuppressed(link, ctx, async () => {
          const { contact } = await resubscribe(link, deps);
          return preferences({ ...link, contact }, ctx, 'resubscribed');
        });
      case 'save': {
        const chosen = form.topic === undefined ? [] : [form.topic].flat();
        return unlessSuppressed(link, ctx, async () => {
          const { contact } = await saveTopicChoices(link, chosen, deps);
          return preferences({ ...link, contact }, ctx, 'saved');
        });
      }
    }
  });

/** A suppressed contact (bounced, complained) cannot be subscribed again: the page stays as it was. */
const unlessSuppressed = async (
  link: OpenedLink,
  ctx: PageContext,
  act: () => Promise<PageReply>,
): Promise<PageReply> => {
  try {
    return await act();
  } catch (error) {
    if (error instanceof SuppressedContactError) return preferences(link, ctx);
    throw error;
  }
};

/** GET /c/{token}: asks to confirm the subscription. Changes nothing. */
export const showConfirmPage = (
  token: string,
  acceptLanguage: string | undefined,
  deps: SubscriptionDeps,
): Promise<PageReply> =>
  withLink(token, 'confirm', acceptLanguage, deps, async (link, ctx) =>
    link.contact.consent.email?.status === 'subscribed'
      ? { status: 200, html: messagePage(ctx, 'confirmTitle', 'alreadyConfirmed') }
      : { status: 200, html: confirmPage(ctx) },
  );

/** POST /c/{token}: the double opt-in confirmed, with source and time. */
export const postConfirmPage = (
  token: string,
  acceptLanguage: string | undefined,
  deps: SubscriptionDeps,
): Promise<PageReply> =>
  withLink(token, 'confirm', acceptLanguage, deps, async (link, ctx) => {
    let result: Awaited<ReturnType<typeof confirmSubscription>>;
    try {
      result = await confirmSubscription(link, deps);
    } catch (error) {
      if (!(error instanceof SuppressedContactError)) throw error;
      result = 'nothing';
    }
    const message = {
      confirmed: 'confirmed',
      already: 'alreadyConfirmed',
      nothing: 'nothingToConfirm',
    } as const;
    return { status: 200, html: messagePage(ctx, 'confirmTitle', message[result]) };
  });
