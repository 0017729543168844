/**
 * The bench's cost projection: what one unit of work consumed, scaled to a million units, at the list
 * prices of lib/shared/aws-prices.ts (shared with the campaign cost estimate).
 */
import { PRICES } from '../../lib/shared/aws-prices.ts';

export { PRICES };

/** What a batch of work consumed, in billable units. */
export interface Usage {
  readonly writeUnits: number;
  readonly readUnits: number;
  /** 64 KB chunks of PutEvents entries. */
  readonly busEvents: number;
  readonly lambdaRequests: number;
  readonly lambdaGbSeconds: number;
  readonly sqsRequests: number;
  readonly schedulerInvocations: number;
}

export type CostBreakdown = Record<keyof Usage | 'total', number>;

/** Dollars per million units of work, from the usage of `units` units. */
export const costPerMillion = (usage: Usage, units: number): CostBreakdown => {
  const scale = 1e6 / units;
  const parts = {
    writeUnits: usage.writeUnits * PRICES.writeUnit * scale,
    readUnits: usage.readUnits * PRICES.readUnit * scale,
    busEvents: usage.busEvents * PRICES.busEvent * scale,
    lambdaRequests: usage.lambdaRequests * PRICES.lambdaRequest * scale,
    lambdaGbSeconds: usage.lambdaGbSeconds * PRICES.lambdaGbSecond * scale,
    sqsRequests: usage.sqsRequests * PRICES.sqsRequest * scale,
    schedulerInvocations: usage.schedulerInvocations * PRICES.schedulerInvocation * scale,
  };
  return { ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
};

/** EventBridge bills each PutEvents entry in 64 KB chunks. */
export const busChunks = (entryBytes: number): number => Math.max(1, Math.ceil(entryBytes / (64 * 1024)));

/** The bus events billed for `events` as put: each one's 64 KB chunks. */
export const billedBusEvents = (events: readonly unknown[]): number =>
  events.reduce<number>((n, e) => n + busChunks(Buffer.byteLength(JSON.stringify(e))), 0);

/** Lambda bills duration rounded up to the millisecond, times the memory in GB. */
export const gbSeconds = (ms: number, memoryMb: number): number => (Math.ceil(ms) / 1000) * (memoryMb / 1024);
