import { birthday } from './layout.ts';

export default birthday('es', {
  subject:
    '{% if contact.firstName %}¡Feliz cumpleaños, {{ contact.firstName }}!{% else %}¡Feliz cumpleaños!{% endif %}',
  preheader: 'Un pequeño regalo de parte de todo el equipo, solo para ti.',
  heading: '¡Feliz cumpleaños!',
  greeting: '{% if contact.firstName %}Hola, {{ contact.firstName }}:{% else %}Hola:{% endif %}',
  body: 'Todo el equipo de {{ workspace.name }} te desea un día estupendo. Un cumpleaños merece un capricho, así que te hemos guardado uno.',
  offer:
    'Tu regalo de cumpleaños: usa el código <strong>{{ data.offerCode }}</strong> al finalizar la compra.',
  button: 'Date un capricho',
  signoff: '¡Que pases un gran día!<br />El equipo de {{ workspace.name }}',
});
