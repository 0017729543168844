/** UTM parameters on a campaign email's links: which links get them, and what is left alone. */
import { describe, expect, it } from 'vitest';
import { withUtm } from '../../lib/email/send/utm.ts';

const UTM = { source: 'ecrm', medium: 'email', campaign: 'winter-sale' };
const OWN = ['https://crm.brand.example'];

describe('withUtm', () => {
  it("adds the parameters to the shop's links in both parts, keeping the HTML's escaped ampersands", () => {
    const out = withUtm(
      {
        html: '<a href="https://shop.example/p/1?color=red&amp;size=m">Shop</a> <a href=\'http://shop.example/\'>Home</a>',
        text: 'Shop: https://shop.example/p/1. Home (https://shop.example/)',
      },
      UTM,
      OWN,
    );
    expect(out.html).toContain(
      'href="https://shop.example/p/1?color=red&amp;size=m&amp;utm_source=ecrm&amp;utm_medium=email&amp;utm_campaign=winter-sale"',
    );
    expect(out.html).toContain(
      "href='http://shop.example/?utm_source=ecrm&amp;utm_medium=email&amp;utm_campaign=winter-sale'",
    );
    expect(out.text).toBe(
      'Shop: https://shop.example/p/1?utm_source=ecrm&utm_medium=email&utm_campaign=winter-sale. Home (https://shop.example/?utm_source=ecrm&utm_medium=email&utm_campaign=winter-sale)',
    );
  });

  it("leaves ecrm's own pages, other schemes and the link's own UTM parameters alone", () => {
    const html =
      '<a href="https://crm.brand.example/u/abc.def">Unsubscribe</a><a href="mailto:hi@shop.example">Mail</a><a href="https://shop.example/?utm_source=ig">Ig</a>';
    const out = withUtm(
      { html, text: 'https://crm.brand.example/u/abc.def' },
      { ...UTM, content: 'hero' },
      OWN,
    );
    expect(out.html).toContain('href="https://crm.brand.example/u/abc.def"');
    expect(out.html).toContain('href="mailto:hi@shop.example"');
    expect(out.html).toContain(
      'href="https://shop.example/?utm_source=ig&amp;utm_medium=email&amp;utm_campaign=winter-sale&amp;utm_content=hero"',
    );
    expect(out.text).toBe('https://crm.brand.example/u/abc.def');
  });
});
