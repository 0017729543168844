/** A webhook step's endpoint picker: each endpoint named by its description or URL, a disabled one marked. */
import { describe, expect, it } from 'vitest';
import { endpointOptions } from '../src/pages/journeys/form/endpoint-options.ts';

describe('the endpoints a webhook step picks from', () => {
  it('names each by its description, its URL when it has none, and marks a disabled one', () => {
    const options = endpointOptions(
      [
        { id: 'whe_a', url: 'https://crm.example/hook', description: 'Our CRM', status: 'enabled' },
        { id: 'whe_b', url: 'https://erp.example/in', status: 'enabled' },
        { id: 'whe_c', url: 'https://old.example/x', description: '  ', status: 'disabled' },
      ],
      (name) => `${name} (off)`,
    );

    expect(options).toEqual([
      { value: 'whe_a', label: 'Our CRM' },
      { value: 'whe_b', label: 'https://erp.example/in' },
      { value: 'whe_c', label: 'https://old.example/x (off)' },
    ]);
  });
});
