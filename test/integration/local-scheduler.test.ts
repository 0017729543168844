import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type LocalScheduler,
  type ScheduledInvocation,
  startLocalScheduler,
} from '../../infra/local/local-scheduler.ts';
import { randomWorkspaceId } from '../support/workspace.ts';

const START = new Date('2030-01-01T00:00:00Z');
const TARGET = 'arn:aws:lambda:us-east-1:000000000000:function:ecrm-journey-step';

let scheduler: LocalScheduler;
let client: SchedulerClient;
let fired: ScheduledInvocation[];
let ws: string;

const newClient = (endpoint: string) =>
  new SchedulerClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });

beforeEach(async () => {
  scheduler = await startLocalScheduler({
    now: () => START,
    tickMs: 0,
    scheduleGroups: ['ecrm'],
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  });
  client = newClient(scheduler.endpoint);
  fired = [];
  ws = randomWorkspaceId();
});

afterEach(async () => {
  client.destroy();
  await scheduler.stop();
});

const schedule = (overrides: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name: `${ws}-step`,
  ScheduleExpression: 'at(2030-01-01T08:00:00)',
  ScheduleExpressionTimezone: 'America/New_York',
  FlexibleTimeWindow: { Mode: 'OFF' },
  Target: {
    Arn: TARGET,
    RoleArn: 'arn:aws:iam::000000000000:role/ecrm-scheduler',
    Input: JSON.stringify({
      workspaceId: ws,
      at: '<aws.scheduler.scheduled-time>',
      arn: '<aws.scheduler.schedule-arn>',
    }),
  },
  ...overrides,
});

const record = () =>
  scheduler.onFire((invocation) => {
    fired.push(invocation);
  });

describe('local Scheduler API with the real SDK client', () => {
  it('creates a schedule and reads it back as GetSchedule answers', async () => {
    const created = await client.send(
      new CreateScheduleCommand(
        schedule({
          Description: 'drip step 1',
          ActionAfterCompletion: 'DELETE',
          StartDate: new Date('2029-12-31T00:00:00Z'),
        }),
      ),
    );

    const arn = `arn:aws:scheduler:us-east-1:000000000000:schedule/default/${ws}-step`;
    expect(created.ScheduleArn).toBe(arn);
    const got = await client.send(new GetScheduleCommand({ Name: `${ws}-step` }));
    expect(got).toMatchObject({
      Arn: arn,
      Name: `${ws}-step`,
      GroupName: 'default',
      ScheduleExpression: 'at(2030-01-01T08:00:00)',
      ScheduleExpressionTimezone: 'America/New_York',
      Description: 'drip step 1',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: TARGET, RoleArn: 'arn:aws:iam::000000000000:role/ecrm-scheduler' },
      CreationDate: START,
      LastModificationDate: START,
      StartDate: new Date('2029-12-31T00:00:00Z'),
    });
  });

  it('refuses a duplicate name with ConflictException', async () => {
    await client.send(new CreateScheduleCommand(schedule()));
    const duplicate = client.send(new CreateScheduleCommand(schedule()));
    await expect(duplicate).rejects.toBeInstanceOf(ConflictException);
    await expect(duplicate).rejects.toMatchObject({ message: `Schedule ${ws}-step already exists.` });
  });

  it('answers ResourceNotFoundException for a missing schedule or group', async () => {
    await expect(client.send(new GetScheduleCommand({ Name: 'nope' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(client.send(new DeleteScheduleCommand({ Name: 'nope' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(
      client.send(new UpdateScheduleCommand({ ...schedule(), Name: 'nope' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      client.send(new CreateScheduleCommand(schedule({ GroupName: 'missing' }))),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Schedule group missing does not exist.',
    });
  });

  it.each([
    ['an unknown expression', { ScheduleExpression: 'every(5 minutes)' }, 'Invalid Schedule Expression'],
    ['a cron with L', { ScheduleExpression: 'cron(0 8 L * ? *)' }, 'not supported by the local scheduler'],
    [
      'an unknown time zone',
      { ScheduleExpressionTimezone: 'Mars/Olympus' },
      'Invalid ScheduleExpressionTimezone',
    ],
    [
      'a flexible window without its size',
      { FlexibleTimeWindow: { Mode: 'FLEXIBLE' as const } },
      'MaximumWindowInMinutes',
    ],
    ['a bad name', { Name: 'has space' }, 'must be 1-64 characters'],
    [
      'an end before the start',
      { StartDate: new Date('2030-02-01T00:00:00Z'), EndDate: new Date('2030-01-01T00:00:00Z') },
      'EndDate must be after',
    ],
  ])('answers ValidationException for %s', async (_label, overrides, message) => {
    const call = client.send(new CreateScheduleCommand(schedule(overrides)));
    await expect(call).rejects.toBeInstanceOf(ValidationException);
    await expect(call).rejects.toMatchObject({ message: expect.stringContaining(message) });
  });

  it('updates a schedule in place, keeping its creation date, and deletes it', async () => {
    await client.send(new CreateScheduleCommand(schedule()));
    await client.send(
      new UpdateScheduleCommand(schedule({ ScheduleExpression: 'rate(1 hour)', State: 'DISABLED' })),
    );

    const got = await client.send(new GetScheduleCommand({ Name: `${ws}-step` }));
    expect(got).toMatchObject({ ScheduleExpression: 'rate(1 hour)', State: 'DISABLED', CreationDate: START });

    await client.send(new DeleteScheduleCommand({ Name: `${ws}-step`, GroupName: 'default' }));
    await expect(client.send(new GetScheduleCommand({ Name: `${ws}-step` }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('lists schedules by group and name prefix, page by page', async () => {
    await client.send(new CreateScheduleGroupCommand({ Name: 'campaigns' }));
    for (const n of [1, 2, 3]) {
      await client.send(new CreateScheduleCommand(schedule({ Name: `${ws}-c${n}`, GroupName: 'campaigns' })));
    }
    await client.send(new CreateScheduleCommand(schedule({ Name: `${ws}-other` })));

    const first = await client.send(new ListSchedulesCommand({ GroupName: 'campaigns', MaxResults: 2 }));
    const second = await client.send(
      new ListSchedulesCommand({ GroupName: 'campaigns', MaxResults: 2, NextToken: first.NextToken }),
    );
    const prefixed = await client.send(new ListSchedulesCommand({ NamePrefix: `${ws}-o` }));

    expect(first.Schedules?.map((s) => s.Name)).toEqual([`${ws}-c1`, `${ws}-c2`]);
    expect(second.Schedules?.map((s) => s.Name)).toEqual([`${ws}-c3`]);
    expect(second.NextToken).toBeUndefined();
    expect(prefixed.Schedules?.map((s) => [s.Name, s.GroupName, s.Target?.Arn])).toEqual([
      [`${ws}-other`, 'default', TARGET],
    ]);
    await expect(client.send(new CreateScheduleGroupCommand({ Name: 'campaigns' }))).rejects.toBeInstanceOf(
      ConflictException,
    );
  });
});

describe('local Scheduler firing', () => {
  it('fires an at() schedule at its wall time in its time zone, once, with context attributes in Input', async () => {
    record();
    await client.send(new CreateScheduleCommand(schedule({ GroupName: 'ecrm' })));

    await scheduler.advanceTo(new Date('2030-01-01T12:59:59Z'));
    expect(fired).toEqual([]);
    await scheduler.advanceTo(new Date('2030-01-01T13:00:00Z'));
    await scheduler.advanceTo(new Date('2030-01-02T00:00:00Z'));

    expect(fired).toHaveLength(1);
    const [invocation] = fired;
    expect(invocation).toMatchObject({
      name: `${ws}-step`,
      groupName: 'ecrm',
      targetArn: TARGET,
      attempt: 1,
      scheduledTime: new Date('2030-01-01T13:00:00Z'),
    });
    expect(JSON.parse(invocation?.input ?? '')).toEqual({
      workspaceId: ws,
      at: '2030-01-01T13:00:00Z',
      arn: `arn:aws:scheduler:us-east-1:000000000000:schedule/ecrm/${ws}-step`,
    });
    // ActionAfterCompletion defaults to NONE: the schedule stays, with nothing left to run.
    const got = await client.send(new GetScheduleCommand({ Name: `${ws}-step`, GroupName: 'ecrm' }));
    expect(got.State).toBe('ENABLED');
    expect(scheduler.nextDue(`${ws}-step`, 'ecrm')).toBeUndefined();
  });

  it('deletes a completed schedule when ActionAfterCompletion is DELETE', async () => {
    record();
    await client.send(new CreateScheduleCommand(schedule({ ActionAfterCompletion: 'DELETE' })));
    await scheduler.advanceTo(new Date('2030-01-01T13:00:00Z'));

    expect(fired).toHaveLength(1);
    await expect(client.send(new GetScheduleCommand({ Name: `${ws}-step` }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('fires a past at() schedule on the next check', async () => {
    record();
    await client.send(new CreateScheduleCommand(schedule({ ScheduleExpression: 'at(2029-12-31T00:00:00)' })));
    await scheduler.runDue();
    expect(fired.map((f) => f.scheduledTime)).toEqual([new Date('2029-12-31T05:00:00Z')]);
  });

  it('fires every rate() occurrence up to the new time, and none past EndDate', async () => {
    record();
    await client.send(
      new CreateScheduleCommand(
        schedule({ ScheduleExpression: 'rate(5 minutes)', EndDate: new Date('2030-01-01T00:12:00Z') }),
      ),
    );

    await scheduler.advanceTo(new Date('2030-01-01T00:30:00Z'));

    expect(fired.map((f) => f.scheduledTime.toISOString())).toEqual([
      '2030-01-01T00:05:00.000Z',
      '2030-01-01T00:10:00.000Z',
    ]);
  });

  it('fires cron() schedules in their time zone', async () => {
    record();
    await client.send(
      new CreateScheduleCommand(
        schedule({ ScheduleExpression: 'cron(0 9 * * ? *)', ScheduleExpressionTimezone: 'Europe/Paris' }),
      ),
    );

    await scheduler.advanceTo(new Date('2030-01-02T12:00:00Z'));

    expect(fired.map((f) => f.scheduledTime.toISOString())).toEqual([
      '2030-01-01T08:00:00.000Z',
      '2030-01-02T08:00:00.000Z',
    ]);
  });

  it('does not fire a DISABLED schedule, and fires it once enabled again', async () => {
    record();
    await client.send(
      new CreateScheduleCommand(schedule({ ScheduleExpression: 'rate(1 hour)', State: 'DISABLED' })),
    );
    await scheduler.advanceTo(new Date('2030-01-01T03:00:00Z'));
    expect(fired).toEqual([]);

    await client.send(
      new UpdateScheduleCommand(schedule({ ScheduleExpression: 'rate(1 hour)', State: 'ENABLED' })),
    );
    await scheduler.advanceTo(new Date('2030-01-01T04:00:00Z'));
    expect(fired.map((f) => f.scheduledTime.toISOString())).toEqual(['2030-01-01T04:00:00.000Z']);
  });

  it('retries a failing callback with the same execution, then succeeds', async () => {
    const attempts: [number, string][] = [];
    scheduler.onFire(({ attempt, executionId }) => {
      attempts.push([attempt, executionId]);
      if (attempt < 3) throw new Error('cold start');
    });
    await client.send(new CreateScheduleCommand(schedule()));
    await scheduler.advanceTo(new Date('2030-01-01T13:00:00Z'));

    expect(attempts.map(([a]) => a)).toEqual([1, 2, 3]);
    expect(new Set(attempts.map(([, id]) => id)).size).toBe(1);
    expect(scheduler.deadLetters).toEqual([]);
  });

  it('dead-letters an invocation that fails every attempt, honouring MaximumRetryAttempts', async () => {
    const failure = new Error('down');
    let calls = 0;
    scheduler.onFire(() => {
      calls++;
      throw failure;
    });
    const base = schedule();
    await client.send(
      new CreateScheduleCommand({
        ...base,
        Target: { ...base.Target, Arn: TARGET, RoleArn: 'r', RetryPolicy: { MaximumRetryAttempts: 1 } },
      }),
    );
    await scheduler.advanceTo(new Date('2030-01-01T13:00:00Z'));

    expect(calls).toBe(2);
    expect(scheduler.deadLetters).toHaveLength(1);
    expect(scheduler.deadLetters[0]).toMatchObject({
      error: failure,
      attempts: 2,
      invocation: { name: `${ws}-step` },
    });
  });

  it('refuses a second onFire callback and cannot go back in time', async () => {
    const off = record();
    expect(() => record()).toThrow('already has an onFire callback');
    off();
    expect(() => record()).not.toThrow();
    await expect(scheduler.advanceTo(new Date('2029-01-01T00:00:00Z'))).rejects.toThrow(
      'cannot move the scheduler back',
    );
  });
});

describe('local Scheduler on the system clock', () => {
  it('fires due schedules from its own timer', async () => {
    const live = await startLocalScheduler({ tickMs: 20 });
    const liveClient = newClient(live.endpoint);
    try {
      const got: ScheduledInvocation[] = [];
      live.onFire((i) => {
        got.push(i);
      });
      const past = new Date(Date.now() - 60_000).toISOString().slice(0, 19);
      await liveClient.send(
        new CreateScheduleCommand(
          schedule({ ScheduleExpression: `at(${past})`, ScheduleExpressionTimezone: 'UTC' }),
        ),
      );

      await vi.waitFor(() => expect(got).toHaveLength(1), { timeout: 2_000, interval: 10 });
      expect(got[0]?.scheduledTime.toISOString().slice(0, 19)).toBe(past);
    } finally {
      liveClient.destroy();
      await live.stop();
    }
  });
});
