import { describe, expect, it } from 'vitest';
import { installAction } from '../../scripts/ensure-install.mjs';

const base = { lockHash: 'abc', lockMtimeMs: 1_000 };

describe('npm start / npm test install what is missing', () => {
  it('installs on a fresh clone (no node_modules)', () => {
    expect(installAction({ ...base, stamp: undefined, npmRecordMtimeMs: undefined })).toBe('install');
  });
  it('reinstalls when the lock changed since the install', () => {
    expect(installAction({ ...base, stamp: 'old', npmRecordMtimeMs: 500 })).toBe('install');
    expect(installAction({ ...base, stamp: undefined, npmRecordMtimeMs: 500 })).toBe('install');
  });
  it('does nothing when installed from this lock, and trusts a newer install made by hand', () => {
    expect(installAction({ ...base, stamp: 'abc', npmRecordMtimeMs: 2_000 })).toBe('none');
    expect(installAction({ ...base, stamp: undefined, npmRecordMtimeMs: 2_000 })).toBe('stamp');
    expect(installAction({ ...base, stamp: 'old', npmRecordMtimeMs: 2_000 })).toBe('stamp');
  });
  it('never installs through a node_modules linked from another checkout', () => {
    for (const npmRecordMtimeMs of [undefined, 500, 2_000])
      expect(installAction({ ...base, stamp: 'old', npmRecordMtimeMs, linked: true })).toBe('shared');
    expect(installAction({ ...base, stamp: 'abc', npmRecordMtimeMs: 2_000, linked: true })).toBe('none');
  });
});
