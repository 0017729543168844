/** The segments API's contracts. */
import * as z from 'zod';
import { conditionSchema } from '../../lib/conditions/condition.schema.ts';
import {
  createSegmentBody,
  importViewSchema,
  segmentIdSchema,
  segmentViewSchema,
  updateSegmentBody,
} from '../../lib/segments/segment.schema.ts';
import { errorBodySchema, errorResponses, notFound, pageQuery } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { contactIdSchema } from '../../lib/shared/values/identity.schema.ts';

const params = z.strictObject({ segmentId: segmentIdSchema });
const conflict = {
  409: { description: 'changed meanwhile, or not allowed for this kind', schema: errorBodySchema },
} as const;

export const createSegmentRoute = defineRoute({
  operationId: 'createSegment',
  method: 'POST',
  path: '/v1/segments',
  scope: 'write',
  tag: 'segments',
  summary:
    'Create a dynamic segment (a condition; membership stays current by itself) or a static one (a list).',
  body: createSegmentBody,
  responses: {
    201: { description: 'the segment; a dynamic one starts its first rebuild', schema: segmentViewSchema },
    ...errorResponses,
  },
});

export const listSegmentsRoute = defineRoute({
  operationId: 'listSegments',
  method: 'GET',
  path: '/v1/segments',
  scope: 'read',
  tag: 'segments',
  summary: "The workspace's segments.",
  responses: {
    200: { description: 'the segments', schema: z.object({ segments: z.array(segmentViewSchema) }) },
    ...errorResponses,
  },
});

export const getSegmentRoute = defineRoute({
  operationId: 'getSegment',
  method: 'GET',
  path: '/v1/segments/{segmentId}',
  scope: 'read',
  tag: 'segments',
  summary: 'A segment with its exact member count and rebuild progress.',
  params,
  responses: {
    200: {
      description: 'the segment and its exact member count',
      schema: segmentViewSchema.extend({ members: z.number().int() }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const updateSegmentRoute = defineRoute({
  operationId: 'updateSegment',
  method: 'PATCH',
  path: '/v1/segments/{segmentId}',
  scope: 'write',
  tag: 'segments',
  summary: 'Rename, or change the rule (which bumps the rule version and rebuilds membership exactly).',
  params,
  body: updateSegmentBody,
  responses: {
    200: { description: 'the segment', schema: segmentViewSchema },
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});

export const deleteSegmentRoute = defineRoute({
  operationId: 'deleteSegment',
  method: 'DELETE',
  path: '/v1/segments/{segmentId}',
  scope: 'write',
  tag: 'segments',
  summary: 'Delete a segment: its members leave (segment.exited each), then the definition goes.',
  params,
  responses: {
    202: { description: 'purge started', schema: z.object({ deleting: z.string() }) },
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});

export const previewSegmentRoute = defineRoute({
  operationId: 'previewSegment',
  method: 'POST',
  path: '/v1/segments/preview',
  scope: 'read',
  tag: 'segments',
  summary:
    'How many contacts a condition matches now and a sample of them, before saving (first 5,000 contacts).',
  body: z.strictObject({ condition: conditionSchema }),
  responses: {
    200: {
      description: 'count and sample',
      schema: z.object({
        matched: z.number(),
        scanned: z.number(),
        complete: z.boolean(),
        sample: z.array(z.string()),
      }),
    },
    ...errorResponses,
  },
});

export const listMembersRoute = defineRoute({
  operationId: 'listSegmentMembers',
  method: 'GET',
  path: '/v1/segments/{segmentId}/members',
  scope: 'read',
  tag: 'segments',
  summary: 'Member contact ids, a page at a time.',
  params,
  query: pageQuery,
  responses: {
    200: {
      description: 'a page',
      schema: z.object({ contactIds: z.array(z.string()), next: z.string().optional() }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const changeMembersRoute = defineRoute({
  operationId: 'changeStaticSegmentMembers',
  method: 'POST',
  path: '/v1/segments/{segmentId}/members',
  scope: 'write',
  tag: 'segments',
  summary: 'Add or remove members of a static segment (up to 500 each per call).',
  params,
  body: z
    .strictObject({
      add: z.array(contactIdSchema).max(500).optional(),
      remove: z.array(contactIdSchema).max(500).optional(),
    })
    .refine((b) => (b.add?.length ?? 0) + (b.remove?.length ?? 0) > 0, {
      message: 'add or remove someone',
      path: ['add'],
    }),
  responses: {
    200: {
      description: 'what changed; unknown contact ids are listed, not added',
      schema: z.object({ added: z.number(), removed: z.number(), missing: z.array(z.string()) }),
    },
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});

export const contactSegmentsRoute = defineRoute({
  operationId: 'contactSegments',
  method: 'GET',
  path: '/v1/contacts/{contactId}/segments',
  scope: 'read',
  tag: 'segments',
  summary: 'The segments a contact belongs to now.',
  params: z.strictObject({ contactId: contactIdSchema }),
  responses: {
    200: {
      description: 'the segments',
      schema: z.object({
        segments: z.array(
          z.object({ id: z.string(), name: z.string(), kind: z.enum(['dynamic', 'static']) }),
        ),
      }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const IMPORT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export const startImportRoute = defineRoute({
  operationId: 'importSegmentList',
  method: 'POST',
  path: '/v1/segments/{segmentId}/imports',
  scope: 'write',
  tag: 'segments',
  summary:
    'Upload a CSV list (text/csv: an `email` column, optionally firstName, lastName, externalId) into a static ' +
    'segment. The file is checked whole, then applied in the background; follow its progress.',
  params,
  rawBody: true,
  maxBodyBytes: IMPORT_MAX_BODY_BYTES,
  responses: {
    202: { description: 'the import job', schema: importViewSchema },
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});

export const getImportRoute = defineRoute({
  operationId: 'getSegmentImport',
  method: 'GET',
  path: '/v1/segments/{segmentId}/imports/{importId}',
  scope: 'read',
  tag: 'segments',
  summary: "An import's progress: rows processed and added, and errors by line (the first 100).",
  params: z.strictObject({
    segmentId: segmentIdSchema,
    importId: z.string().regex(/^imp_[0-9a-z]{26}$/, 'not an import id'),
  }),
  responses: {
    200: { description: 'the progress', schema: importViewSchema },
    ...errorResponses,
    ...notFound,
  },
});
