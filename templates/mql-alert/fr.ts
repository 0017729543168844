import { mqlAlert } from './layout.ts';

export default mqlAlert('fr', {
  subject: 'Nouveau lead qualifié marketing\u00a0: {{ data.contact.name | default: data.contact.email }}',
  preheader: 'Score de {{ data.score }}. Contactez-le tant qu’il est actif.',
  heading: 'Un lead est prêt pour l’équipe commerciale',
  body: '{{ who }} vient de devenir un lead qualifié marketing (MQL) avec un score de {{ data.score }}.',
  breakdown: 'D’où vient le score',
  points: 'pts',
  recent: 'Activité récente',
  button: 'Ouvrir la fiche contact',
  tip: 'Les leads contactés dans l’heure convertissent bien plus souvent\u00a0: c’est le bon moment.',
});
