/**
 * AWS list prices (us-east-1, on-demand) the bench projects costs with, and the projection itself:
 * what one unit of work consumed, scaled to a million units.
 */
export const PRICES = {
  /**
   * DynamoDB on-demand, per write / read request unit (standard table class): $0.625 and $0.125 per
   * million since AWS halved on-demand throughput prices on 1 November 2024.
   */
  writeUnit: 0.625 / 1e6,
  readUnit: 0.125 / 1e6,
  /** EventBridge custom events, per 64 KB chunk of a PutEvents entry. */
  busEvent: 1.0 / 1e6,
  /** Lambda requests, and arm64 compute per GB-second. */
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecond: 0.0000133334,
  sqsRequest: 0.4 / 1e6,
  /** EventBridge Scheduler, per scheduled invocation (API calls are not billed). */
  schedulerInvocation: 1.0 / 1e6,
} as const;

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

/** Lambda bills duration rounded up to the millisecond, times the memory in GB. */
export const gbSeconds = (ms: number, memoryMb: number): number => (Math.ceil(ms) / 1000) * (memoryMb / 1024);
