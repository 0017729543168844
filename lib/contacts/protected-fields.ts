/**
 * Contact fields only ecrm itself sets, in a leaf module: the HTTP layer names them in its 422 for
 * every function, and must not load the contact model to do so.
 */
/** Fields only ecrm itself sets; naming one in a request gets a clear 422. */
export const PROTECTED_FIELDS = [
  'id',
  'workspaceId',
  'consent',
  'topics',
  'suppression',
  'suppressed',
  'score',
  'stage',
  'activity',
  'purchases',
  'rev',
  'createdAt',
  'updatedAt',
] as const;
