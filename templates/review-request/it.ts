import { reviewRequest } from './layout.ts';

export default reviewRequest('it', {
  subject: 'Come ti trovi con il tuo acquisto?',
  preheader: 'Ti basta un minuto e aiuti altri clienti a scegliere.',
  heading: 'Dicci cosa ne pensi',
  greeting: '{% if contact.firstName %}Ciao {{ contact.firstName }},{% else %}Ciao,{% endif %}',
  body: 'Hai ricevuto il tuo ordine da qualche giorno: ci farebbe piacere sapere come ti trovi.',
  why: 'Lasciare una recensione richiede circa un minuto. Aiuta gli altri clienti a scegliere bene, e aiuta noi a migliorare.',
  button: 'Scrivi una recensione',
  thanks: 'Grazie mille!<br />Il team di {{ workspace.name }}',
});
