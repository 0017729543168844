import { winBack } from './layout.ts';

export default winBack('fr', {
  subject: 'Cela fait longtemps\u00a0: découvrez nos nouveautés',
  preheader: 'Des nouveautés, et une petite attention pour fêter votre retour.',
  heading: 'Cela fait un moment\u00a0!',
  greeting: '{% if contact.firstName %}Bonjour {{ contact.firstName }},{% else %}Bonjour,{% endif %}',
  body: 'Cela fait un moment que nous n’avons pas eu de vos nouvelles, alors voici ce que vous avez manqué\u00a0: des nouveautés, le retour de vos classiques préférés et quelques articles qui devraient vous plaire.',
  offer:
    'Pour fêter votre retour, utilisez le code <strong>{{ data.offerCode }}</strong> lors de votre commande.',
  button: 'Voir les nouveautés',
  leave:
    'Ces e-mails ne vous intéressent plus\u00a0? Aucun souci\u00a0: vous pouvez vous désabonner en un clic ci-dessous.',
});
