/**
 * Roles of people in a workspace and the API scopes each one grants. A role is a named bundle of the
 * scopes API keys already have, so every route's scope check applies to users unchanged. A user never
 * gets `ingest`: that scope is for keys published in web pages.
 */
import * as z from 'zod';
import type { Scope } from '../shared/http/route.ts';

export const ROLES = ['admin', 'marketer', 'analyst'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const SCOPES_OF: Readonly<Record<Role, readonly Scope[]>> = {
  admin: ['admin', 'write', 'read'],
  marketer: ['write', 'read'],
  analyst: ['read'],
};

/** The scopes a role grants: admin → admin, write, read; marketer → write, read; analyst → read. */
export const scopesOf = (role: Role): readonly Scope[] => SCOPES_OF[role];
