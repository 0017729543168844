/**
 * The body a new template starts from: valid MJML with what every marketing email must show (the
 * unsubscribe link and the postal address), so a first save succeeds. It is email content, written
 * by the marketer over it, not console text.
 */
export const STARTER_MJML = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hello {{ contact.firstName | default: "there" }},</mj-text>
        <mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a> · {{ workspace.postal_address }}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
