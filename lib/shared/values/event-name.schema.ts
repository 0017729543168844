/** An event's name (what happened: `Viewed Product`) and a client's event id (its dedupe key). A leaf module. */
import * as z from 'zod';

export const eventIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only');

export const eventNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][\w .:-]*$/, 'starts with a letter; letters, digits, space and _ . : - only');
