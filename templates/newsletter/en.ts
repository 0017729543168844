import { newsletter } from './layout.ts';

export default newsletter('en', {
  title: 'This month at {{ workspace.name }}',
  preheader: 'The highlights of the month, in a two-minute read.',
  greeting: '{% if contact.firstName %}Hi {{ contact.firstName }},{% else %}Hi there,{% endif %}',
  intro: "Here's what's been happening lately, and what's coming next.",
  readMore: 'Read more',
  signoff: 'Until next time,<br />The {{ workspace.name }} team',
});
