/**
 * The console keeps its own copies of a few server lists (the console cannot import lib/: its schemas
 * would bring zod into the bundle). This test ties each copy to the server's list, so a value added or
 * renamed on the server fails here instead of vanishing from a menu.
 */
import { describe, expect, it } from 'vitest';
import {
  AB_METRICS as SERVER_AB_METRICS,
  MAX_AB_VARIANTS as SERVER_MAX_AB_VARIANTS,
} from '../../lib/campaigns/ab-test.schema.ts';
import { CAMPAIGN_STATUSES as SERVER_CAMPAIGN_STATUSES } from '../../lib/campaigns/campaign.schema.ts';
import {
  CONSENT_STATUSES as SERVER_CONSENT_STATUSES,
  CONTACT_FIELDS as SERVER_CONTACT_FIELDS,
  ENGAGEMENT_KINDS as SERVER_ENGAGEMENT_KINDS,
} from '../../lib/conditions/condition.schema.ts';
import { CHANNELS as SERVER_CHANNELS } from '../../lib/shared/values/channel.schema.ts';
import { SHIPPED_LOCALES } from '../../lib/workspaces/email-settings.schema.ts';
import {
  CHANNELS,
  CONSENT_STATUSES,
  CONTACT_FIELDS,
  ENGAGEMENT_KINDS,
} from '../src/conditions/builder-model.ts';
import { LOCALES } from '../src/i18n/locales.ts';
import { AB_METRICS, MAX_AB_VARIANTS } from '../src/pages/campaigns/ab-test-form.ts';
import { CAMPAIGN_STATUSES } from '../src/pages/campaigns/campaign-status.ts';

describe("the console's copies of server lists", () => {
  it.each([
    ['campaign statuses', CAMPAIGN_STATUSES, SERVER_CAMPAIGN_STATUSES],
    ['channels', CHANNELS, SERVER_CHANNELS],
    ['consent statuses', CONSENT_STATUSES, SERVER_CONSENT_STATUSES],
    ['contact fields', CONTACT_FIELDS, SERVER_CONTACT_FIELDS],
    ['engagement kinds', ENGAGEMENT_KINDS, SERVER_ENGAGEMENT_KINDS],
    ['A/B test metrics', AB_METRICS, SERVER_AB_METRICS],
    // Topic names are kept per shipped locale: the settings page edits one per console locale.
    ['locales', LOCALES, SHIPPED_LOCALES],
  ])('%s match the server', (_what, console, server) => {
    expect([...console].sort()).toEqual([...server].sort());
  });

  it('allows as many A/B variants as the server', () => {
    expect(MAX_AB_VARIANTS).toBe(SERVER_MAX_AB_VARIANTS);
  });
});
