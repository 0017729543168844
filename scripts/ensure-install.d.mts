export declare const STAMP: string;
export declare const installAction: (s: {
  lockHash: string;
  stamp: string | undefined;
  npmRecordMtimeMs: number | undefined;
  lockMtimeMs: number;
  /** node_modules is a symbolic link (to another checkout's). */
  linked?: boolean;
}) => 'install' | 'stamp' | 'none' | 'shared';
