/**
 * The EventBridge Scheduler API's wire shapes, as `@aws-sdk/client-scheduler` speaks them (restJson1,
 * timestamps in epoch seconds), with the service's constraints, for the local scheduler.
 */
import * as z from 'zod';

/** Schedule and group names: 1–64 of `0-9 a-z A-Z - _ .`. */
export const NAME_PATTERN = /^[0-9a-zA-Z\-_.]{1,64}$/;

const targetSchema = z.looseObject({
  Arn: z.string().min(1).max(1600),
  RoleArn: z.string().min(1).max(1600),
  Input: z.string().min(1).max(8192).optional(),
  RetryPolicy: z
    .object({
      MaximumEventAgeInSeconds: z.number().int().min(60).max(86_400).optional(),
      MaximumRetryAttempts: z.number().int().min(0).max(185).optional(),
    })
    .optional(),
  DeadLetterConfig: z.object({ Arn: z.string().min(1).max(1600).optional() }).optional(),
});

/** CreateSchedule and UpdateSchedule bodies (the name travels in the path). */
export const scheduleBodySchema = z
  .object({
    ScheduleExpression: z.string().min(1).max(256),
    Target: targetSchema,
    FlexibleTimeWindow: z.object({
      Mode: z.enum(['OFF', 'FLEXIBLE']),
      MaximumWindowInMinutes: z.number().int().min(1).max(1440).optional(),
    }),
    GroupName: z.string().regex(NAME_PATTERN).optional(),
    StartDate: z.number().optional(),
    EndDate: z.number().optional(),
    Description: z.string().max(512).optional(),
    ScheduleExpressionTimezone: z.string().min(1).max(50).optional(),
    State: z.enum(['ENABLED', 'DISABLED']).optional(),
    KmsKeyArn: z.string().min(1).max(2048).optional(),
    ClientToken: z.string().min(1).max(64).optional(),
    ActionAfterCompletion: z.enum(['NONE', 'DELETE']).optional(),
  })
  .superRefine((body, ctx) => {
    const window = body.FlexibleTimeWindow;
    if (window.Mode === 'FLEXIBLE' && window.MaximumWindowInMinutes === undefined) {
      ctx.addIssue({ code: 'custom', message: 'MaximumWindowInMinutes is required when Mode is FLEXIBLE' });
    }
    if (window.Mode === 'OFF' && window.MaximumWindowInMinutes !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'MaximumWindowInMinutes is only allowed when Mode is FLEXIBLE',
      });
    }
    if (body.StartDate !== undefined && body.EndDate !== undefined && body.EndDate <= body.StartDate) {
      ctx.addIssue({ code: 'custom', message: 'The EndDate must be after the StartDate' });
    }
  });
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;
export type ScheduleTarget = ScheduleBody['Target'];

/** A stored schedule: the body as given plus what the service adds. Dates are `Date`s here. */
export interface ScheduleRecord {
  readonly name: string;
  readonly groupName: string;
  readonly arn: string;
  readonly body: ScheduleBody;
  readonly state: 'ENABLED' | 'DISABLED';
  readonly timeZone: string;
  readonly creationDate: Date;
  readonly lastModificationDate: Date;
}

const seconds = (d: Date) => d.getTime() / 1000;

/** GetSchedule's response body. */
export const getScheduleOutput = (s: ScheduleRecord) => ({
  Arn: s.arn,
  GroupName: s.groupName,
  Name: s.name,
  ScheduleExpression: s.body.ScheduleExpression,
  ScheduleExpressionTimezone: s.timeZone,
  StartDate: s.body.StartDate,
  EndDate: s.body.EndDate,
  Description: s.body.Description,
  State: s.state,
  CreationDate: seconds(s.creationDate),
  LastModificationDate: seconds(s.lastModificationDate),
  KmsKeyArn: s.body.KmsKeyArn,
  Target: s.body.Target,
  FlexibleTimeWindow: s.body.FlexibleTimeWindow,
  ActionAfterCompletion: s.body.ActionAfterCompletion ?? 'NONE',
});

/** One entry of ListSchedules' response. */
export const scheduleSummary = (s: ScheduleRecord) => ({
  Arn: s.arn,
  Name: s.name,
  GroupName: s.groupName,
  State: s.state,
  CreationDate: seconds(s.creationDate),
  LastModificationDate: seconds(s.lastModificationDate),
  Target: { Arn: s.body.Target.Arn },
});

/** A client error of the API: status and `x-amzn-errortype` the SDK maps to its typed exception. */
export class SchedulerApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly errorType: 'ValidationException' | 'ResourceNotFoundException' | 'ConflictException',
    message: string,
  ) {
    super(message);
    this.name = errorType;
  }
}

export const validation = (message: string) => new SchedulerApiError(400, 'ValidationException', message);
export const notFound = (message: string) => new SchedulerApiError(404, 'ResourceNotFoundException', message);
export const conflict = (message: string) => new SchedulerApiError(409, 'ConflictException', message);

/** zod issues → one ValidationException message naming each field. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
