/**
 * The templates ecrm ships, installed into a workspace by `POST /v1/templates/defaults` (and into the
 * demo workspace of `npm start`). Each is MJML with Liquid, per locale in `templates/<id>/<locale>.ts`;
 * the layouts say which data each expects. Bundled as code: nothing is read from disk at run time.
 */
import type { EmailKind } from '../lib/email/message-tags.ts';
import type { ShippedLocale } from '../lib/workspaces/email-settings.schema.ts';
import abandonedCheckoutEn from './abandoned-checkout/en.ts';
import abandonedCheckoutEs from './abandoned-checkout/es.ts';
import abandonedCheckoutFr from './abandoned-checkout/fr.ts';
import abandonedCheckoutIt from './abandoned-checkout/it.ts';
import abandonedCheckoutZhHant from './abandoned-checkout/zh-Hant.ts';
import birthdayEn from './birthday/en.ts';
import birthdayEs from './birthday/es.ts';
import birthdayFr from './birthday/fr.ts';
import birthdayIt from './birthday/it.ts';
import birthdayZhHant from './birthday/zh-Hant.ts';
import doubleOptInEn from './double-opt-in/en.ts';
import doubleOptInEs from './double-opt-in/es.ts';
import doubleOptInFr from './double-opt-in/fr.ts';
import doubleOptInIt from './double-opt-in/it.ts';
import doubleOptInZhHant from './double-opt-in/zh-Hant.ts';
import type { ShippedLocaleSource } from './frame.ts';
import mqlAlertEn from './mql-alert/en.ts';
import mqlAlertEs from './mql-alert/es.ts';
import mqlAlertFr from './mql-alert/fr.ts';
import mqlAlertIt from './mql-alert/it.ts';
import mqlAlertZhHant from './mql-alert/zh-Hant.ts';
import newsletterEn from './newsletter/en.ts';
import newsletterEs from './newsletter/es.ts';
import newsletterFr from './newsletter/fr.ts';
import newsletterIt from './newsletter/it.ts';
import newsletterZhHant from './newsletter/zh-Hant.ts';
import orderFollowUpEn from './order-follow-up/en.ts';
import orderFollowUpEs from './order-follow-up/es.ts';
import orderFollowUpFr from './order-follow-up/fr.ts';
import orderFollowUpIt from './order-follow-up/it.ts';
import orderFollowUpZhHant from './order-follow-up/zh-Hant.ts';
import reviewRequestEn from './review-request/en.ts';
import reviewRequestEs from './review-request/es.ts';
import reviewRequestFr from './review-request/fr.ts';
import reviewRequestIt from './review-request/it.ts';
import reviewRequestZhHant from './review-request/zh-Hant.ts';
import welcomeEn from './welcome/en.ts';
import welcomeEs from './welcome/es.ts';
import welcomeFr from './welcome/fr.ts';
import welcomeIt from './welcome/it.ts';
import welcomeZhHant from './welcome/zh-Hant.ts';
import winBackEn from './win-back/en.ts';
import winBackEs from './win-back/es.ts';
import winBackFr from './win-back/fr.ts';
import winBackIt from './win-back/it.ts';
import winBackZhHant from './win-back/zh-Hant.ts';

export interface ShippedTemplate {
  readonly id: string;
  readonly name: string;
  readonly kind: EmailKind;
  readonly topic?: string;
  readonly locales: Readonly<Record<ShippedLocale, ShippedLocaleSource>>;
}

export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [
  {
    id: 'welcome',
    name: 'Welcome',
    kind: 'marketing',
    locales: { en: welcomeEn, es: welcomeEs, fr: welcomeFr, it: welcomeIt, 'zh-Hant': welcomeZhHant },
  },
  {
    id: 'double-opt-in',
    name: 'Double opt-in confirmation',
    kind: 'transactional',
    locales: {
      en: doubleOptInEn,
      es: doubleOptInEs,
      fr: doubleOptInFr,
      it: doubleOptInIt,
      'zh-Hant': doubleOptInZhHant,
    },
  },
  {
    id: 'abandoned-checkout',
    name: 'Abandoned checkout',
    kind: 'marketing',
    locales: {
      en: abandonedCheckoutEn,
      es: abandonedCheckoutEs,
      fr: abandonedCheckoutFr,
      it: abandonedCheckoutIt,
      'zh-Hant': abandonedCheckoutZhHant,
    },
  },
  {
    id: 'order-follow-up',
    name: 'Order follow-up',
    kind: 'marketing',
    locales: {
      en: orderFollowUpEn,
      es: orderFollowUpEs,
      fr: orderFollowUpFr,
      it: orderFollowUpIt,
      'zh-Hant': orderFollowUpZhHant,
    },
  },
  {
    id: 'review-request',
    name: 'Review request',
    kind: 'marketing',
    locales: {
      en: reviewRequestEn,
      es: reviewRequestEs,
      fr: reviewRequestFr,
      it: reviewRequestIt,
      'zh-Hant': reviewRequestZhHant,
    },
  },
  {
    id: 'win-back',
    name: 'Win-back',
    kind: 'marketing',
    locales: { en: winBackEn, es: winBackEs, fr: winBackFr, it: winBackIt, 'zh-Hant': winBackZhHant },
  },
  {
    id: 'birthday',
    name: 'Birthday',
    kind: 'marketing',
    locales: { en: birthdayEn, es: birthdayEs, fr: birthdayFr, it: birthdayIt, 'zh-Hant': birthdayZhHant },
  },
  {
    id: 'newsletter',
    name: 'Newsletter',
    kind: 'marketing',
    topic: 'newsletter',
    locales: {
      en: newsletterEn,
      es: newsletterEs,
      fr: newsletterFr,
      it: newsletterIt,
      'zh-Hant': newsletterZhHant,
    },
  },
  {
    id: 'mql-alert',
    name: 'MQL alert to sales',
    kind: 'transactional',
    locales: { en: mqlAlertEn, es: mqlAlertEs, fr: mqlAlertFr, it: mqlAlertIt, 'zh-Hant': mqlAlertZhHant },
  },
];
