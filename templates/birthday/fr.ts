import { birthday } from './layout.ts';

export default birthday('fr', {
  subject:
    '{% if contact.firstName %}Joyeux anniversaire, {{ contact.firstName }}\u00a0!{% else %}Joyeux anniversaire\u00a0!{% endif %}',
  preheader: 'Une petite attention de toute l’équipe, rien que pour vous.',
  heading: 'Joyeux anniversaire\u00a0!',
  greeting: '{% if contact.firstName %}Bonjour {{ contact.firstName }},{% else %}Bonjour,{% endif %}',
  body: 'Toute l’équipe de {{ workspace.name }} vous souhaite une merveilleuse journée. Un anniversaire mérite une petite douceur\u00a0: nous vous en avons réservé une.',
  offer:
    'Votre cadeau d’anniversaire\u00a0: utilisez le code <strong>{{ data.offerCode }}</strong> lors de votre commande.',
  button: 'Se faire plaisir',
  signoff: 'Belle journée à vous,<br />L’équipe {{ workspace.name }}',
});
