/**
 * The workspace's email templates (GET /v1/templates), one cached query for every page that lists or
 * names them: a template shows by its name, or by its id while the list loads or once it is gone.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { useSession } from '../../session/session.tsx';

export const templatesQueryKey = (workspaceId: string) => ['templates', workspaceId] as const;

export const useTemplates = () => {
  const { workspaceId } = useSession();
  const templates = useQuery({
    queryKey: templatesQueryKey(workspaceId),
    queryFn: ({ signal }) => api.get('/v1/templates', { signal }),
  });
  const nameOf = (id: string): string => templates.data?.templates.find((tpl) => tpl.id === id)?.name ?? id;
  return { templates, nameOf };
};
