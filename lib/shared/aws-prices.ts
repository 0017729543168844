/**
 * AWS list prices (us-east-1, on-demand) in USD: what the bench projects costs with and what a
 * campaign's cost estimate is computed from. One table, so the two cannot disagree.
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
  /** SES outbound email, per message (the SES fee, which the cost targets leave apart). */
  sesEmail: 0.1 / 1000,
} as const;
