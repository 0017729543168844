import { birthday } from './layout.ts';

export default birthday('zh-Hant', {
  subject: '{% if contact.firstName %}{{ contact.firstName }}，生日快樂！{% else %}生日快樂！{% endif %}',
  preheader: '全體同仁為您準備了一份專屬小禮物。',
  heading: '生日快樂！',
  greeting: '{% if contact.firstName %}{{ contact.firstName }}，您好：{% else %}您好：{% endif %}',
  body: '{{ workspace.name }} 全體同仁祝您有美好的一天。生日當然要犒賞自己，我們特別為您準備了一份心意。',
  offer: '您的生日禮：結帳時輸入優惠碼 <strong>{{ data.offerCode }}</strong> 即可使用。',
  button: '犒賞一下自己',
  signoff: '祝您有個愉快的一天！<br />{{ workspace.name }} 團隊敬上',
});
