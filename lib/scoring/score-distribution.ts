/**
 * The workspace's score distribution, kept as counters rather than computed from the contacts: how many
 * scored contacts sit in each 10-point score bucket and in each lifecycle stage.
 *
 * A contact is counted at the position its ledger reports (`score`, `stage`), once: the ledger says so
 * with `counted`. Each write of a ledger moves the contact between positions in the same conditional
 * transaction as the ledger (score-contact.ts), erasure takes it out in the erase's own transaction,
 * and a backfill counts ledgers written before the counters existed (recount-scores.ts). So the sum
 * over counters always equals the counted ledgers, whatever the redeliveries and races: a transaction
 * that loses its condition changes no counter either.
 *
 * Buckets are fixed (not the model's thresholds, which change): 10 points wide, every score below -90
 * in the lowest and every score from 1000 in the highest, so a counter item stays under 1 KB in
 * practice (one attribute per bucket and per stage in use). The score counted is the one last reported:
 * decay lowers a score between reports, and reports it when it crosses a stage threshold, so stage
 * counts are exact and a bucket may hold a contact whose score has since decayed a little.
 */

export const BUCKET_SIZE = 10;
/** The lowest bucket's start: it holds every score below `LOWEST_BUCKET + BUCKET_SIZE`. */
export const LOWEST_BUCKET = -100;
/** The highest bucket's start: it holds every score from there up. */
export const HIGHEST_BUCKET = 1000;

/** Where a ledger is counted: its reported score's bucket and its stage (if any). */
export interface Position {
  readonly bucket: number;
  readonly stage?: string | undefined;
}

/** The start of the bucket that holds `score`. */
export const bucketOf = (score: number): number =>
  Math.min(HIGHEST_BUCKET, Math.max(LOWEST_BUCKET, Math.floor(score / BUCKET_SIZE) * BUCKET_SIZE));

/** The position of a ledger reporting `score` in `stage`. */
export const positionOf = (ledger: { readonly score: number; readonly stage?: string | undefined }) => ({
  bucket: bucketOf(ledger.score),
  stage: ledger.stage,
});

const BUCKET_PREFIX = 'b:';
const STAGE_PREFIX = 'st:';

/** The counter attribute of a bucket or a stage (on a counter item). */
export const bucketCounter = (bucket: number) => `${BUCKET_PREFIX}${bucket}`;
export const stageCounter = (stage: string) => `${STAGE_PREFIX}${stage}`;

/**
 * What a move from `from` (undefined: not counted) to `to` (undefined: no longer counted) adds to
 * each counter; counters that do not change are left out (a score change inside one bucket and
 * stage changes nothing).
 */
export const counterDeltas = (
  from: Position | undefined,
  to: Position | undefined,
): Readonly<Record<string, number>> => {
  const deltas = new Map<string, number>();
  const add = (name: string, n: number) => deltas.set(name, (deltas.get(name) ?? 0) + n);
  for (const [position, n] of [
    [from, -1],
    [to, 1],
  ] as const) {
    if (!position) continue;
    add(bucketCounter(position.bucket), n);
    if (position.stage !== undefined) add(stageCounter(position.stage), n);
  }
  return Object.fromEntries([...deltas].filter(([, n]) => n !== 0));
};

export interface DistributionView {
  readonly contacts: number;
  readonly bucketSize: number;
  readonly buckets: readonly { readonly from?: number; readonly to?: number; readonly contacts: number }[];
  readonly stages: readonly { readonly stage: string; readonly contacts: number }[];
}

/**
 * The distribution from the counter shards' attributes (summed): buckets from the lowest to the highest
 * one that holds contacts, empty ones between included; the model's stages in order, then any other
 * stage still holding contacts (a stage a changed model dropped).
 */
export const distributionOf = (
  shards: readonly Readonly<Record<string, number>>[],
  modelStages: readonly string[],
): DistributionView => {
  const buckets = new Map<number, number>();
  const stages = new Map<string, number>();
  for (const shard of shards)
    for (const [name, n] of Object.entries(shard)) {
      if (name.startsWith(BUCKET_PREFIX)) {
        const bucket = Number(name.slice(BUCKET_PREFIX.length));
        if (Number.isInteger(bucket)) buckets.set(bucket, (buckets.get(bucket) ?? 0) + n);
      } else if (name.startsWith(STAGE_PREFIX)) {
        const stage = name.slice(STAGE_PREFIX.length);
        stages.set(stage, (stages.get(stage) ?? 0) + n);
      }
    }
  const held = [...buckets].filter(([, n]) => n !== 0).map(([b]) => b);
  const low = Math.min(...held);
  const high = Math.max(...held);
  const rows: { from?: number; to?: number; contacts: number }[] = [];
  for (let b = low; held.length > 0 && b <= high; b += BUCKET_SIZE)
    rows.push({
      ...(b > LOWEST_BUCKET ? { from: b } : {}),
      ...(b < HIGHEST_BUCKET ? { to: b + BUCKET_SIZE } : {}),
      contacts: buckets.get(b) ?? 0,
    });
  const others = [...stages].filter(([s, n]) => n !== 0 && !modelStages.includes(s)).map(([s]) => s);
  return {
    contacts: rows.reduce((sum, r) => sum + r.contacts, 0),
    bucketSize: BUCKET_SIZE,
    buckets: rows,
    stages: [...modelStages, ...others].map((stage) => ({ stage, contacts: stages.get(stage) ?? 0 })),
  };
};
