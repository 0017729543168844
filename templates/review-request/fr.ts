import { reviewRequest } from './layout.ts';

export default reviewRequest('fr', {
  subject: 'Que pensez-vous de votre achat\u00a0?',
  preheader: 'Une minute suffit, et cela aide les autres clients à choisir.',
  heading: 'Donnez-nous votre avis',
  greeting: '{% if contact.firstName %}Bonjour {{ contact.firstName }},{% else %}Bonjour,{% endif %}',
  body: 'Vous avez reçu votre commande il y a quelque temps déjà\u00a0: nous aimerions savoir ce que vous en pensez.',
  why: 'Laisser un avis ne prend qu’une minute. Cela aide les autres clients à faire le bon choix, et nous aide à nous améliorer.',
  button: 'Laisser un avis',
  thanks: 'Merci beaucoup\u00a0!<br />L’équipe {{ workspace.name }}',
});
