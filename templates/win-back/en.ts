import { winBack } from './layout.ts';

export default winBack('en', {
  subject: "It's been a while: here's what's new",
  preheader: 'New arrivals, and a little something to welcome you back.',
  heading: "It's been a while",
  greeting: '{% if contact.firstName %}Hi {{ contact.firstName }},{% else %}Hi there,{% endif %}',
  body: "We haven't seen you in some time, so here's what you've missed: new arrivals, old favourites back in stock and a few things we think you'll like.",
  offer: 'To welcome you back, use the code <strong>{{ data.offerCode }}</strong> at checkout.',
  button: "See what's new",
  leave: 'Not interested any more? No hard feelings: you can unsubscribe below in one click.',
});
