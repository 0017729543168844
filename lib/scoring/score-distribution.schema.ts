/** The score distribution as the API shows it (what it counts: ./score-distribution.ts). */
import * as z from 'zod';

export const scoreDistributionView = z.strictObject({
  contacts: z.number().int().describe('scored contacts counted'),
  bucketSize: z.number().int().describe('the width of a bucket, in points'),
  buckets: z
    .array(
      z.strictObject({
        from: z
          .number()
          .int()
          .optional()
          .describe('the lowest score in the bucket; absent on the open lowest one'),
        to: z
          .number()
          .int()
          .optional()
          .describe('the score the next bucket starts at; absent on the open highest one'),
        contacts: z.number().int(),
      }),
    )
    .describe('from the lowest bucket holding a contact to the highest, empty ones between included'),
  stages: z
    .array(z.strictObject({ stage: z.string(), contacts: z.number().int() }))
    .describe("the model's stages in order, then any other stage contacts are still in"),
});
