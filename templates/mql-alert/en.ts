import { mqlAlert } from './layout.ts';

export default mqlAlert('en', {
  subject: 'New marketing-qualified lead: {{ data.contact.name | default: data.contact.email }}',
  preheader: 'Score {{ data.score }}. Reach out while they are engaged.',
  heading: 'A lead is ready for sales',
  body: '{{ who }} just became a marketing-qualified lead (MQL) with a score of {{ data.score }}.',
  breakdown: 'Where the score comes from',
  points: 'pts',
  recent: 'Recent activity',
  button: 'Open the contact',
  tip: 'Leads contacted within the hour convert far more often: now is a good time.',
});
