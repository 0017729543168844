/** What a GDPR export holds: everything ecrm keeps on a contact. */
import * as z from 'zod';
import { timelineEntryView } from '../events/timeline.schema.ts';
import { contactView } from './contact.schema.ts';

export const contactExportView = z.strictObject({
  exportedAt: z.string(),
  contact: contactView,
  timeline: z.array(timelineEntryView.strict()),
  other: z
    .array(z.record(z.string(), z.unknown()))
    .describe(
      'every other record attached to the contact (orders, storefront links, score history), as stored',
    ),
});

/** A stored export (e.g. for a Shopify customers/data_request), as the API returns it. */
export const storedExportView = z.strictObject({
  contactId: z.string(),
  createdAt: z.string(),
  content: z
    .record(z.string(), z.unknown())
    .describe('the contact export as it was made (the shape of `GET /v1/contacts/{contactId}/export` then)'),
});
