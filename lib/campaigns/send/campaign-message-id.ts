/**
 * A campaign recipient's message id, derived from the campaign and the contact: the same contact of
 * the same campaign always gets the same id, whichever chunk, retry or redelivery sends it. Its time
 * part is the campaign's launch, so the message sits at the launch in the contact's timeline and the
 * feedback loop finds it from the id alone (message.schema.ts).
 */
import { derivedId } from '../../shared/ids.ts';

export const campaignMessageId = (campaignId: string, launchedAt: Date, contactId: string): string =>
  derivedId('m', launchedAt, `campaign/${campaignId}/${contactId}`);
