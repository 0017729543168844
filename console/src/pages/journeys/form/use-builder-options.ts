/** The workspace's templates, segments and outgoing webhook endpoints as options for the builder's pickers. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useSession } from '../../../session/session.tsx';
import type { Option } from '../../../ui/field.tsx';
import { useTemplates } from '../../templates/use-templates.ts';
import { endpointOptions } from './endpoint-options.ts';
import { useWebhookEndpoints } from './use-webhook-endpoints.ts';

export const useBuilderOptions = () => {
  const { t } = useI18n();
  const { workspaceId } = useSession();
  const { templates } = useTemplates();
  const segments = useQuery({
    queryKey: ['segments', workspaceId],
    queryFn: ({ signal }) => api.get('/v1/segments', { signal }),
  });
  const endpoints = useWebhookEndpoints();
  const options = (list: readonly { id: string; name: string }[] | undefined): Option[] =>
    (list ?? []).map((item) => ({ value: item.id, label: item.name }));
  return {
    templates: options(templates.data?.templates),
    segments: options(segments.data?.segments),
    endpoints: endpointOptions(endpoints.data ?? [], (name) => t('journeyForm.endpointDisabled', { name })),
    error: templates.error ?? segments.error ?? endpoints.error,
  };
};
