import { mqlAlert } from './layout.ts';

export default mqlAlert('zh-Hant', {
  subject: '新的行銷合格潛在客戶：{{ data.contact.name | default: data.contact.email }}',
  preheader: '分數 {{ data.score }}，趁對方正活躍時盡快聯繫。',
  heading: '有一位潛在客戶可以交給業務團隊了',
  body: '{{ who }} 剛成為行銷合格潛在客戶（MQL），目前分數為 {{ data.score }}。',
  breakdown: '分數來源',
  points: '分',
  recent: '近期活動',
  button: '開啟聯絡人資料',
  tip: '在一小時內聯繫的潛在客戶，成交機率高出許多：現在正是最好的時機。',
});
