/**
 * Who is signed in (GET /auth/me) and which workspace they work in. The chosen workspace must be
 * one of the user's memberships; otherwise the first one is used. Switching drops every cached
 * answer of the previous workspace.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { api, chooseWorkspace, currentWorkspaceId } from '../api/api.ts';
import type { Me, Role } from '../api/contract.ts';

export const meQueryKey = ['me'] as const;

export const useMeQuery = () =>
  useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get('/auth/me', { onSignedOut: 'throw', signal }),
    retry: false,
    staleTime: 5 * 60_000,
  });

export interface Session {
  readonly me: Me;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly role: Role;
  /** Marketers and admins change things; analysts read. */
  readonly canWrite: boolean;
  readonly isAdmin: boolean;
  readonly switchWorkspace: (workspaceId: string) => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider(props: { readonly me: Me; readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const { me } = props;
  const valid = (id: string | undefined) => me.memberships.find((m) => m.workspaceId === id);
  const [chosen, setChosen] = useState(() => {
    const membership = valid(currentWorkspaceId()) ?? me.memberships[0];
    if (membership) chooseWorkspace(membership.workspaceId);
    return membership?.workspaceId;
  });

  const switchWorkspace = useCallback(
    (workspaceId: string) => {
      chooseWorkspace(workspaceId);
      setChosen(workspaceId);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
    [queryClient],
  );

  const membership = valid(chosen);
  const value = useMemo<Session | undefined>(
    () =>
      membership && {
        me,
        workspaceId: membership.workspaceId,
        workspaceName: membership.workspaceName,
        role: membership.role,
        canWrite: membership.role !== 'analyst',
        isAdmin: membership.role === 'admin',
        switchWorkspace,
      },
    [me, membership, switchWorkspace],
  );
  if (!value) return null;
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export const useSession = (): Session => {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
};
