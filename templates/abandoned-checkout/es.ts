import { abandonedCheckout } from './layout.ts';

export default abandonedCheckout('es', {
  subject: 'Te has dejado algo en el carrito',
  preheader: 'Lo que elegiste sigue esperándote. Termina tu pedido en un clic.',
  heading: '¿Todavía te lo estás pensando?',
  greeting: '{% if contact.firstName %}Hola, {{ contact.firstName }}:{% else %}Hola:{% endif %}',
  body: 'Has dejado estos productos en tu carrito. Te los hemos guardado, pero no podemos prometerte que sigan disponibles mucho tiempo.',
  total: 'Total',
  button: 'Terminar mi pedido',
  help: '¿Dudas sobre tallas, envíos o devoluciones? Responde a este correo y te contestará una persona de nuestro equipo.',
});
