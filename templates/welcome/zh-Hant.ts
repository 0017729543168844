import { welcome } from './layout.ts';

export default welcome('zh-Hant', {
  subject: '歡迎加入 {{ workspace.name }}',
  preheader: '很高興認識您！以下是您接下來會收到的內容。',
  heading: '歡迎您！',
  greeting: '{% if contact.firstName %}{{ contact.firstName }}，您好：{% else %}您好：{% endif %}',
  body: [
    '感謝您的訂閱。從現在起，您將搶先得知新品上市、訂閱者專屬優惠，以及讓您買得更划算、用得更順手的實用小撇步。',
    '我們只會在有值得分享的內容時才寫信給您，您也可以隨時調整想收到的郵件類型。',
  ],
  button: '前往商店逛逛',
  signoff: '期待很快再見！<br />{{ workspace.name }} 團隊敬上',
});
