import { newsletter } from './layout.ts';

export default newsletter('it', {
  title: 'Questo mese da {{ workspace.name }}',
  preheader: 'Il meglio del mese, in due minuti di lettura.',
  greeting: '{% if contact.firstName %}Ciao {{ contact.firstName }},{% else %}Ciao,{% endif %}',
  intro: 'Ecco cosa è successo nelle ultime settimane e cosa ti aspetta a breve.',
  readMore: 'Continua a leggere',
  signoff: 'Alla prossima,<br />Il team di {{ workspace.name }}',
});
