import { welcome } from './layout.ts';

export default welcome('fr', {
  subject: 'Bienvenue chez {{ workspace.name }}',
  preheader: 'Ravis de vous compter parmi nous. Voici ce qui vous attend.',
  heading: 'Bienvenue\u00a0!',
  greeting: '{% if contact.firstName %}Bonjour {{ contact.firstName }},{% else %}Bonjour,{% endif %}',
  body: [
    'Merci pour votre inscription. Vous serez désormais parmi les premiers informés de nos nouveautés, de nos offres réservées aux abonnés et de nos conseils pour profiter pleinement de vos achats.',
    'Nous ne vous écrirons que lorsque nous aurons vraiment quelque chose à partager, et vous pouvez choisir à tout moment ce que vous recevez.',
  ],
  button: 'Découvrir la boutique',
  signoff: "À très bientôt,<br />L'équipe {{ workspace.name }}",
});
