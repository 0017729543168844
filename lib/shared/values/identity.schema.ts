/**
 * How a person is named: the contact id ecrm gives, and the email, external id (the shop's or CRM's)
 * and anonymous id (a browser's) that callers give. A leaf module, like every value schema in this
 * folder: contacts, events, scoring, segments and the condition language all read these, so it
 * imports nothing of the domain.
 */
import * as z from 'zod';

export const contactIdSchema = z.string().regex(/^c_[0-9a-z]{26}$/, 'not a contact id');

export const emailSchema = z.email('not a valid email address').max(254);
export const externalIdSchema = z.string().min(1).max(128);
export const anonymousIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only');
