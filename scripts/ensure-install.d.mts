export declare const STAMP: string;
export declare const installAction: (s: {
  lockHash: string;
  stamp: string | undefined;
  npmRecordMtimeMs: number | undefined;
  lockMtimeMs: number;
}) => 'install' | 'stamp' | 'none';
