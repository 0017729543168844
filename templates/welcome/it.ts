import { welcome } from './layout.ts';

export default welcome('it', {
  subject: 'Ti diamo il benvenuto in {{ workspace.name }}',
  preheader: 'Siamo felici di averti con noi. Ecco cosa ti aspetta.',
  heading: 'Che bello averti qui!',
  greeting: '{% if contact.firstName %}Ciao {{ contact.firstName }},{% else %}Ciao,{% endif %}',
  body: [
    "Grazie per l'iscrizione. Da oggi sarai tra i primi a scoprire le novità, le offerte riservate agli iscritti e i consigli per goderti al meglio i tuoi acquisti.",
    'Ti scriveremo solo quando avremo qualcosa che valga davvero la pena leggere, e potrai scegliere cosa ricevere in qualsiasi momento.',
  ],
  button: 'Visita il negozio',
  signoff: 'A presto,<br />Il team di {{ workspace.name }}',
});
