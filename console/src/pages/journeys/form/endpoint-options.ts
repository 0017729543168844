/**
 * Outgoing webhook endpoints as the options of a webhook step's picker: each named by its
 * description, or its URL when it has none; a disabled one says so (a webhook step delivers nothing
 * to it until it is enabled again).
 */
import type { Option } from '../../../ui/field.tsx';

export interface EndpointSummary {
  readonly id: string;
  readonly url: string;
  readonly description?: string | undefined;
  readonly status: 'enabled' | 'disabled';
}

export const endpointOptions = (
  endpoints: readonly EndpointSummary[],
  disabled: (name: string) => string,
): Option[] =>
  endpoints.map((e) => {
    const name = e.description?.trim() || e.url;
    return { value: e.id, label: e.status === 'enabled' ? name : disabled(name) };
  });
