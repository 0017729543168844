import { newsletter } from './layout.ts';

export default newsletter('zh-Hant', {
  title: '{{ workspace.name }} 本月精選',
  preheader: '本月重點一次看，兩分鐘就能讀完。',
  greeting: '{% if contact.firstName %}{{ contact.firstName }}，您好：{% else %}您好：{% endif %}',
  intro: '為您整理最近的大小事，以及接下來即將登場的精彩內容。',
  readMore: '繼續閱讀',
  signoff: '下期再見！<br />{{ workspace.name }} 團隊敬上',
});
