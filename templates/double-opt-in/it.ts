import { doubleOptIn } from './layout.ts';

export default doubleOptIn('it', {
  subject: 'Conferma la tua iscrizione',
  preheader: 'Basta un clic.',
  heading: 'Conferma il tuo indirizzo email',
  body: 'Qualcuno (speriamo tu) ha chiesto di ricevere le email di {{ workspace.name }} a questo indirizzo. Per confermare, fai clic sul pulsante qui sotto.',
  button: 'Sì, voglio iscrivermi',
  ignore:
    "La richiesta non è partita da te? Ignora pure questa email: l'iscrizione non verrà attivata e non riceverai altri messaggi da noi.",
  fallback: 'Se il pulsante non funziona, copia questo link nel browser:',
});
