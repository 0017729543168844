import { birthday } from './layout.ts';

export default birthday('en', {
  subject:
    '{% if contact.firstName %}Happy birthday, {{ contact.firstName }}!{% else %}Happy birthday!{% endif %}',
  preheader: 'A little treat from all of us, just for you.',
  heading: 'Happy birthday!',
  greeting: '{% if contact.firstName %}Hi {{ contact.firstName }},{% else %}Hi there,{% endif %}',
  body: "Everyone at {{ workspace.name }} wishes you a wonderful day. Birthdays call for a treat, so we've set one aside for you.",
  offer: 'Your birthday treat: use the code <strong>{{ data.offerCode }}</strong> at checkout.',
  button: 'Treat yourself',
  signoff: 'Have a great day,<br />The {{ workspace.name }} team',
});
