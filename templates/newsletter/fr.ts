import { newsletter } from './layout.ts';

export default newsletter('fr', {
  title: 'Ce mois-ci chez {{ workspace.name }}',
  preheader: 'L’essentiel du mois, à lire en deux minutes.',
  greeting: '{% if contact.firstName %}Bonjour {{ contact.firstName }},{% else %}Bonjour,{% endif %}',
  intro: 'Voici ce qui s’est passé ces dernières semaines, et ce qui vous attend bientôt.',
  readMore: 'Lire la suite',
  signoff: 'À bientôt,<br />L’équipe {{ workspace.name }}',
});
