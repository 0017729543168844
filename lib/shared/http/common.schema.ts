/** Schemas shared by many routes: pagination, the error body, ids in paths. */
import * as z from 'zod';

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

export const errorBodySchema = z.object({
  error: z.object({
    status: z.number().int(),
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const errorResponses = {
  401: { description: 'missing, malformed or revoked API key', schema: errorBodySchema },
  403: { description: 'the key lacks the scope this route needs', schema: errorBodySchema },
  422: { description: 'a field is invalid; `issues` names it', schema: errorBodySchema },
} as const;

export const notFound = {
  404: { description: 'no such resource in this workspace', schema: errorBodySchema },
} as const;
