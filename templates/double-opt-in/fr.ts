import { doubleOptIn } from './layout.ts';

export default doubleOptIn('fr', {
  subject: 'Confirmez votre inscription',
  preheader: "Un clic et c'est fait.",
  heading: 'Confirmez votre adresse e-mail',
  body: "Quelqu'un (vous, nous l'espérons) a demandé à recevoir les e-mails de {{ workspace.name }} à cette adresse. Pour confirmer, cliquez sur le bouton ci-dessous.",
  button: "Oui, je m'inscris",
  ignore:
    "Vous n'êtes pas à l'origine de cette demande\u00a0? Ignorez simplement cet e-mail\u00a0: aucune inscription ne sera enregistrée et vous ne recevrez plus rien de notre part.",
  fallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur\u00a0:',
});
