import { winBack } from './layout.ts';

export default winBack('es', {
  subject: 'Hace tiempo que no te vemos: mira las novedades',
  preheader: 'Novedades y un pequeño detalle para celebrar tu vuelta.',
  heading: '¡Cuánto tiempo!',
  greeting: '{% if contact.firstName %}Hola, {{ contact.firstName }}:{% else %}Hola:{% endif %}',
  body: 'Hace tiempo que no pasas por aquí, así que te contamos lo que te has perdido: novedades, favoritos que vuelven a estar disponibles y algunas cosas que creemos que te van a encantar.',
  offer:
    'Para celebrar tu vuelta, usa el código <strong>{{ data.offerCode }}</strong> al finalizar la compra.',
  button: 'Ver las novedades',
  leave: '¿Ya no te interesa? Sin problema: puedes darte de baja más abajo con un solo clic.',
});
