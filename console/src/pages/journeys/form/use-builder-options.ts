/** The workspace's templates and segments as options for the builder's pickers. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/api.ts';
import { useSession } from '../../../session/session.tsx';
import type { Option } from '../../../ui/field.tsx';
import { useTemplates } from '../../templates/use-templates.ts';

export const useBuilderOptions = () => {
  const { workspaceId } = useSession();
  const { templates } = useTemplates();
  const segments = useQuery({
    queryKey: ['segments', workspaceId],
    queryFn: ({ signal }) => api.get('/v1/segments', { signal }),
  });
  const options = (list: readonly { id: string; name: string }[] | undefined): Option[] =>
    (list ?? []).map((item) => ({ value: item.id, label: item.name }));
  return {
    templates: options(templates.data?.templates),
    segments: options(segments.data?.segments),
    error: templates.error ?? segments.error,
  };
};
