import { birthday } from './layout.ts';

export default birthday('it', {
  subject:
    '{% if contact.firstName %}Buon compleanno, {{ contact.firstName }}!{% else %}Buon compleanno!{% endif %}',
  preheader: 'Un piccolo pensiero da parte di tutti noi, solo per te.',
  heading: 'Buon compleanno!',
  greeting: '{% if contact.firstName %}Ciao {{ contact.firstName }},{% else %}Ciao,{% endif %}',
  body: 'Tutto il team di {{ workspace.name }} ti augura una splendida giornata. Un compleanno merita un regalo, e noi ne abbiamo messo da parte uno per te.',
  offer:
    'Il tuo regalo di compleanno: usa il codice <strong>{{ data.offerCode }}</strong> al momento del pagamento.',
  button: 'Concediti un regalo',
  signoff: 'Buona giornata,<br />Il team di {{ workspace.name }}',
});
