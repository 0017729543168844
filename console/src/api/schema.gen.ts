/**
 * The API's types, generated from its OpenAPI document by scripts/console-api-types.ts
 * (openapi-typescript). Do not edit: run `npm run console:api-types`.
 */
export interface paths {
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts, a page at a time (pass `next` back as `cursor`). */
        get: operations["listContacts"];
        put?: never;
        /** Create or update the contact with this email or external id (idempotent). */
        post: operations["upsertContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a contact by email or external id. */
        get: operations["lookupContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find contacts by a prefix of their email, first name, last name or full name, ignoring case and accents ("ana gar", "GARC" and "ana@" all find Ana García <ana@example.com>), a page at a time. */
        get: operations["searchContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a contact: its score and stage, and with `?include=scoreBreakdown` where the points come from. */
        get: operations["getContact"];
        put?: never;
        post?: never;
        /** Erase a contact (GDPR): its record, timeline and indexes go; a hashed tombstone keeps it suppressed. */
        delete: operations["eraseContact"];
        options?: never;
        head?: never;
        /** Change some fields of a contact; `null` in attributes deletes one. */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/v1/contacts/{contactId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held on a contact (GDPR access request). */
        get: operations["exportContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contactId}/consent/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record a contact's consent on one channel, with its source. */
        put: operations["setConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what people did: one event or `{batch: [...]}` of up to 100. Browser-safe with an ingest key. Idempotent by event `id` for at least 7 days. */
        post: operations["track"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contactId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's timeline, newest first. */
        get: operations["readTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contactId}/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log an off-line interaction (call, meeting, note, support request) on the timeline. */
        post: operations["logInteraction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's workspace and its settings. */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's API keys (never their secrets). */
        get: operations["listApiKeys"];
        put?: never;
        /** Issue an API key with some of the scopes admin, write, read, ingest. The token is shown once. */
        post: operations["issueApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key: it stops working within 30 s (functions keep a key they read for 30 s at most). */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's members and their roles; paginated by `next`. */
        get: operations["listUsers"];
        put?: never;
        /** Add a person to the workspace with a role (admin, marketer, analyst). Someone without an account is invited: the user pool emails them a temporary password. */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from the workspace (their account stays, for their other workspaces). The workspace always keeps one admin; the removal takes effect within 30 s. */
        delete: operations["removeUser"];
        options?: never;
        head?: never;
        /** Change a member's role. The workspace always keeps one admin. */
        patch: operations["setUserRole"];
        trace?: never;
    };
    "/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's storefront connections. */
        get: operations["listConnections"];
        put?: never;
        /** Connect a storefront (shopify, woocommerce, stripe, generic). Its signing secret is stored sealed (KMS) and never returned; a generic connection gets a secret from ecrm, shown once. */
        post: operations["createConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connection (secrets shown by their last 4 characters only). */
        get: operations["getConnection"];
        put?: never;
        post?: never;
        /** Disconnect a storefront: its deliveries are refused from now on. */
        delete: operations["deleteConnection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a new signing secret; the previous ones keep verifying for `graceHours` (default 24). */
        post: operations["rotateConnectionSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/quarantine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A connection's quarantined deliveries (verified, but not understood), oldest first, with the reason; kept 30 days. */
        get: operations["listQuarantinedDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/quarantine/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put one quarantined delivery (`deliveryId`) or all of them (`all: true`, up to 500 per call: repeat while `more`) back through processing, after a fix. Processing is idempotent: an effect already in place is not applied twice; a delivery still not understood returns to quarantine with its new reason. */
        post: operations["replayQuarantinedDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{workspaceId}/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Where a connected shop sends its webhooks. The signature is verified over the exact bytes received (Shopify X-Shopify-Hmac-Sha256, WooCommerce X-WC-Webhook-Signature, Stripe Stripe-Signature, ecrm X-Ecrm-Signature); each delivery id has one effect; work runs after the 200. */
        post: operations["receiveWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored GDPR export (e.g. produced for a Shopify customers/data_request), kept 30 days. */
        get: operations["getExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's segments. */
        get: operations["listSegments"];
        put?: never;
        /** Create a dynamic segment (a condition; membership stays current by itself) or a static one (a list). */
        post: operations["createSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{segmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A segment with its exact member count and rebuild progress. */
        get: operations["getSegment"];
        put?: never;
        post?: never;
        /** Delete a segment: its members leave (segment.exited each), then the definition goes. */
        delete: operations["deleteSegment"];
        options?: never;
        head?: never;
        /** Rename, or change the rule (which bumps the rule version and rebuilds membership exactly). */
        patch: operations["updateSegment"];
        trace?: never;
    };
    "/v1/segments/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many contacts a condition matches now and a sample of them, before saving (first 5,000 contacts). */
        post: operations["previewSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{segmentId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Member contact ids, a page at a time. */
        get: operations["listSegmentMembers"];
        put?: never;
        /** Add or remove members of a static segment (up to 500 each per call). */
        post: operations["changeStaticSegmentMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contactId}/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The segments a contact belongs to now. */
        get: operations["contactSegments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{segmentId}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a CSV list (text/csv: an `email` column, optionally firstName, lastName, externalId) into a static segment. The file is checked whole, then applied in the background; follow its progress. */
        post: operations["importSegmentList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{segmentId}/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import's progress: rows processed and added, and errors by line (the first 100). */
        get: operations["getSegmentImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scoring-model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's scoring model as set, or null when the defaults apply (and the defaults, parsed). */
        get: operations["getScoringModel"];
        /** Set the scoring model: engagement and fit rules, decay, lifecycle stages, thresholds and stage events. */
        put: operations["putScoringModel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contactId}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move a contact to a lifecycle stage by hand (the only way backward). */
        put: operations["setStage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contactId}/score-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's score changes with their reasons (kept 400 days). */
        get: operations["scoreHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/score-distribution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many scored contacts are in each 10-point score bucket and in each lifecycle stage (kept as counters: no contact is read). */
        get: operations["scoreDistribution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspace/email-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's email settings: default locale, default time zone, postal address, sales address, double opt-in, topics, frequency cap (defaults when never set). */
        get: operations["getEmailSettings"];
        /** Replace the workspace's email settings; fields left out take their defaults. Marketing email needs `postalAddress`. */
        put: operations["putEmailSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe an email address (a signup form; an ingest key will do): the contact is created or updated and its email consent recorded with the source — `pending` with a confirmation email when the workspace uses double opt-in. The answer is the same whatever the address was, so a form reveals nothing about who subscribed. */
        post: operations["subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contactId}/topics/{topicId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record a contact's choice for one subscription topic of the workspace, with its source (announced as contact.consent.changed). */
        put: operations["setTopicConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page behind an email's unsubscribe link, in the contact's language: asks to confirm, and lets the contact pick topics (the preference centre). Opening it changes nothing: link scanners open links. */
        get: operations["unsubscribePage"];
        put?: never;
        /** RFC 8058 one-click unsubscribe (body `List-Unsubscribe=One-Click`; no cookie, no auth, no redirect), and the page's own forms (`action=unsubscribe`, `action=resubscribe`, `action=save` with `topic` per ticked topic). Recorded with source (`one-click`, `preference-centre`) and time, and counted on the message the link came in. */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page behind a double opt-in confirmation link, in the contact's language, with a button that confirms. Opening it changes nothing. */
        get: operations["confirmSubscriptionPage"];
        put?: never;
        /** Confirm a double opt-in (`action=confirm`): the pending email consent becomes subscribed, recorded with source (`double-opt-in (<form>)`) and time. */
        post: operations["confirmSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template version (the latest, or `?version=`): each locale with its source, compiled HTML and text. */
        get: operations["getTemplate"];
        /** Save a new version of a template (the first save creates it): Liquid checked, MJML compiled to responsive HTML once, the text part generated when not given. A refusal names the field, line and reason. */
        put: operations["saveTemplate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's email templates. */
        get: operations["listTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{templateId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template's versions, oldest first. */
        get: operations["listTemplateVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{templateId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a template for one contact exactly as a send would (the contact's data and locale, the workspace's settings, `data` as the trigger payload, the contact's working signed links, without a message id). */
        post: operations["previewTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Install the templates ecrm ships (welcome, double-opt-in, abandoned-checkout, ...; en, es, fr, it, zh-Hant). A template the workspace already has is kept unless `overwrite` (which saves a new version). */
        post: operations["installDefaultTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sender-domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace’s sending domains with their DNS records (status: GET one domain). */
        get: operations["listSenderDomains"];
        put?: never;
        /** Register a sending domain: ecrm creates its SES identity with Easy DKIM and a custom MAIL FROM domain (and puts it in the workspace’s SES tenant where the deployment uses tenants) and answers the DNS records to add: three DKIM CNAMEs, the MAIL FROM MX and SPF records, and a DMARC suggestion. The first domain is the one email is sent from. */
        post: operations["addSenderDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sender-domains/{domain}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sending domain with its status now: SES verification of DKIM and MAIL FROM, the DMARC record found in DNS, and whether marketing and transactional email may go out from it (and why not). */
        get: operations["getSenderDomain"];
        put?: never;
        post?: never;
        /** Forget a sending domain and delete its SES identity. */
        delete: operations["removeSenderDomain"];
        options?: never;
        head?: never;
        /** Change the From address’s local part or display name, or make this the domain email is sent from. */
        patch: operations["updateSenderDomain"];
        trace?: never;
    };
    "/v1/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one template to one contact (queued; consent, suppression and the sender are checked at send time). With an `Idempotency-Key` header (8-128 printable characters), a retried request within 24 h queues the same message, which is sent at most once. */
        post: operations["sendEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{templateId}/test-send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a template, filled with a contact's data, to a test address (at most 20 an hour per workspace). The contact's consent does not apply; the sender's rules do. */
        post: operations["testSendTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's campaigns, newest first, optionally of one status; paginated by `next`. */
        get: operations["listCampaigns"];
        put?: never;
        /** Create a draft campaign: a marketing template (version pinned, or the latest when scheduled or started), an audience (segments included and excluded, or a condition), optionally a topic, UTM parameters and a sender domain. Every reference is checked. With an `Idempotency-Key` header (8-128 printable characters), the same request within 24 h, retried or sent in parallel by another client, is carried out once and answered the same (`Idempotent-Replayed: true` on the replays); the key with another request is a 409. */
        post: operations["createCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{campaignId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign: its content, audience, status and schedule; with an A/B test once launched, when the winner is picked and each variant's test-wave emails sent, opened and clicked (each once) with their rates. */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        /** Delete a draft campaign (unschedule a scheduled one first; a started one can only be cancelled). */
        delete: operations["deleteCampaign"];
        options?: never;
        head?: never;
        /** Change a draft or scheduled campaign (name, template, audience, topic, UTM, sender domain; `null` removes an optional one). A scheduled campaign keeps its time. */
        patch: operations["updateCampaign"];
        trace?: never;
    };
    "/v1/campaigns/{campaignId}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule a draft, or reschedule a scheduled campaign: `{"type":"at","at":"2026-12-01T09:00","timeZone":"Europe/Paris"}` (DST gaps move forward, overlaps take the first), or `{"type":"recipientLocal","date":"2026-12-01","time":"09:00"}` (each recipient's own zone; `sendAt` is when the first zone, UTC+14, gets there). The time must be in the future. The references are checked again and the template version pinned. */
        post: operations["scheduleCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{campaignId}/unschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a scheduled campaign back to draft (its send time is dropped). */
        post: operations["unscheduleCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{campaignId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start sending a draft or scheduled campaign now (references checked, template version pinned). With an `Idempotency-Key` header (8-128 printable characters), the same request within 24 h, retried or sent in parallel by another client, is carried out once and answered the same (`Idempotent-Replayed: true` on the replays); the key with another request is a 409. */
        post: operations["startCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{campaignId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a sending campaign: nothing more is sent until it is resumed. */
        post: operations["pauseCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{campaignId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign: it continues exactly where it stopped. */
        post: operations["resumeCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{campaignId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled, sending or paused campaign: nothing more is sent. Final. */
        post: operations["cancelCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{campaignId}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a campaign's sending stands: its recipients queued, in flight, sent, suppressed, failed (with the reasons), capped and cancelled, out of its audience. All zeros before it launches. */
        get: operations["getCampaignProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{campaignId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's results: sent, delivered, opened, clicked (per link), bounced, complained, unsubscribed, with their rates; the storefront orders attributed to it and their revenue per currency; and its AWS cost, estimated from what it consumed. */
        get: operations["getCampaignResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's journeys, newest first, optionally of one status; paginated by `next`. */
        get: operations["listJourneys"];
        put?: never;
        /** Create a draft journey (version 1); its templates and segment must exist. The body is the journey document: `name`, `trigger` (event, segment, stage, date or inactivity), `entry` (once, oncePer with `periodDays`, always), an optional `goal` and `quietHours`, and `steps` (email, wait, waitUntil, waitForEvent, branch, split, update, emit, webhook, exit), each naming the step that follows. A mistake is a 422 whose issues name the step and field (`steps.3.timeout`). */
        post: operations["createJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{journeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A journey with its latest document. */
        get: operations["getJourney"];
        /** Save a new version of a journey (not an archived one). A live journey stays live: new runs start on the new version, runs in progress finish on theirs. The body is the journey document: `name`, `trigger` (event, segment, stage, date or inactivity), `entry` (once, oncePer with `periodDays`, always), an optional `goal` and `quietHours`, and `steps` (email, wait, waitUntil, waitForEvent, branch, split, update, emit, webhook, exit), each naming the step that follows. A mistake is a 422 whose issues name the step and field (`steps.3.timeout`). */
        put: operations["updateJourney"];
        post?: never;
        /** Delete a draft journey and its versions (a journey that went live is archived instead). */
        delete: operations["deleteJourney"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{journeyId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a journey’s document, as it was saved (runs keep the version they started on). */
        get: operations["getJourneyVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{journeyId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A journey’s report: runs entered, in progress and how they ended (completed, goal, exit, unsubscribed, suppressed), the order value of goals reached, and per step the emails and their engagement. */
        get: operations["getJourneyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{journeyId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a draft or paused journey live: contacts enter it from now (its references are checked again). */
        post: operations["startJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{journeyId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a live journey: no one enters; runs in progress go on. */
        post: operations["pauseJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{journeyId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a live or paused journey, for good: no one enters; runs in progress go on to their end. */
        post: operations["archiveJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Simulate a journey (saved, or a document not saved yet) for a contact (or a blank one) and a made-up sequence of events, on a virtual clock: the steps it would take and when, the emails it would send, and how the run ends (completed, exit, goal, or the horizon). Nothing is written or sent. */
        post: operations["dryRunJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/ready-made": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ready-made journeys (welcome series, abandoned checkout, post-purchase follow-up, win-back, birthday, lead nurture with MQL hand-off), in the workspace's default locale: what each does, the shipped templates it sends, its options with their defaults, its document, and the journey once switched on. */
        get: operations["listReadyMadeJourneys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/ready-made/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch a ready-made journey on: its missing shipped templates are installed, the journey is created (named in the workspace's default locale, with the options of the body; `{}` for the defaults) and put live. Idempotent: a second call (even at the same time) answers the same journey with 200 and changes nothing, except that a paused one goes live again. */
        post: operations["enableReadyMadeJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's outgoing webhook endpoints, newest first; paginated by `next`. */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Subscribe an endpoint to domain event types (contact.created, contact.updated, contact.consent.changed, contact.identified, contact.erased, contact.suppressed, order.placed, order.updated, order.refunded, checkout.abandoned, segment.entered, segment.exited, score.changed, stage.changed, email.engaged, journey.entered, journey.ended, journey.signal, webhook.endpoint.disabled). Each delivery is signed (`ecrm-signature`, see the README) with the secret returned here once. The URL must be https and resolve only to public addresses (no private, loopback, link-local or reserved ones: checked at save and before every attempt); a 422 names `url` otherwise. */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint (its secrets by their last 4 characters only). */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete an endpoint: nothing more is sent to it, retries in flight stop. */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Change the URL, event types, description, or `enabled` (enabling a disabled endpoint starts it afresh; replay its dead deliveries after). The URL must be https and resolve only to public addresses (no private, loopback, link-local or reserved ones: checked at save and before every attempt); a 422 names `url` otherwise. */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret (returned once); the previous ones keep signing beside it for `graceHours` (default 24): the signature header then carries one `v1` per secret. */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's deliveries, newest first, optionally of one status (`dead`: the dead letters), with their latest attempts; kept 30 days. Paginated by `next`. */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead (or delivered) delivery again: a fresh attempt now, with a new retry window. 409 while it is still on its way or the endpoint is disabled. */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspace/sending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the workspace's marketing email is paused and why, with its rolling bounce and complaint rates. */
        get: operations["getSendingStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspace/sending/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume marketing email after a pause (fix the list first); the rates count afresh from now. Idempotent. */
        post: operations["resumeSending"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/email-stats/{origin}/{originId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outcomes of the emails of one origin (a campaign, a journey step `<journeyId>-<stepId>`...), each counted once per message, and the links clicked (messages per link, each once), most clicked first. */
        get: operations["getEmailStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start signing in: redirects to the user pool’s sign-in page (code flow, S256 PKCE, state), in the language `lang`, then back to `returnTo` (a path on this origin; anything else returns to `/`). */
        get: operations["authLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the sign-in page returns: checks the state, exchanges the code (with the PKCE verifier), verifies the access token and sets the session. */
        get: operations["authCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new session (access token) from the refresh cookie, before or after the old one expires. */
        post: operations["authRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: clears the session cookies; the browser then goes to `logoutUrl` to end the user pool’s own session. */
        post: operations["authLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person (the `ecrm_session` cookie, renewed from the refresh cookie when it has expired, or a bearer access token) and the workspaces they belong to, with their role in each; `user: null` when nobody is signed in. */
        get: operations["authMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API reference as an OpenAPI 3.1 document. */
        get: operations["openApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Def0: {
            /** @constant */
            type: "all";
            conditions: components["schemas"]["Def0"][];
        } | {
            /** @constant */
            type: "any";
            conditions: components["schemas"]["Def0"][];
        } | {
            /** @constant */
            type: "not";
            condition: components["schemas"]["Def0"];
        } | ({
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "equals" | "notEquals";
            value: unknown;
            caseInsensitive?: boolean;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "in" | "notIn";
            value: unknown[];
            caseInsensitive?: boolean;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "contains" | "startsWith" | "endsWith";
            value: string;
            caseInsensitive?: boolean;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "gt" | "gte" | "lt" | "lte";
            value: unknown;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "before" | "after";
            value: unknown;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
            days: number;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "exists" | "notExists";
        }) | ({
            /** @constant */
            type: "tag";
            /** @enum {string} */
            op: "has" | "hasNot";
            value: string;
        } | {
            /** @constant */
            type: "tag";
            /** @enum {string} */
            op: "hasAny" | "hasAll" | "hasNone";
            value: string[];
        }) | {
            /** @constant */
            type: "consent";
            /** @enum {string} */
            channel: "email" | "sms" | "push" | "whatsapp";
            /** @enum {string} */
            status: "subscribed" | "unsubscribed" | "pending" | "none";
        } | {
            /** @constant */
            type: "suppression";
            suppressed: boolean;
        } | ({
            /** @constant */
            type: "stage";
            /** @enum {string} */
            op: "equals" | "atLeast";
            value: string;
        } | {
            /** @constant */
            type: "stage";
            /** @constant */
            op: "in";
            value: string[];
        }) | {
            /** @constant */
            type: "score";
            /** @enum {string} */
            op: "equals" | "notEquals" | "gt" | "gte" | "lt" | "lte";
            value: number;
        } | ({
            /** @constant */
            type: "purchases";
            /** @constant */
            metric: "orderCount";
            /** @enum {string} */
            op: "equals" | "notEquals" | "gt" | "gte" | "lt" | "lte";
            value: number;
        } | {
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "totalSpent" | "averageOrderValue";
            currency: string;
            /** @enum {string} */
            op: "equals" | "notEquals" | "gt" | "gte" | "lt" | "lte";
            value: number;
        } | ({
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "firstOrderAt" | "lastOrderAt";
            /** @enum {string} */
            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
            days: number;
        } | {
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "firstOrderAt" | "lastOrderAt";
            /** @enum {string} */
            op: "before" | "after";
            value: unknown;
        } | {
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "firstOrderAt" | "lastOrderAt";
            /** @enum {string} */
            op: "exists" | "notExists";
        }) | {
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "products" | "categories";
            /** @enum {string} */
            op: "hasAny" | "hasAll" | "hasNone";
            value: string[];
        }) | {
            /** @constant */
            type: "event";
            name: string;
            where?: ({
                path: string;
                /** @enum {string} */
                op: "equals" | "notEquals";
                value: unknown;
                caseInsensitive?: boolean;
            } | {
                path: string;
                /** @enum {string} */
                op: "in" | "notIn";
                value: unknown[];
                caseInsensitive?: boolean;
            } | {
                path: string;
                /** @enum {string} */
                op: "contains" | "startsWith" | "endsWith";
                value: string;
                caseInsensitive?: boolean;
            } | {
                path: string;
                /** @enum {string} */
                op: "gt" | "gte" | "lt" | "lte";
                value: unknown;
            } | {
                path: string;
                /** @enum {string} */
                op: "before" | "after";
                value: unknown;
            } | {
                path: string;
                /** @enum {string} */
                op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                days: number;
            } | {
                path: string;
                /** @enum {string} */
                op: "exists" | "notExists";
            })[];
            /** @enum {string} */
            op: "did" | "didNot";
            atLeast?: number;
            atMost?: number;
            exactly?: number;
            withinLastDays?: number;
            between?: {
                from: unknown;
                to: unknown;
            };
        } | {
            /** @constant */
            type: "engagement";
            /** @enum {string} */
            kind: "opened" | "clicked" | "delivered" | "bounced" | "complained";
            campaignId?: string;
            inLastEmails?: number;
            /** @enum {string} */
            op: "did" | "didNot";
            atLeast?: number;
            atMost?: number;
            exactly?: number;
            withinLastDays?: number;
            between?: {
                from: unknown;
                to: unknown;
            };
        };
        Def1: {
            /** @constant */
            type: "all";
            conditions: components["schemas"]["Def1"][];
        } | {
            /** @constant */
            type: "any";
            conditions: components["schemas"]["Def1"][];
        } | {
            /** @constant */
            type: "not";
            condition: components["schemas"]["Def1"];
        } | ({
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "equals" | "notEquals";
            value: unknown;
            caseInsensitive?: boolean;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "in" | "notIn";
            value: unknown[];
            caseInsensitive?: boolean;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "contains" | "startsWith" | "endsWith";
            value: string;
            caseInsensitive?: boolean;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "gt" | "gte" | "lt" | "lte";
            value: unknown;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "before" | "after";
            value: unknown;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
            days: number;
        } | {
            /** @constant */
            type: "attribute";
            field: string;
            /** @enum {string} */
            op: "exists" | "notExists";
        }) | ({
            /** @constant */
            type: "tag";
            /** @enum {string} */
            op: "has" | "hasNot";
            value: string;
        } | {
            /** @constant */
            type: "tag";
            /** @enum {string} */
            op: "hasAny" | "hasAll" | "hasNone";
            value: string[];
        }) | {
            /** @constant */
            type: "consent";
            /** @enum {string} */
            channel: "email" | "sms" | "push" | "whatsapp";
            /** @enum {string} */
            status: "subscribed" | "unsubscribed" | "pending" | "none";
        } | {
            /** @constant */
            type: "suppression";
            suppressed: boolean;
        } | ({
            /** @constant */
            type: "stage";
            /** @enum {string} */
            op: "equals" | "atLeast";
            value: string;
        } | {
            /** @constant */
            type: "stage";
            /** @constant */
            op: "in";
            value: string[];
        }) | {
            /** @constant */
            type: "score";
            /** @enum {string} */
            op: "equals" | "notEquals" | "gt" | "gte" | "lt" | "lte";
            value: number;
        } | ({
            /** @constant */
            type: "purchases";
            /** @constant */
            metric: "orderCount";
            /** @enum {string} */
            op: "equals" | "notEquals" | "gt" | "gte" | "lt" | "lte";
            value: number;
        } | {
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "totalSpent" | "averageOrderValue";
            currency: string;
            /** @enum {string} */
            op: "equals" | "notEquals" | "gt" | "gte" | "lt" | "lte";
            value: number;
        } | ({
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "firstOrderAt" | "lastOrderAt";
            /** @enum {string} */
            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
            days: number;
        } | {
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "firstOrderAt" | "lastOrderAt";
            /** @enum {string} */
            op: "before" | "after";
            value: unknown;
        } | {
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "firstOrderAt" | "lastOrderAt";
            /** @enum {string} */
            op: "exists" | "notExists";
        }) | {
            /** @constant */
            type: "purchases";
            /** @enum {string} */
            metric: "products" | "categories";
            /** @enum {string} */
            op: "hasAny" | "hasAll" | "hasNone";
            value: string[];
        }) | {
            /** @constant */
            type: "event";
            name: string;
            where?: ({
                path: string;
                /** @enum {string} */
                op: "equals" | "notEquals";
                value: unknown;
                caseInsensitive?: boolean;
            } | {
                path: string;
                /** @enum {string} */
                op: "in" | "notIn";
                value: unknown[];
                caseInsensitive?: boolean;
            } | {
                path: string;
                /** @enum {string} */
                op: "contains" | "startsWith" | "endsWith";
                value: string;
                caseInsensitive?: boolean;
            } | {
                path: string;
                /** @enum {string} */
                op: "gt" | "gte" | "lt" | "lte";
                value: unknown;
            } | {
                path: string;
                /** @enum {string} */
                op: "before" | "after";
                value: unknown;
            } | {
                path: string;
                /** @enum {string} */
                op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                days: number;
            } | {
                path: string;
                /** @enum {string} */
                op: "exists" | "notExists";
            })[];
            /** @enum {string} */
            op: "did" | "didNot";
            atLeast?: number;
            atMost?: number;
            exactly?: number;
            withinLastDays?: number;
            between?: {
                from: unknown;
                to: unknown;
            };
        } | {
            /** @constant */
            type: "engagement";
            /** @enum {string} */
            kind: "opened" | "clicked" | "delivered" | "bounced" | "complained";
            campaignId?: string;
            inLastEmails?: number;
            /** @enum {string} */
            op: "did" | "didNot";
            atLeast?: number;
            atMost?: number;
            exactly?: number;
            withinLastDays?: number;
            between?: {
                from: unknown;
                to: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listContacts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contacts: {
                            id: string;
                            workspaceId: string;
                            email?: string;
                            externalId?: string;
                            firstName?: string;
                            lastName?: string;
                            phone?: string;
                            locale?: string;
                            timezone?: string;
                            attributes: {
                                [key: string]: string | number | boolean | string[];
                            };
                            tags: string[];
                            consent: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                            topics?: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            suppression?: {
                                reason: string;
                                at: string;
                            };
                            anonymousIds: string[];
                            activity: {
                                eventCount: number;
                                firstSeenAt?: string;
                                lastSeenAt?: string;
                                byName: {
                                    [key: string]: {
                                        count: number;
                                        lastAt: string;
                                    };
                                };
                            };
                            purchases?: {
                                orderCount: number;
                                firstOrderAt?: string;
                                lastOrderAt?: string;
                                totals: {
                                    [key: string]: {
                                        spent: number;
                                        refunded: number;
                                        orders: number;
                                        average: number;
                                    };
                                };
                                products: string[];
                                categories: string[];
                            };
                            /** @description the lead score last reported (0 before any scoring) */
                            score: number;
                            /** @description the lifecycle stage; null before any */
                            stage: string | null;
                            /** @description only with `?include=scoreBreakdown` */
                            scoreBreakdown?: {
                                /** @description the score now (decay applied), which may be below the last reported one */
                                score: number;
                                /** @description engagement points now, after decay or expiry */
                                engagement: number;
                                /** @description points of the fit rules that hold */
                                fit: number;
                                /** @description ids of the fit rules that hold */
                                fitRules: string[];
                            };
                            source: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    upsertContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email?: string;
                    externalId?: string;
                    anonymousId?: string;
                    firstName?: string;
                    lastName?: string;
                    phone?: string;
                    locale?: string;
                    /** @description an IANA time zone name (aliases accepted; the canonical name is kept) */
                    timezone?: string;
                    attributes?: {
                        [key: string]: (string | number | boolean | string[]) | null;
                    };
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description updated (or unchanged) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contact: {
                            id: string;
                            workspaceId: string;
                            email?: string;
                            externalId?: string;
                            firstName?: string;
                            lastName?: string;
                            phone?: string;
                            locale?: string;
                            timezone?: string;
                            attributes: {
                                [key: string]: string | number | boolean | string[];
                            };
                            tags: string[];
                            consent: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                            topics?: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            suppression?: {
                                reason: string;
                                at: string;
                            };
                            anonymousIds: string[];
                            activity: {
                                eventCount: number;
                                firstSeenAt?: string;
                                lastSeenAt?: string;
                                byName: {
                                    [key: string]: {
                                        count: number;
                                        lastAt: string;
                                    };
                                };
                            };
                            purchases?: {
                                orderCount: number;
                                firstOrderAt?: string;
                                lastOrderAt?: string;
                                totals: {
                                    [key: string]: {
                                        spent: number;
                                        refunded: number;
                                        orders: number;
                                        average: number;
                                    };
                                };
                                products: string[];
                                categories: string[];
                            };
                            /** @description the lead score last reported (0 before any scoring) */
                            score: number;
                            /** @description the lifecycle stage; null before any */
                            stage: string | null;
                            /** @description only with `?include=scoreBreakdown` */
                            scoreBreakdown?: {
                                /** @description the score now (decay applied), which may be below the last reported one */
                                score: number;
                                /** @description engagement points now, after decay or expiry */
                                engagement: number;
                                /** @description points of the fit rules that hold */
                                fit: number;
                                /** @description ids of the fit rules that hold */
                                fitRules: string[];
                            };
                            source: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                        created: boolean;
                        changed: string[];
                    };
                };
            };
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contact: {
                            id: string;
                            workspaceId: string;
                            email?: string;
                            externalId?: string;
                            firstName?: string;
                            lastName?: string;
                            phone?: string;
                            locale?: string;
                            timezone?: string;
                            attributes: {
                                [key: string]: string | number | boolean | string[];
                            };
                            tags: string[];
                            consent: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                            topics?: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            suppression?: {
                                reason: string;
                                at: string;
                            };
                            anonymousIds: string[];
                            activity: {
                                eventCount: number;
                                firstSeenAt?: string;
                                lastSeenAt?: string;
                                byName: {
                                    [key: string]: {
                                        count: number;
                                        lastAt: string;
                                    };
                                };
                            };
                            purchases?: {
                                orderCount: number;
                                firstOrderAt?: string;
                                lastOrderAt?: string;
                                totals: {
                                    [key: string]: {
                                        spent: number;
                                        refunded: number;
                                        orders: number;
                                        average: number;
                                    };
                                };
                                products: string[];
                                categories: string[];
                            };
                            /** @description the lead score last reported (0 before any scoring) */
                            score: number;
                            /** @description the lifecycle stage; null before any */
                            stage: string | null;
                            /** @description only with `?include=scoreBreakdown` */
                            scoreBreakdown?: {
                                /** @description the score now (decay applied), which may be below the last reported one */
                                score: number;
                                /** @description engagement points now, after decay or expiry */
                                engagement: number;
                                /** @description points of the fit rules that hold */
                                fit: number;
                                /** @description ids of the fit rules that hold */
                                fitRules: string[];
                            };
                            source: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                        created: boolean;
                        changed: string[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description identifier belongs to another contact */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description body or attributes over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    lookupContact: {
        parameters: {
            query?: {
                email?: string;
                externalId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the contact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        workspaceId: string;
                        email?: string;
                        externalId?: string;
                        firstName?: string;
                        lastName?: string;
                        phone?: string;
                        locale?: string;
                        timezone?: string;
                        attributes: {
                            [key: string]: string | number | boolean | string[];
                        };
                        tags: string[];
                        consent: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "subscribed" | "unsubscribed" | "pending";
                                source: string;
                                at: string;
                            };
                        };
                        /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                        topics?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "subscribed" | "unsubscribed" | "pending";
                                source: string;
                                at: string;
                            };
                        };
                        suppression?: {
                            reason: string;
                            at: string;
                        };
                        anonymousIds: string[];
                        activity: {
                            eventCount: number;
                            firstSeenAt?: string;
                            lastSeenAt?: string;
                            byName: {
                                [key: string]: {
                                    count: number;
                                    lastAt: string;
                                };
                            };
                        };
                        purchases?: {
                            orderCount: number;
                            firstOrderAt?: string;
                            lastOrderAt?: string;
                            totals: {
                                [key: string]: {
                                    spent: number;
                                    refunded: number;
                                    orders: number;
                                    average: number;
                                };
                            };
                            products: string[];
                            categories: string[];
                        };
                        /** @description the lead score last reported (0 before any scoring) */
                        score: number;
                        /** @description the lifecycle stage; null before any */
                        stage: string | null;
                        /** @description only with `?include=scoreBreakdown` */
                        scoreBreakdown?: {
                            /** @description the score now (decay applied), which may be below the last reported one */
                            score: number;
                            /** @description engagement points now, after decay or expiry */
                            engagement: number;
                            /** @description points of the fit rules that hold */
                            fit: number;
                            /** @description ids of the fit rules that hold */
                            fitRules: string[];
                        };
                        source: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    searchContacts: {
        parameters: {
            query: {
                limit?: number;
                cursor?: string;
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of matches, each contact once (pass `next` back as `cursor`, with the same `q`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contacts: {
                            id: string;
                            workspaceId: string;
                            email?: string;
                            externalId?: string;
                            firstName?: string;
                            lastName?: string;
                            phone?: string;
                            locale?: string;
                            timezone?: string;
                            attributes: {
                                [key: string]: string | number | boolean | string[];
                            };
                            tags: string[];
                            consent: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                            topics?: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            suppression?: {
                                reason: string;
                                at: string;
                            };
                            anonymousIds: string[];
                            activity: {
                                eventCount: number;
                                firstSeenAt?: string;
                                lastSeenAt?: string;
                                byName: {
                                    [key: string]: {
                                        count: number;
                                        lastAt: string;
                                    };
                                };
                            };
                            purchases?: {
                                orderCount: number;
                                firstOrderAt?: string;
                                lastOrderAt?: string;
                                totals: {
                                    [key: string]: {
                                        spent: number;
                                        refunded: number;
                                        orders: number;
                                        average: number;
                                    };
                                };
                                products: string[];
                                categories: string[];
                            };
                            /** @description the lead score last reported (0 before any scoring) */
                            score: number;
                            /** @description the lifecycle stage; null before any */
                            stage: string | null;
                            /** @description only with `?include=scoreBreakdown` */
                            scoreBreakdown?: {
                                /** @description the score now (decay applied), which may be below the last reported one */
                                score: number;
                                /** @description engagement points now, after decay or expiry */
                                engagement: number;
                                /** @description points of the fit rules that hold */
                                fit: number;
                                /** @description ids of the fit rules that hold */
                                fitRules: string[];
                            };
                            source: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getContact: {
        parameters: {
            query?: {
                include?: "scoreBreakdown";
            };
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the contact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        workspaceId: string;
                        email?: string;
                        externalId?: string;
                        firstName?: string;
                        lastName?: string;
                        phone?: string;
                        locale?: string;
                        timezone?: string;
                        attributes: {
                            [key: string]: string | number | boolean | string[];
                        };
                        tags: string[];
                        consent: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "subscribed" | "unsubscribed" | "pending";
                                source: string;
                                at: string;
                            };
                        };
                        /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                        topics?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "subscribed" | "unsubscribed" | "pending";
                                source: string;
                                at: string;
                            };
                        };
                        suppression?: {
                            reason: string;
                            at: string;
                        };
                        anonymousIds: string[];
                        activity: {
                            eventCount: number;
                            firstSeenAt?: string;
                            lastSeenAt?: string;
                            byName: {
                                [key: string]: {
                                    count: number;
                                    lastAt: string;
                                };
                            };
                        };
                        purchases?: {
                            orderCount: number;
                            firstOrderAt?: string;
                            lastOrderAt?: string;
                            totals: {
                                [key: string]: {
                                    spent: number;
                                    refunded: number;
                                    orders: number;
                                    average: number;
                                };
                            };
                            products: string[];
                            categories: string[];
                        };
                        /** @description the lead score last reported (0 before any scoring) */
                        score: number;
                        /** @description the lifecycle stage; null before any */
                        stage: string | null;
                        /** @description only with `?include=scoreBreakdown` */
                        scoreBreakdown?: {
                            /** @description the score now (decay applied), which may be below the last reported one */
                            score: number;
                            /** @description engagement points now, after decay or expiry */
                            engagement: number;
                            /** @description points of the fit rules that hold */
                            fit: number;
                            /** @description ids of the fit rules that hold */
                            fitRules: string[];
                        };
                        source: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    eraseContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description erased */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        erased: true;
                        itemsDeleted: number;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email?: string;
                    externalId?: string;
                    firstName?: string;
                    lastName?: string;
                    phone?: string;
                    locale?: string;
                    /** @description an IANA time zone name (aliases accepted; the canonical name is kept) */
                    timezone?: string;
                    attributes?: {
                        [key: string]: (string | number | boolean | string[]) | null;
                    };
                    tags?: string[];
                    addTags?: string[];
                    removeTags?: string[];
                };
            };
        };
        responses: {
            /** @description the contact after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contact: {
                            id: string;
                            workspaceId: string;
                            email?: string;
                            externalId?: string;
                            firstName?: string;
                            lastName?: string;
                            phone?: string;
                            locale?: string;
                            timezone?: string;
                            attributes: {
                                [key: string]: string | number | boolean | string[];
                            };
                            tags: string[];
                            consent: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                            topics?: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            suppression?: {
                                reason: string;
                                at: string;
                            };
                            anonymousIds: string[];
                            activity: {
                                eventCount: number;
                                firstSeenAt?: string;
                                lastSeenAt?: string;
                                byName: {
                                    [key: string]: {
                                        count: number;
                                        lastAt: string;
                                    };
                                };
                            };
                            purchases?: {
                                orderCount: number;
                                firstOrderAt?: string;
                                lastOrderAt?: string;
                                totals: {
                                    [key: string]: {
                                        spent: number;
                                        refunded: number;
                                        orders: number;
                                        average: number;
                                    };
                                };
                                products: string[];
                                categories: string[];
                            };
                            /** @description the lead score last reported (0 before any scoring) */
                            score: number;
                            /** @description the lifecycle stage; null before any */
                            stage: string | null;
                            /** @description only with `?include=scoreBreakdown` */
                            scoreBreakdown?: {
                                /** @description the score now (decay applied), which may be below the last reported one */
                                score: number;
                                /** @description engagement points now, after decay or expiry */
                                engagement: number;
                                /** @description points of the fit rules that hold */
                                fit: number;
                                /** @description ids of the fit rules that hold */
                                fitRules: string[];
                            };
                            source: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                        changed: string[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description identifier belongs to another contact */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description body or attributes over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    exportContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description everything held on the contact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        exportedAt: string;
                        contact: {
                            id: string;
                            workspaceId: string;
                            email?: string;
                            externalId?: string;
                            firstName?: string;
                            lastName?: string;
                            phone?: string;
                            locale?: string;
                            timezone?: string;
                            attributes: {
                                [key: string]: string | number | boolean | string[];
                            };
                            tags: string[];
                            consent: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                            topics?: {
                                [key: string]: {
                                    /** @enum {string} */
                                    status: "subscribed" | "unsubscribed" | "pending";
                                    source: string;
                                    at: string;
                                };
                            };
                            suppression?: {
                                reason: string;
                                at: string;
                            };
                            anonymousIds: string[];
                            activity: {
                                eventCount: number;
                                firstSeenAt?: string;
                                lastSeenAt?: string;
                                byName: {
                                    [key: string]: {
                                        count: number;
                                        lastAt: string;
                                    };
                                };
                            };
                            purchases?: {
                                orderCount: number;
                                firstOrderAt?: string;
                                lastOrderAt?: string;
                                totals: {
                                    [key: string]: {
                                        spent: number;
                                        refunded: number;
                                        orders: number;
                                        average: number;
                                    };
                                };
                                products: string[];
                                categories: string[];
                            };
                            /** @description the lead score last reported (0 before any scoring) */
                            score: number;
                            /** @description the lifecycle stage; null before any */
                            stage: string | null;
                            /** @description only with `?include=scoreBreakdown` */
                            scoreBreakdown?: {
                                /** @description the score now (decay applied), which may be below the last reported one */
                                score: number;
                                /** @description engagement points now, after decay or expiry */
                                engagement: number;
                                /** @description points of the fit rules that hold */
                                fit: number;
                                /** @description ids of the fit rules that hold */
                                fitRules: string[];
                            };
                            source: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                        timeline: {
                            eventId: string;
                            name: string;
                            /** @enum {string} */
                            kind: "track" | "interaction" | "system" | "email";
                            occurredAt: string;
                            properties: {
                                [key: string]: unknown;
                            };
                            email?: {
                                messageId: string;
                                /** @enum {string} */
                                kind: "marketing" | "transactional";
                                /** @enum {string} */
                                origin: "campaign" | "journey" | "api" | "test" | "alert" | "confirmation";
                                originId?: string;
                                variant?: number;
                                templateId: string;
                                version: number;
                                locale?: string;
                                subject?: string;
                                /** @enum {string} */
                                status: "claimed" | "refused" | "failed" | "sent" | "delivered" | "opened" | "clicked" | "bounced" | "complained" | "unsubscribed";
                                reason?: string;
                                sesMessageId?: string;
                                /** @default {} */
                                at: {
                                    [key: string]: string;
                                };
                                clicks?: {
                                    [key: string]: number;
                                };
                                softBounces?: number;
                            };
                        }[];
                        /** @description every other record attached to the contact (orders, storefront links, score history), as stored */
                        other: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    setConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
                channel: "email" | "sms" | "push" | "whatsapp";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "subscribed" | "unsubscribed" | "pending";
                    source: string;
                    /** Format: date-time */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description the contact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        workspaceId: string;
                        email?: string;
                        externalId?: string;
                        firstName?: string;
                        lastName?: string;
                        phone?: string;
                        locale?: string;
                        timezone?: string;
                        attributes: {
                            [key: string]: string | number | boolean | string[];
                        };
                        tags: string[];
                        consent: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "subscribed" | "unsubscribed" | "pending";
                                source: string;
                                at: string;
                            };
                        };
                        /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                        topics?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "subscribed" | "unsubscribed" | "pending";
                                source: string;
                                at: string;
                            };
                        };
                        suppression?: {
                            reason: string;
                            at: string;
                        };
                        anonymousIds: string[];
                        activity: {
                            eventCount: number;
                            firstSeenAt?: string;
                            lastSeenAt?: string;
                            byName: {
                                [key: string]: {
                                    count: number;
                                    lastAt: string;
                                };
                            };
                        };
                        purchases?: {
                            orderCount: number;
                            firstOrderAt?: string;
                            lastOrderAt?: string;
                            totals: {
                                [key: string]: {
                                    spent: number;
                                    refunded: number;
                                    orders: number;
                                    average: number;
                                };
                            };
                            products: string[];
                            categories: string[];
                        };
                        /** @description the lead score last reported (0 before any scoring) */
                        score: number;
                        /** @description the lifecycle stage; null before any */
                        stage: string | null;
                        /** @description only with `?include=scoreBreakdown` */
                        scoreBreakdown?: {
                            /** @description the score now (decay applied), which may be below the last reported one */
                            score: number;
                            /** @description engagement points now, after decay or expiry */
                            engagement: number;
                            /** @description points of the fit rules that hold */
                            fit: number;
                            /** @description ids of the fit rules that hold */
                            fitRules: string[];
                        };
                        source: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    track: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    batch: {
                        id?: string;
                        name: string;
                        /** Format: email */
                        email?: string;
                        externalId?: string;
                        anonymousId?: string;
                        /** Format: date-time */
                        occurredAt?: string;
                        properties?: {
                            [key: string]: unknown;
                        };
                    }[];
                } | {
                    id?: string;
                    name: string;
                    /** Format: email */
                    email?: string;
                    externalId?: string;
                    anonymousId?: string;
                    /** Format: date-time */
                    occurredAt?: string;
                    properties?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description accepted (duplicates are reported, not stored twice) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        duplicates: number;
                        results: {
                            id: string;
                            /** @enum {string} */
                            status: "accepted" | "duplicate";
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description body over 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description over the rate limit of the key or the workspace; `Retry-After` says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    readTimeline: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            eventId: string;
                            name: string;
                            /** @enum {string} */
                            kind: "track" | "interaction" | "system" | "email";
                            occurredAt: string;
                            properties: {
                                [key: string]: unknown;
                            };
                            email?: {
                                messageId: string;
                                /** @enum {string} */
                                kind: "marketing" | "transactional";
                                /** @enum {string} */
                                origin: "campaign" | "journey" | "api" | "test" | "alert" | "confirmation";
                                originId?: string;
                                variant?: number;
                                templateId: string;
                                version: number;
                                locale?: string;
                                subject?: string;
                                /** @enum {string} */
                                status: "claimed" | "refused" | "failed" | "sent" | "delivered" | "opened" | "clicked" | "bounced" | "complained" | "unsubscribed";
                                reason?: string;
                                sesMessageId?: string;
                                /** @default {} */
                                at: {
                                    [key: string]: string;
                                };
                                clicks?: {
                                    [key: string]: number;
                                };
                                softBounces?: number;
                            };
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    logInteraction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id?: string;
                    /** @enum {string} */
                    kind: "call" | "meeting" | "note" | "support_request" | "chat" | "visit";
                    summary: string;
                    by: string;
                    /** Format: date-time */
                    occurredAt?: string;
                    durationMinutes?: number;
                    outcome?: string;
                };
            };
        };
        responses: {
            /** @description recorded (or already recorded with this id) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "recorded" | "duplicate";
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workspace */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        createdAt: string;
                        settings: {
                            timelineRetentionDays: number;
                            /** @description ingest requests per second; defaults when absent */
                            rateLimits?: {
                                perKey?: number;
                                perWorkspace?: number;
                            };
                            /** @description email settings, once set (`GET /v1/workspace/email-settings` shows the defaults too) */
                            email?: {
                                /**
                                 * @default en
                                 * @enum {string}
                                 */
                                defaultLocale: "en" | "es" | "fr" | "it" | "zh-Hant";
                                /**
                                 * @description the time zone of contacts without one, for schedules in each recipient's own time zone (IANA name; aliases accepted, the canonical name is kept)
                                 * @default UTC
                                 */
                                defaultTimeZone: string;
                                postalAddress?: string;
                                /** Format: email */
                                salesAddress?: string;
                                /** @default false */
                                doubleOptIn: boolean;
                                /** @default [] */
                                topics: {
                                    id: string;
                                    names: {
                                        [key: string]: string;
                                    };
                                    /** @default true */
                                    subscribedByDefault: boolean;
                                }[];
                                attribution: {
                                    /**
                                     * @description days after an open or click of a campaign email during which an order counts for it (1-30)
                                     * @default 5
                                     */
                                    windowDays: number;
                                    /**
                                     * @description which campaign an order counts for when several were touched: the latest or the earliest
                                     * @default lastTouch
                                     * @enum {string}
                                     */
                                    model: "lastTouch" | "firstTouch";
                                    /**
                                     * @description what counts as a touch: an open or a click, or clicks only (opens are inflated by mail privacy proxies)
                                     * @default clickOrOpen
                                     * @enum {string}
                                     */
                                    touches: "clickOrOpen" | "click";
                                };
                                /** @description at most `limit` marketing emails per contact in any `period` hours or days, across campaigns and journeys (absent: no cap) */
                                frequencyCap?: {
                                    /** @description marketing emails a contact may receive in one period */
                                    limit: number;
                                    /** @description the length of the period */
                                    period: number;
                                    /**
                                     * @description the unit of `period`
                                     * @enum {string}
                                     */
                                    unit: "hours" | "days";
                                };
                            };
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            id: string;
                            name: string;
                            scopes: ("admin" | "write" | "read" | "ingest")[];
                            /** @description browser origins the key is limited to; null: any */
                            allowedOrigins: string[] | null;
                            createdAt: string;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    issueApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("admin" | "write" | "read" | "ingest")[];
                    /** @description limit the key to these browser origins (checked against `Origin`), e.g. for an ingest key */
                    allowedOrigins?: string[];
                };
            };
        };
        responses: {
            /** @description the key and its token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: {
                            id: string;
                            name: string;
                            scopes: ("admin" | "write" | "read" | "ingest")[];
                            /** @description browser origins the key is limited to; null: any */
                            allowedOrigins: string[] | null;
                            createdAt: string;
                            revokedAt: string | null;
                        };
                        token: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        scopes: ("admin" | "write" | "read" | "ingest")[];
                        /** @description browser origins the key is limited to; null: any */
                        allowedOrigins: string[] | null;
                        createdAt: string;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            /** @description the user's id (the user pool's `sub`) */
                            id: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "marketer" | "analyst";
                            addedAt: string;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    inviteUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "admin" | "marketer" | "analyst";
                };
            };
        };
        responses: {
            /** @description the member; `invited` when an account was created for them */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** @description the user's id (the user pool's `sub`) */
                            id: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "marketer" | "analyst";
                            addedAt: string;
                        };
                        invited: boolean;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description already a member of this workspace */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    removeUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the removed member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the user's id (the user pool's `sub`) */
                        id: string;
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "marketer" | "analyst";
                        addedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the change would leave the workspace without an admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    setUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "admin" | "marketer" | "analyst";
                };
            };
        };
        responses: {
            /** @description the member with the new role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the user's id (the user pool's `sub`) */
                        id: string;
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "marketer" | "analyst";
                        addedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the change would leave the workspace without an admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listConnections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the connections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connections: {
                            id: string;
                            /** @enum {string} */
                            kind: "shopify" | "woocommerce" | "stripe" | "generic";
                            name: string;
                            webhookPath: string;
                            secrets: {
                                id: string;
                                hint: string;
                                createdAt: string;
                                expiresAt: string | null;
                            }[];
                            settings: {
                                abandonedCheckoutMinutes: number;
                            };
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    createConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "shopify" | "woocommerce" | "stripe" | "generic";
                    name: string;
                    secret?: string;
                    settings?: {
                        /** @default 60 */
                        abandonedCheckoutMinutes?: number;
                    };
                };
            };
        };
        responses: {
            /** @description the connection and its webhook path */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connection: {
                            id: string;
                            /** @enum {string} */
                            kind: "shopify" | "woocommerce" | "stripe" | "generic";
                            name: string;
                            webhookPath: string;
                            secrets: {
                                id: string;
                                hint: string;
                                createdAt: string;
                                expiresAt: string | null;
                            }[];
                            settings: {
                                abandonedCheckoutMinutes: number;
                            };
                            createdAt: string;
                        };
                        secret?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the connection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "shopify" | "woocommerce" | "stripe" | "generic";
                        name: string;
                        webhookPath: string;
                        secrets: {
                            id: string;
                            hint: string;
                            createdAt: string;
                            expiresAt: string | null;
                        }[];
                        settings: {
                            abandonedCheckoutMinutes: number;
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    rotateConnectionSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    secret?: string;
                    /** @default 24 */
                    graceHours?: number;
                };
            };
        };
        responses: {
            /** @description the connection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connection: {
                            id: string;
                            /** @enum {string} */
                            kind: "shopify" | "woocommerce" | "stripe" | "generic";
                            name: string;
                            webhookPath: string;
                            secrets: {
                                id: string;
                                hint: string;
                                createdAt: string;
                                expiresAt: string | null;
                            }[];
                            settings: {
                                abandonedCheckoutMinutes: number;
                            };
                            createdAt: string;
                        };
                        secret?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listQuarantinedDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                connectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            deliveryId: string;
                            topic: string;
                            receivedAt: string;
                            quarantinedAt: string;
                            reason: string;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    replayQuarantinedDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deliveryId?: string;
                    /** @constant */
                    all?: true;
                };
            };
        };
        responses: {
            /** @description replay started; the deliveries are processed behind the bus */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replayed: number;
                        more: boolean;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the delivery is not quarantined */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    receiveWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                connectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description stored (or a duplicate, or a WooCommerce ping) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted" | "duplicate" | "ping";
                        deliveryId?: string;
                    };
                };
            };
            /** @description missing, malformed or wrong signature, or an unknown connection */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contactId: string;
                        createdAt: string;
                        /** @description the contact export as it was made (the shape of `GET /v1/contacts/{contactId}/export` then) */
                        content: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listSegments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the segments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        segments: {
                            id: string;
                            name: string;
                            description?: string;
                            /** @enum {string} */
                            kind: "dynamic" | "static";
                            /** @description the condition document, as saved */
                            condition?: unknown;
                            ruleVersion: number;
                            rebuild?: {
                                /** @enum {string} */
                                status: "running" | "done";
                                ruleVersion: number;
                                processed: number;
                                entered: number;
                                exited: number;
                                startedAt: string;
                                finishedAt?: string;
                            };
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    createSegment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /**
                     * @default dynamic
                     * @enum {string}
                     */
                    kind?: "dynamic" | "static";
                    condition?: unknown;
                };
            };
        };
        responses: {
            /** @description the segment; a dynamic one starts its first rebuild */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description?: string;
                        /** @enum {string} */
                        kind: "dynamic" | "static";
                        /** @description the condition document, as saved */
                        condition?: unknown;
                        ruleVersion: number;
                        rebuild?: {
                            /** @enum {string} */
                            status: "running" | "done";
                            ruleVersion: number;
                            processed: number;
                            entered: number;
                            exited: number;
                            startedAt: string;
                            finishedAt?: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the segment and its exact member count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description?: string;
                        /** @enum {string} */
                        kind: "dynamic" | "static";
                        /** @description the condition document, as saved */
                        condition?: unknown;
                        ruleVersion: number;
                        rebuild?: {
                            /** @enum {string} */
                            status: "running" | "done";
                            ruleVersion: number;
                            processed: number;
                            entered: number;
                            exited: number;
                            startedAt: string;
                            finishedAt?: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                        members: number;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description purge started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleting: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description changed meanwhile, or not allowed for this kind */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    updateSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    condition?: unknown;
                };
            };
        };
        responses: {
            /** @description the segment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description?: string;
                        /** @enum {string} */
                        kind: "dynamic" | "static";
                        /** @description the condition document, as saved */
                        condition?: unknown;
                        ruleVersion: number;
                        rebuild?: {
                            /** @enum {string} */
                            status: "running" | "done";
                            ruleVersion: number;
                            processed: number;
                            entered: number;
                            exited: number;
                            startedAt: string;
                            finishedAt?: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description changed meanwhile, or not allowed for this kind */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    previewSegment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    condition: unknown;
                };
            };
        };
        responses: {
            /** @description count and sample */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        matched: number;
                        scanned: number;
                        complete: boolean;
                        sample: string[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listSegmentMembers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                segmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contactIds: string[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    changeStaticSegmentMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    add?: string[];
                    remove?: string[];
                };
            };
        };
        responses: {
            /** @description what changed; unknown contact ids are listed, not added */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        added: number;
                        removed: number;
                        missing: string[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description changed meanwhile, or not allowed for this kind */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    contactSegments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the segments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        segments: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "dynamic" | "static";
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    importSegmentList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the import job */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        segmentId: string;
                        /** @enum {string} */
                        status: "running" | "done";
                        total: number;
                        processed: number;
                        added: number;
                        errors: {
                            line: number;
                            message: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description changed meanwhile, or not allowed for this kind */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getSegmentImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segmentId: string;
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        segmentId: string;
                        /** @enum {string} */
                        status: "running" | "done";
                        total: number;
                        processed: number;
                        added: number;
                        errors: {
                            line: number;
                            message: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getScoringModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the model document as saved (null when none) and the model in effect, defaults filled in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        model: unknown | null;
                        effective: {
                            /** @default [] */
                            engagement: {
                                id: string;
                                event: string;
                                where?: ({
                                    path: string;
                                    /** @enum {string} */
                                    op: "equals" | "notEquals";
                                    value: unknown;
                                    caseInsensitive?: boolean;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "in" | "notIn";
                                    value: unknown[];
                                    caseInsensitive?: boolean;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "contains" | "startsWith" | "endsWith";
                                    value: string;
                                    caseInsensitive?: boolean;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte";
                                    value: unknown;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "before" | "after";
                                    value: unknown;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                                    days: number;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "exists" | "notExists";
                                })[];
                                points: number;
                                cap?: {
                                    points: number;
                                    /** @enum {string} */
                                    per: "day" | "week" | "month" | "ever";
                                };
                            }[];
                            /** @default [] */
                            fit: {
                                id: string;
                                condition: components["schemas"]["Def0"];
                                points: number;
                            }[];
                            /**
                             * @default {
                             *       "mode": "none"
                             *     }
                             */
                            decay: {
                                /** @constant */
                                mode: "none";
                            } | {
                                /** @constant */
                                mode: "halfLife";
                                days: number;
                            } | {
                                /** @constant */
                                mode: "expire";
                                days: number;
                            };
                            /** @default 0 */
                            floor: number;
                            /**
                             * @default {
                             *       "stages": [
                             *         "subscriber",
                             *         "lead",
                             *         "mql",
                             *         "sql",
                             *         "opportunity",
                             *         "customer"
                             *       ],
                             *       "thresholds": [
                             *         {
                             *           "stage": "lead",
                             *           "minScore": 10
                             *         },
                             *         {
                             *           "stage": "mql",
                             *           "minScore": 60
                             *         }
                             *       ],
                             *       "events": [
                             *         {
                             *           "event": "order.placed",
                             *           "stage": "customer"
                             *         }
                             *       ]
                             *     }
                             */
                            lifecycle: {
                                stages: string[];
                                /** @default [] */
                                thresholds: {
                                    stage: string;
                                    minScore: number;
                                }[];
                                /** @default [] */
                                events: {
                                    event: string;
                                    where?: ({
                                        path: string;
                                        /** @enum {string} */
                                        op: "equals" | "notEquals";
                                        value: unknown;
                                        caseInsensitive?: boolean;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "in" | "notIn";
                                        value: unknown[];
                                        caseInsensitive?: boolean;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "contains" | "startsWith" | "endsWith";
                                        value: string;
                                        caseInsensitive?: boolean;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "gt" | "gte" | "lt" | "lte";
                                        value: unknown;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "before" | "after";
                                        value: unknown;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                                        days: number;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "exists" | "notExists";
                                    })[];
                                    stage: string;
                                }[];
                            };
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    putScoringModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    engagement?: {
                        id: string;
                        event: string;
                        where?: ({
                            path: string;
                            /** @enum {string} */
                            op: "equals" | "notEquals";
                            value: unknown;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "in" | "notIn";
                            value: unknown[];
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "contains" | "startsWith" | "endsWith";
                            value: string;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "gt" | "gte" | "lt" | "lte";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "before" | "after";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                            days: number;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "exists" | "notExists";
                        })[];
                        points: number;
                        cap?: {
                            points: number;
                            /** @enum {string} */
                            per: "day" | "week" | "month" | "ever";
                        };
                    }[];
                    /** @default [] */
                    fit?: {
                        id: string;
                        condition: unknown;
                        points: number;
                    }[];
                    /**
                     * @default {
                     *       "mode": "none"
                     *     }
                     */
                    decay?: {
                        /** @constant */
                        mode: "none";
                    } | {
                        /** @constant */
                        mode: "halfLife";
                        days: number;
                    } | {
                        /** @constant */
                        mode: "expire";
                        days: number;
                    };
                    /** @default 0 */
                    floor?: number;
                    /**
                     * @default {
                     *       "stages": [
                     *         "subscriber",
                     *         "lead",
                     *         "mql",
                     *         "sql",
                     *         "opportunity",
                     *         "customer"
                     *       ],
                     *       "thresholds": [
                     *         {
                     *           "stage": "lead",
                     *           "minScore": 10
                     *         },
                     *         {
                     *           "stage": "mql",
                     *           "minScore": 60
                     *         }
                     *       ],
                     *       "events": [
                     *         {
                     *           "event": "order.placed",
                     *           "stage": "customer"
                     *         }
                     *       ]
                     *     }
                     */
                    lifecycle?: {
                        stages: string[];
                        /** @default [] */
                        thresholds?: {
                            stage: string;
                            minScore: number;
                        }[];
                        /** @default [] */
                        events?: {
                            event: string;
                            where?: ({
                                path: string;
                                /** @enum {string} */
                                op: "equals" | "notEquals";
                                value: unknown;
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "in" | "notIn";
                                value: unknown[];
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "contains" | "startsWith" | "endsWith";
                                value: string;
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "gt" | "gte" | "lt" | "lte";
                                value: unknown;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "before" | "after";
                                value: unknown;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                                days: number;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "exists" | "notExists";
                            })[];
                            stage: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            /** @description the model in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        effective: {
                            /** @default [] */
                            engagement: {
                                id: string;
                                event: string;
                                where?: ({
                                    path: string;
                                    /** @enum {string} */
                                    op: "equals" | "notEquals";
                                    value: unknown;
                                    caseInsensitive?: boolean;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "in" | "notIn";
                                    value: unknown[];
                                    caseInsensitive?: boolean;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "contains" | "startsWith" | "endsWith";
                                    value: string;
                                    caseInsensitive?: boolean;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte";
                                    value: unknown;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "before" | "after";
                                    value: unknown;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                                    days: number;
                                } | {
                                    path: string;
                                    /** @enum {string} */
                                    op: "exists" | "notExists";
                                })[];
                                points: number;
                                cap?: {
                                    points: number;
                                    /** @enum {string} */
                                    per: "day" | "week" | "month" | "ever";
                                };
                            }[];
                            /** @default [] */
                            fit: {
                                id: string;
                                condition: components["schemas"]["Def1"];
                                points: number;
                            }[];
                            /**
                             * @default {
                             *       "mode": "none"
                             *     }
                             */
                            decay: {
                                /** @constant */
                                mode: "none";
                            } | {
                                /** @constant */
                                mode: "halfLife";
                                days: number;
                            } | {
                                /** @constant */
                                mode: "expire";
                                days: number;
                            };
                            /** @default 0 */
                            floor: number;
                            /**
                             * @default {
                             *       "stages": [
                             *         "subscriber",
                             *         "lead",
                             *         "mql",
                             *         "sql",
                             *         "opportunity",
                             *         "customer"
                             *       ],
                             *       "thresholds": [
                             *         {
                             *           "stage": "lead",
                             *           "minScore": 10
                             *         },
                             *         {
                             *           "stage": "mql",
                             *           "minScore": 60
                             *         }
                             *       ],
                             *       "events": [
                             *         {
                             *           "event": "order.placed",
                             *           "stage": "customer"
                             *         }
                             *       ]
                             *     }
                             */
                            lifecycle: {
                                stages: string[];
                                /** @default [] */
                                thresholds: {
                                    stage: string;
                                    minScore: number;
                                }[];
                                /** @default [] */
                                events: {
                                    event: string;
                                    where?: ({
                                        path: string;
                                        /** @enum {string} */
                                        op: "equals" | "notEquals";
                                        value: unknown;
                                        caseInsensitive?: boolean;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "in" | "notIn";
                                        value: unknown[];
                                        caseInsensitive?: boolean;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "contains" | "startsWith" | "endsWith";
                                        value: string;
                                        caseInsensitive?: boolean;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "gt" | "gte" | "lt" | "lte";
                                        value: unknown;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "before" | "after";
                                        value: unknown;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                                        days: number;
                                    } | {
                                        path: string;
                                        /** @enum {string} */
                                        op: "exists" | "notExists";
                                    })[];
                                    stage: string;
                                }[];
                            };
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    setStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    stage: string;
                    id?: string;
                };
            };
        };
        responses: {
            /** @description scored, unchanged or duplicate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "scored" | "unchanged" | "duplicate";
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    scoreHistory: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /** @description the input that caused it: `event:<id>`, `stage:<id>`, `fit:…` or `decay:…` */
                            id: string;
                            at: string;
                            score: number;
                            previousScore: number;
                            delta: number;
                            reasons: {
                                /** @enum {string} */
                                kind: "engagement" | "fit";
                                rule: string;
                                points: number;
                                /** @enum {string} */
                                note?: "cap reached" | "period no longer tracked" | "expired";
                            }[];
                            stageChange?: {
                                from?: string;
                                to: string;
                                /** @enum {string} */
                                by: "threshold" | "event" | "manual";
                                rule?: string;
                            };
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    scoreDistribution: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workspace's distribution of last reported scores; a contact never scored is not counted (it has the floor score and the first stage) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description scored contacts counted */
                        contacts: number;
                        /** @description the width of a bucket, in points */
                        bucketSize: number;
                        /** @description from the lowest bucket holding a contact to the highest, empty ones between included */
                        buckets: {
                            /** @description the lowest score in the bucket; absent on the open lowest one */
                            from?: number;
                            /** @description the score the next bucket starts at; absent on the open highest one */
                            to?: number;
                            contacts: number;
                        }[];
                        /** @description the model's stages in order, then any other stage contacts are still in */
                        stages: {
                            stage: string;
                            contacts: number;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getEmailSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @default en
                         * @enum {string}
                         */
                        defaultLocale: "en" | "es" | "fr" | "it" | "zh-Hant";
                        /**
                         * @description the time zone of contacts without one, for schedules in each recipient's own time zone (IANA name; aliases accepted, the canonical name is kept)
                         * @default UTC
                         */
                        defaultTimeZone: string;
                        postalAddress?: string;
                        /** Format: email */
                        salesAddress?: string;
                        /** @default false */
                        doubleOptIn: boolean;
                        /** @default [] */
                        topics: {
                            id: string;
                            names: {
                                [key: string]: string;
                            };
                            /** @default true */
                            subscribedByDefault: boolean;
                        }[];
                        attribution: {
                            /**
                             * @description days after an open or click of a campaign email during which an order counts for it (1-30)
                             * @default 5
                             */
                            windowDays: number;
                            /**
                             * @description which campaign an order counts for when several were touched: the latest or the earliest
                             * @default lastTouch
                             * @enum {string}
                             */
                            model: "lastTouch" | "firstTouch";
                            /**
                             * @description what counts as a touch: an open or a click, or clicks only (opens are inflated by mail privacy proxies)
                             * @default clickOrOpen
                             * @enum {string}
                             */
                            touches: "clickOrOpen" | "click";
                        };
                        /** @description at most `limit` marketing emails per contact in any `period` hours or days, across campaigns and journeys (absent: no cap) */
                        frequencyCap?: {
                            /** @description marketing emails a contact may receive in one period */
                            limit: number;
                            /** @description the length of the period */
                            period: number;
                            /**
                             * @description the unit of `period`
                             * @enum {string}
                             */
                            unit: "hours" | "days";
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    putEmailSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default en
                     * @enum {string}
                     */
                    defaultLocale?: "en" | "es" | "fr" | "it" | "zh-Hant";
                    /** @description the time zone of contacts without one, for schedules in each recipient's own time zone (IANA name; aliases accepted, the canonical name is kept) */
                    defaultTimeZone?: string;
                    postalAddress?: string;
                    /** Format: email */
                    salesAddress?: string;
                    /** @default false */
                    doubleOptIn?: boolean;
                    /** @default [] */
                    topics?: {
                        id: string;
                        names: {
                            [key: string]: string;
                        };
                        /** @default true */
                        subscribedByDefault?: boolean;
                    }[];
                    /** @default {} */
                    attribution?: {
                        /**
                         * @description days after an open or click of a campaign email during which an order counts for it (1-30)
                         * @default 5
                         */
                        windowDays?: number;
                        /**
                         * @description which campaign an order counts for when several were touched: the latest or the earliest
                         * @default lastTouch
                         * @enum {string}
                         */
                        model?: "lastTouch" | "firstTouch";
                        /**
                         * @description what counts as a touch: an open or a click, or clicks only (opens are inflated by mail privacy proxies)
                         * @default clickOrOpen
                         * @enum {string}
                         */
                        touches?: "clickOrOpen" | "click";
                    };
                    /** @description at most `limit` marketing emails per contact in any `period` hours or days, across campaigns and journeys (absent: no cap) */
                    frequencyCap?: {
                        /** @description marketing emails a contact may receive in one period */
                        limit: number;
                        /** @description the length of the period */
                        period: number;
                        /**
                         * @description the unit of `period`
                         * @enum {string}
                         */
                        unit: "hours" | "days";
                    };
                };
            };
        };
        responses: {
            /** @description the settings now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @default en
                         * @enum {string}
                         */
                        defaultLocale: "en" | "es" | "fr" | "it" | "zh-Hant";
                        /**
                         * @description the time zone of contacts without one, for schedules in each recipient's own time zone (IANA name; aliases accepted, the canonical name is kept)
                         * @default UTC
                         */
                        defaultTimeZone: string;
                        postalAddress?: string;
                        /** Format: email */
                        salesAddress?: string;
                        /** @default false */
                        doubleOptIn: boolean;
                        /** @default [] */
                        topics: {
                            id: string;
                            names: {
                                [key: string]: string;
                            };
                            /** @default true */
                            subscribedByDefault: boolean;
                        }[];
                        attribution: {
                            /**
                             * @description days after an open or click of a campaign email during which an order counts for it (1-30)
                             * @default 5
                             */
                            windowDays: number;
                            /**
                             * @description which campaign an order counts for when several were touched: the latest or the earliest
                             * @default lastTouch
                             * @enum {string}
                             */
                            model: "lastTouch" | "firstTouch";
                            /**
                             * @description what counts as a touch: an open or a click, or clicks only (opens are inflated by mail privacy proxies)
                             * @default clickOrOpen
                             * @enum {string}
                             */
                            touches: "clickOrOpen" | "click";
                        };
                        /** @description at most `limit` marketing emails per contact in any `period` hours or days, across campaigns and journeys (absent: no cap) */
                        frequencyCap?: {
                            /** @description marketing emails a contact may receive in one period */
                            limit: number;
                            /** @description the length of the period */
                            period: number;
                            /**
                             * @description the unit of `period`
                             * @enum {string}
                             */
                            unit: "hours" | "days";
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    subscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    firstName?: string;
                    lastName?: string;
                    /** @description the language of the confirmation email and pages (BCP 47) */
                    locale?: string;
                    /** @description topics of the workspace's email settings to subscribe to */
                    topics?: string[];
                    /** @description where the consent was given, recorded with it (e.g. `footer-form`) */
                    source: string;
                };
            };
        };
        responses: {
            /** @description accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        accepted: true;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    setTopicConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
                topicId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "subscribed" | "unsubscribed";
                    source: string;
                };
            };
        };
        responses: {
            /** @description the contact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        workspaceId: string;
                        email?: string;
                        externalId?: string;
                        firstName?: string;
                        lastName?: string;
                        phone?: string;
                        locale?: string;
                        timezone?: string;
                        attributes: {
                            [key: string]: string | number | boolean | string[];
                        };
                        tags: string[];
                        consent: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "subscribed" | "unsubscribed" | "pending";
                                source: string;
                                at: string;
                            };
                        };
                        /** @description email consent per subscription topic (the workspace's email settings list the topics) */
                        topics?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "subscribed" | "unsubscribed" | "pending";
                                source: string;
                                at: string;
                            };
                        };
                        suppression?: {
                            reason: string;
                            at: string;
                        };
                        anonymousIds: string[];
                        activity: {
                            eventCount: number;
                            firstSeenAt?: string;
                            lastSeenAt?: string;
                            byName: {
                                [key: string]: {
                                    count: number;
                                    lastAt: string;
                                };
                            };
                        };
                        purchases?: {
                            orderCount: number;
                            firstOrderAt?: string;
                            lastOrderAt?: string;
                            totals: {
                                [key: string]: {
                                    spent: number;
                                    refunded: number;
                                    orders: number;
                                    average: number;
                                };
                            };
                            products: string[];
                            categories: string[];
                        };
                        /** @description the lead score last reported (0 before any scoring) */
                        score: number;
                        /** @description the lifecycle stage; null before any */
                        stage: string | null;
                        /** @description only with `?include=scoreBreakdown` */
                        scoreBreakdown?: {
                            /** @description the score now (decay applied), which may be below the last reported one */
                            score: number;
                            /** @description engagement points now, after decay or expiry */
                            engagement: number;
                            /** @description points of the fit rules that hold */
                            fit: number;
                            /** @description ids of the fit rules that hold */
                            fitRules: string[];
                        };
                        source: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    unsubscribePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description the link is not valid (altered, not ours, or its contact is gone) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @constant */
                    "List-Unsubscribe": "One-Click";
                } | {
                    /** @enum {string} */
                    action: "unsubscribe" | "resubscribe";
                } | {
                    /** @constant */
                    action: "save";
                    /** @description the topics ticked (repeated field) */
                    topic?: string | string[];
                };
                "multipart/form-data": {
                    /** @constant */
                    "List-Unsubscribe": "One-Click";
                } | {
                    /** @enum {string} */
                    action: "unsubscribe" | "resubscribe";
                } | {
                    /** @constant */
                    action: "save";
                    /** @description the topics ticked (repeated field) */
                    topic?: string | string[];
                };
            };
        };
        responses: {
            /** @description done: a short page saying so */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description the link is not valid (altered, not ours, or its contact is gone) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description body over 4 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not one of the forms this page takes; `issues` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    confirmSubscriptionPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description the link is not valid (altered, not ours, or its contact is gone) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    confirmSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @constant */
                    action: "confirm";
                };
                "multipart/form-data": {
                    /** @constant */
                    action: "confirm";
                };
            };
        };
        responses: {
            /** @description done: a short page saying so */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description the link is not valid (altered, not ours, or its contact is gone) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description body over 4 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not one of the forms this page takes; `issues` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getTemplate: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        version: number;
                        name: string;
                        /** @enum {string} */
                        kind: "marketing" | "transactional";
                        topic?: string;
                        createdAt: string;
                        locales: {
                            [key: string]: {
                                subject: string;
                                preheader?: string;
                                /** @enum {string} */
                                format: "mjml" | "html";
                                source: string;
                                /** @description the compiled HTML, Liquid still inside (rendered per recipient) */
                                html: string;
                                text: string;
                                /** @description true when the text part was generated from the HTML */
                                textGenerated: boolean;
                            };
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    saveTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /** @enum {string} */
                    kind: "marketing" | "transactional";
                    topic?: string;
                    locales: {
                        [key: string]: {
                            subject: string;
                            preheader?: string;
                            mjml?: string;
                            html?: string;
                            text?: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description the template, now at its new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description?: string;
                        /** @enum {string} */
                        kind: "marketing" | "transactional";
                        topic?: string;
                        latestVersion: number;
                        locales: ("en" | "es" | "fr" | "it" | "zh-Hant")[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description the template, created at version 1 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description?: string;
                        /** @enum {string} */
                        kind: "marketing" | "transactional";
                        topic?: string;
                        latestVersion: number;
                        locales: ("en" | "es" | "fr" | "it" | "zh-Hant")[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description saved by someone else meanwhile: read and save again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        templates: {
                            id: string;
                            name: string;
                            description?: string;
                            /** @enum {string} */
                            kind: "marketing" | "transactional";
                            topic?: string;
                            latestVersion: number;
                            locales: ("en" | "es" | "fr" | "it" | "zh-Hant")[];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listTemplateVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: {
                            version: number;
                            name: string;
                            createdAt: string;
                            locales: ("en" | "es" | "fr" | "it" | "zh-Hant")[];
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    previewTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contactId: string;
                    /** @enum {string} */
                    locale?: "en" | "es" | "fr" | "it" | "zh-Hant";
                    data?: {
                        [key: string]: unknown;
                    };
                    version?: number;
                };
            };
        };
        responses: {
            /** @description the rendered email, or why this contact would fail (missing data...) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        version: number;
                        /** @enum {string} */
                        links: "signed" | "placeholders";
                        email: {
                            subject: string;
                            preheader?: string;
                            html: string;
                            text: string;
                            /** @enum {string} */
                            locale: "en" | "es" | "fr" | "it" | "zh-Hant";
                        };
                    } | {
                        /** @constant */
                        ok: false;
                        version: number;
                        reason: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    installDefaultTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    overwrite?: boolean;
                    only?: string[];
                };
            };
        };
        responses: {
            /** @description what was installed and what was kept */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        installed: {
                            id: string;
                            version: number;
                        }[];
                        kept: string[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listSenderDomains: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the domains */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        senderDomains: {
                            domain: string;
                            from: string;
                            fromLocalPart: string;
                            displayName: string;
                            mailFromDomain: string;
                            default: boolean;
                            tenantName: string | null;
                            createdAt: string;
                            dnsRecords: {
                                /** @enum {string} */
                                purpose: "dkim" | "mail-from-mx" | "spf" | "dmarc";
                                /** @enum {string} */
                                type: "CNAME" | "MX" | "TXT";
                                name: string;
                                value: string;
                                note?: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    addSenderDomain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    domain: string;
                    fromLocalPart?: string;
                    displayName?: string;
                    mailFromLabel?: string;
                    default?: boolean;
                };
            };
        };
        responses: {
            /** @description the domain and its DNS records */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        domain: string;
                        from: string;
                        fromLocalPart: string;
                        displayName: string;
                        mailFromDomain: string;
                        default: boolean;
                        tenantName: string | null;
                        createdAt: string;
                        dnsRecords: {
                            /** @enum {string} */
                            purpose: "dkim" | "mail-from-mx" | "spf" | "dmarc";
                            /** @enum {string} */
                            type: "CNAME" | "MX" | "TXT";
                            name: string;
                            value: string;
                            note?: string;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the domain is registered already (here or by another workspace) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getSenderDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domain: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the domain and its status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        domain: string;
                        from: string;
                        fromLocalPart: string;
                        displayName: string;
                        mailFromDomain: string;
                        default: boolean;
                        tenantName: string | null;
                        createdAt: string;
                        dnsRecords: {
                            /** @enum {string} */
                            purpose: "dkim" | "mail-from-mx" | "spf" | "dmarc";
                            /** @enum {string} */
                            type: "CNAME" | "MX" | "TXT";
                            name: string;
                            value: string;
                            note?: string;
                        }[];
                        status: {
                            /** @enum {string} */
                            identity: "verified" | "pending" | "failed" | "not-started" | "missing";
                            /** @enum {string} */
                            mailFrom: "verified" | "pending" | "failed" | "not-started" | "missing";
                            dmarc: {
                                found: boolean;
                                record: string | null;
                                at: string | null;
                            };
                            marketing: {
                                allowed: boolean;
                                reason: string | null;
                            };
                            transactional: {
                                allowed: boolean;
                                reason: string | null;
                            };
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    removeSenderDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domain: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    updateSenderDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domain: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fromLocalPart?: string;
                    displayName?: string;
                    /** @constant */
                    default?: true;
                };
            };
        };
        responses: {
            /** @description the domain */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        domain: string;
                        from: string;
                        fromLocalPart: string;
                        displayName: string;
                        mailFromDomain: string;
                        default: boolean;
                        tenantName: string | null;
                        createdAt: string;
                        dnsRecords: {
                            /** @enum {string} */
                            purpose: "dkim" | "mail-from-mx" | "spf" | "dmarc";
                            /** @enum {string} */
                            type: "CNAME" | "MX" | "TXT";
                            name: string;
                            value: string;
                            note?: string;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    sendEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contactId: string;
                    templateId: string;
                    /** @description the template version; the latest when absent */
                    version?: number;
                    /** @description what the template reads as `data` (the order, the checkout...) */
                    data?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messageId: string;
                        /** @constant */
                        status: "queued";
                        templateId: string;
                        version: number;
                        replayed: boolean;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the Idempotency-Key was used with another body */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    testSendTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description where the test goes (the contact lends only its data)
                     */
                    to: string;
                    /** @description the contact whose data fills the template */
                    contactId: string;
                    /** @description the template version; the latest when absent */
                    version?: number;
                    /** @description what the template reads as `data` (the order, the checkout...) */
                    data?: {
                        [key: string]: unknown;
                    };
                    /** @description a subject (Liquid) instead of the template's, as an A/B test's variant would send it */
                    subject?: string;
                };
            };
        };
        responses: {
            /** @description queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messageId: string;
                        /** @constant */
                        status: "queued";
                        templateId: string;
                        version: number;
                        replayed: boolean;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description over the hourly test-send cap; `Retry-After` says when */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of campaigns; `next` is the cursor of the following page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        campaigns: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                            template: {
                                templateId: string;
                                version?: number;
                            };
                            audience: {
                                segments: {
                                    include: string[];
                                    exclude: string[];
                                };
                            } | {
                                /** @description the condition document, as saved */
                                condition: unknown;
                            };
                            topic?: string;
                            utm?: {
                                source: string;
                                medium: string;
                                campaign: string;
                                content?: string;
                                term?: string;
                            };
                            senderDomain?: string;
                            schedule?: {
                                /** @constant */
                                type: "at";
                                /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                                at: string;
                                timeZone: string;
                            } | {
                                /** @constant */
                                type: "recipientLocal";
                                /**
                                 * Format: date
                                 * @description the date in each recipient’s own time zone, YYYY-MM-DD
                                 */
                                date: string;
                                /** @description the time in each recipient’s own time zone, HH:mm */
                                time: string;
                            };
                            abTest?: {
                                variants: {
                                    subject?: string;
                                    template?: {
                                        templateId: string;
                                        version?: number;
                                    };
                                }[];
                                testShare: number;
                                /** @enum {string} */
                                metric: "openRate" | "clickRate" | "revenue";
                                decideAfterMinutes: number;
                                /** @description the winning variant, once decided */
                                winner?: number;
                                decidedAt?: string;
                                /**
                                 * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                                 * @enum {string}
                                 */
                                decidedBy?: "openRate" | "clickRate" | "revenue";
                                /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                                decideAt?: string;
                                /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                                results?: {
                                    variant: number;
                                    template: {
                                        templateId: string;
                                        version?: number;
                                    };
                                    /** @description absent: the template's own subject */
                                    subject?: string;
                                    /** @description test-wave recipients of this variant sent */
                                    sent: number;
                                    /** @description of those, emails opened at least once */
                                    opened: number;
                                    /** @description of those, emails with at least one click */
                                    clicked: number;
                                    /** @description per email sent, 0 to 1 (0 while none is sent) */
                                    openRate: number;
                                    /** @description per email sent, 0 to 1 (0 while none is sent) */
                                    clickRate: number;
                                    /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                    revenue: {
                                        /** @description ISO 4217 */
                                        currency: string;
                                        conversions: number;
                                        /** @description the orders' totals when placed, minor units */
                                        revenue: number;
                                        /** @description refunded of them since, minor units */
                                        refunded: number;
                                    }[];
                                }[];
                            };
                            /** @description UTC instant of the (first) send, once scheduled */
                            sendAt?: string;
                            startedAt?: string;
                            finishedAt?: string;
                            pausedReason?: string;
                            failedReason?: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    template: {
                        templateId: string;
                        /** @description absent: the template's latest version when the campaign is scheduled or started */
                        version?: number;
                    };
                    audience: {
                        segments: {
                            include: string[];
                            /** @default [] */
                            exclude?: string[];
                        };
                    } | {
                        condition: unknown;
                    };
                    /** @description a topic of the workspace's email settings; default: the template's */
                    topic?: string;
                    utm?: {
                        source: string;
                        medium: string;
                        campaign: string;
                        content?: string;
                        term?: string;
                    };
                    /** @description a domain the workspace registered; default: its default sender domain */
                    senderDomain?: string;
                    /** @description an A/B test of subjects or templates (ab-test.schema.ts) */
                    abTest?: {
                        /** @description variant 0 is the campaign's own template and subject (its entry may be `{}`) */
                        variants: {
                            /** @description the subject (Liquid) instead of the template's; default: the template's own */
                            subject?: string;
                            /** @description another marketing template; default: the campaign's */
                            template?: {
                                templateId: string;
                                /** @description absent: the template's latest version when the campaign is scheduled or started */
                                version?: number;
                            };
                        }[];
                        /** @description percent of the audience in the test, split evenly between the variants; the rest gets the winner */
                        testShare: number;
                        /**
                         * @description what picks the winner: unique opens or unique clicks per email sent, or revenue
                         * @enum {string}
                         */
                        metric: "openRate" | "clickRate" | "revenue";
                        /** @description minutes after the launch when the winner is picked and sent to the rest */
                        decideAfterMinutes: number;
                    };
                };
            };
        };
        responses: {
            /** @description the draft campaign */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status, or the Idempotency-Key was used with another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    updateCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    template?: {
                        templateId: string;
                        /** @description absent: the template's latest version when the campaign is scheduled or started */
                        version?: number;
                    };
                    audience?: {
                        segments: {
                            include: string[];
                            /** @default [] */
                            exclude?: string[];
                        };
                    } | {
                        condition: unknown;
                    };
                    topic?: string | null;
                    utm?: {
                        source: string;
                        medium: string;
                        campaign: string;
                        content?: string;
                        term?: string;
                    } | null;
                    senderDomain?: string | null;
                    abTest?: {
                        /** @description variant 0 is the campaign's own template and subject (its entry may be `{}`) */
                        variants: {
                            /** @description the subject (Liquid) instead of the template's; default: the template's own */
                            subject?: string;
                            /** @description another marketing template; default: the campaign's */
                            template?: {
                                templateId: string;
                                /** @description absent: the template's latest version when the campaign is scheduled or started */
                                version?: number;
                            };
                        }[];
                        /** @description percent of the audience in the test, split evenly between the variants; the rest gets the winner */
                        testShare: number;
                        /**
                         * @description what picks the winner: unique opens or unique clicks per email sent, or revenue
                         * @enum {string}
                         */
                        metric: "openRate" | "clickRate" | "revenue";
                        /** @description minutes after the launch when the winner is picked and sent to the rest */
                        decideAfterMinutes: number;
                    } | null;
                };
            };
        };
        responses: {
            /** @description the campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    scheduleCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "at" | "recipientLocal";
                    /** @description with `at`: wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                    at?: string;
                    /** @description with `at`: an IANA time zone */
                    timeZone?: string;
                    /**
                     * Format: date
                     * @description with `recipientLocal`: the date in each recipient’s own zone
                     */
                    date?: string;
                    /** @description with `recipientLocal`: the time in each recipient’s own zone, HH:mm */
                    time?: string;
                };
            };
        };
        responses: {
            /** @description the scheduled campaign, with `sendAt` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    unscheduleCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the draft campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    startCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sending campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status, or the Idempotency-Key was used with another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    pauseCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the paused campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    resumeCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sending campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    cancelCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the cancelled campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        audience: {
                            segments: {
                                include: string[];
                                exclude: string[];
                            };
                        } | {
                            /** @description the condition document, as saved */
                            condition: unknown;
                        };
                        topic?: string;
                        utm?: {
                            source: string;
                            medium: string;
                            campaign: string;
                            content?: string;
                            term?: string;
                        };
                        senderDomain?: string;
                        schedule?: {
                            /** @constant */
                            type: "at";
                            /** @description wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm */
                            at: string;
                            timeZone: string;
                        } | {
                            /** @constant */
                            type: "recipientLocal";
                            /**
                             * Format: date
                             * @description the date in each recipient’s own time zone, YYYY-MM-DD
                             */
                            date: string;
                            /** @description the time in each recipient’s own time zone, HH:mm */
                            time: string;
                        };
                        abTest?: {
                            variants: {
                                subject?: string;
                                template?: {
                                    templateId: string;
                                    version?: number;
                                };
                            }[];
                            testShare: number;
                            /** @enum {string} */
                            metric: "openRate" | "clickRate" | "revenue";
                            decideAfterMinutes: number;
                            /** @description the winning variant, once decided */
                            winner?: number;
                            decidedAt?: string;
                            /**
                             * @description the metric the decision used: a revenue test compares revenue per email sent in the currency with the most conversions, and is decided by clickRate when no variant has any yet
                             * @enum {string}
                             */
                            decidedBy?: "openRate" | "clickRate" | "revenue";
                            /** @description once launched: when the winner is (or was) picked, the launch + decideAfterMinutes */
                            decideAt?: string;
                            /** @description once launched, on a single campaign (not in lists): each variant in the test wave */
                            results?: {
                                variant: number;
                                template: {
                                    templateId: string;
                                    version?: number;
                                };
                                /** @description absent: the template's own subject */
                                subject?: string;
                                /** @description test-wave recipients of this variant sent */
                                sent: number;
                                /** @description of those, emails opened at least once */
                                opened: number;
                                /** @description of those, emails with at least one click */
                                clicked: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                openRate: number;
                                /** @description per email sent, 0 to 1 (0 while none is sent) */
                                clickRate: number;
                                /** @description orders attributed through this variant's test emails, per currency, most revenue first */
                                revenue: {
                                    /** @description ISO 4217 */
                                    currency: string;
                                    conversions: number;
                                    /** @description the orders' totals when placed, minor units */
                                    revenue: number;
                                    /** @description refunded of them since, minor units */
                                    refunded: number;
                                }[];
                            }[];
                        };
                        /** @description UTC instant of the (first) send, once scheduled */
                        sendAt?: string;
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the campaign's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getCampaignProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        campaignId: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        /** @description recipients in the audience snapshot (grows while it is taken) */
                        audience: number;
                        /** @description not sent yet: queued, waiting for their wave, or to be sent again after a throttle */
                        queued: number;
                        /** @description handed to SES, its answer not recorded yet */
                        inFlight: number;
                        sent: number;
                        /** @description not sent: unsubscribed, suppressed, no consent for the topic, no address */
                        suppressed: number;
                        failed: number;
                        /** @description over the workspace's frequency cap */
                        capped: number;
                        /** @description not sent because the campaign was cancelled */
                        cancelled: number;
                        /** @description recipients with a final outcome: sent + suppressed + failed + capped + cancelled */
                        settled: number;
                        /** @description why recipients were suppressed or failed, most frequent first */
                        reasons: {
                            reason: string;
                            recipients: number;
                        }[];
                        startedAt?: string;
                        finishedAt?: string;
                        pausedReason?: string;
                        failedReason?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getCampaignResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        campaignId: string;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled" | "failed";
                        audience: number;
                        /** @description accepted by SES */
                        sent: number;
                        /** @description sent − bounced − rejected (campaign email's SES Delivery events are not collected, to save their cost) */
                        delivered: number;
                        /** @description emails opened (each once) */
                        opened: number;
                        /** @description emails with a click (each once) */
                        clicked: number;
                        /** @description permanent bounces */
                        bounced: number;
                        /** @description emails with a transient bounce (SES retries them; not taken off delivered) */
                        softBounced: number;
                        complained: number;
                        /** @description unsubscribed through the email's link */
                        unsubscribed: number;
                        /** @description accepted by SES, then rejected by it or not rendered */
                        rejected: number;
                        /** @description fractions (0.25 = 25 %), 0 when their base is 0 */
                        rates: {
                            /** @description opened / delivered */
                            open: number;
                            /** @description clicked / delivered */
                            click: number;
                            /** @description clicked / opened */
                            clickToOpen: number;
                            /** @description bounced / sent */
                            bounce: number;
                            /** @description complained / delivered */
                            complaint: number;
                            /** @description unsubscribed / delivered */
                            unsubscribe: number;
                        };
                        /** @description emails that clicked each link (each email once per link), most clicked first */
                        links: {
                            link: string;
                            clicked: number;
                        }[];
                        conversions: {
                            /** @description the workspace's attribution settings now */
                            attribution: {
                                /**
                                 * @description days after an open or click of a campaign email during which an order counts for it (1-30)
                                 * @default 5
                                 */
                                windowDays: number;
                                /**
                                 * @description which campaign an order counts for when several were touched: the latest or the earliest
                                 * @default lastTouch
                                 * @enum {string}
                                 */
                                model: "lastTouch" | "firstTouch";
                                /**
                                 * @description what counts as a touch: an open or a click, or clicks only (opens are inflated by mail privacy proxies)
                                 * @default clickOrOpen
                                 * @enum {string}
                                 */
                                touches: "clickOrOpen" | "click";
                            };
                            /** @description per currency, never summed across currencies; most revenue first */
                            byCurrency: {
                                currency: string;
                                /** @description orders attributed to the campaign */
                                conversions: number;
                                /** @description their totals when placed, in the currency's minor unit */
                                revenue: number;
                                /** @description what was refunded of them since (in their currency), minor units */
                                refunded: number;
                                /** @description revenue − refunded, minor units */
                                net: number;
                                /** @description the same as exact decimal text ("19.99") */
                                decimal: {
                                    revenue: string;
                                    refunded: string;
                                    net: string;
                                };
                            }[];
                        };
                        /** @description the campaign's AWS cost, estimated from what it consumed at list prices (us-east-1) */
                        cost: {
                            /** @constant */
                            estimate: true;
                            /** @constant */
                            currency: "USD";
                            /** @description DynamoDB, SQS, Lambda and EventBridge */
                            infrastructure: number;
                            /** @description the SES fee of the emails sent ($0.10 per 1,000) */
                            ses: number;
                            total: number;
                            breakdown: {
                                dynamodb: number;
                                sqs: number;
                                lambda: number;
                                eventBridge: number;
                            };
                            /** @description what it consumed, as the estimate counts it */
                            basis: {
                                chunks: number;
                                sesCalls: number;
                                recipientsHandled: number;
                                sent: number;
                                feedbackEvents: number;
                            };
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listJourneys: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "draft" | "live" | "paused" | "archived";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of journeys (without their documents); `next` is the cursor of the following page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journeys: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            status: "draft" | "live" | "paused" | "archived";
                            /** @description the latest version, the one new runs start on */
                            version: number;
                            /** @description the trigger type: event, segment, stage, date or inactivity */
                            trigger: string;
                            createdAt: string;
                            updatedAt: string;
                            liveSince?: string;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    createJourney: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    trigger: {
                        /** @constant */
                        type: "event";
                        event: string;
                        where?: ({
                            path: string;
                            /** @enum {string} */
                            op: "equals" | "notEquals";
                            value: unknown;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "in" | "notIn";
                            value: unknown[];
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "contains" | "startsWith" | "endsWith";
                            value: string;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "gt" | "gte" | "lt" | "lte";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "before" | "after";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                            days: number;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "exists" | "notExists";
                        })[];
                    } | {
                        /** @constant */
                        type: "segment";
                        segmentId: string;
                        /** @enum {string} */
                        on: "enter" | "exit";
                    } | {
                        /** @constant */
                        type: "stage";
                        to: string;
                        from?: string;
                    } | {
                        /** @constant */
                        type: "date";
                        field: string;
                        /**
                         * @description a time of day, HH:mm (00:00–23:59)
                         * @default 09:00
                         */
                        at?: string;
                        /** @default 0 */
                        offsetDays?: number;
                    } | {
                        /** @constant */
                        type: "inactivity";
                        event: string;
                        days: number;
                    };
                    /**
                     * @default {
                     *       "mode": "once"
                     *     }
                     */
                    entry?: {
                        /**
                         * @description once ever; once per `periodDays`; or again each time it ends (never two runs at once)
                         * @enum {string}
                         */
                        mode: "once" | "oncePer" | "always";
                        periodDays?: number;
                    };
                    /** @description met: the run ends at once (`goal`), wherever it is */
                    goal?: {
                        event: string;
                        where?: ({
                            path: string;
                            /** @enum {string} */
                            op: "equals" | "notEquals";
                            value: unknown;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "in" | "notIn";
                            value: unknown[];
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "contains" | "startsWith" | "endsWith";
                            value: string;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "gt" | "gte" | "lt" | "lte";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "before" | "after";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                            days: number;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "exists" | "notExists";
                        })[];
                        key?: {
                            event: string;
                            trigger: string;
                        };
                    };
                    /** @description no email between these times in the contact’s zone: an email step due then waits for `to` */
                    quietHours?: {
                        /** @description a time of day, HH:mm (00:00–23:59) */
                        from: string;
                        /** @description a time of day, HH:mm (00:00–23:59) */
                        to: string;
                    };
                    steps: ({
                        id: string;
                        /** @constant */
                        type: "email";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "wait";
                        duration: {
                            minutes?: number;
                            hours?: number;
                            days?: number;
                        };
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "waitUntil";
                        /** @description a time of day, HH:mm (00:00–23:59) */
                        time: string;
                        /** @description the weekdays it may be, in the contact’s zone; any day when left out */
                        days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "waitForEvent";
                        event: string;
                        where?: ({
                            path: string;
                            /** @enum {string} */
                            op: "equals" | "notEquals";
                            value: unknown;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "in" | "notIn";
                            value: unknown[];
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "contains" | "startsWith" | "endsWith";
                            value: string;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "gt" | "gte" | "lt" | "lte";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "before" | "after";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                            days: number;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "exists" | "notExists";
                        })[];
                        key?: {
                            event: string;
                            trigger: string;
                        };
                        timeout: {
                            minutes?: number;
                            hours?: number;
                            days?: number;
                        };
                        /** @description the step that follows; none ends the run */
                        onEvent?: string;
                        /** @description the step that follows; none ends the run */
                        onTimeout?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "branch";
                        condition: unknown;
                        /** @description the step that follows; none ends the run */
                        ifTrue?: string;
                        /** @description the step that follows; none ends the run */
                        ifFalse?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "split";
                        paths: {
                            weight: number;
                            /** @description the step that follows; none ends the run */
                            next?: string;
                        }[];
                    } | {
                        id: string;
                        /** @constant */
                        type: "update";
                        addTags?: string[];
                        removeTags?: string[];
                        attributes?: {
                            [key: string]: string | number | boolean | null;
                        };
                        stage?: string;
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "emit";
                        /** @description the signal’s name, in `journey.signal`’s data */
                        name: string;
                        properties?: {
                            [key: string]: unknown;
                        };
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "webhook";
                        endpointId: string;
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "exit";
                    })[];
                };
            };
        };
        responses: {
            /** @description the draft journey */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "live" | "paused" | "archived";
                        /** @description the latest version, the one new runs start on */
                        version: number;
                        /** @description the trigger type: event, segment, stage, date or inactivity */
                        trigger: string;
                        createdAt: string;
                        updatedAt: string;
                        liveSince?: string;
                        /** @description the latest version of the journey document, defaults filled in */
                        definition: unknown;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "live" | "paused" | "archived";
                        /** @description the latest version, the one new runs start on */
                        version: number;
                        /** @description the trigger type: event, segment, stage, date or inactivity */
                        trigger: string;
                        createdAt: string;
                        updatedAt: string;
                        liveSince?: string;
                        /** @description the latest version of the journey document, defaults filled in */
                        definition: unknown;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    updateJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    trigger: {
                        /** @constant */
                        type: "event";
                        event: string;
                        where?: ({
                            path: string;
                            /** @enum {string} */
                            op: "equals" | "notEquals";
                            value: unknown;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "in" | "notIn";
                            value: unknown[];
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "contains" | "startsWith" | "endsWith";
                            value: string;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "gt" | "gte" | "lt" | "lte";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "before" | "after";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                            days: number;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "exists" | "notExists";
                        })[];
                    } | {
                        /** @constant */
                        type: "segment";
                        segmentId: string;
                        /** @enum {string} */
                        on: "enter" | "exit";
                    } | {
                        /** @constant */
                        type: "stage";
                        to: string;
                        from?: string;
                    } | {
                        /** @constant */
                        type: "date";
                        field: string;
                        /**
                         * @description a time of day, HH:mm (00:00–23:59)
                         * @default 09:00
                         */
                        at?: string;
                        /** @default 0 */
                        offsetDays?: number;
                    } | {
                        /** @constant */
                        type: "inactivity";
                        event: string;
                        days: number;
                    };
                    /**
                     * @default {
                     *       "mode": "once"
                     *     }
                     */
                    entry?: {
                        /**
                         * @description once ever; once per `periodDays`; or again each time it ends (never two runs at once)
                         * @enum {string}
                         */
                        mode: "once" | "oncePer" | "always";
                        periodDays?: number;
                    };
                    /** @description met: the run ends at once (`goal`), wherever it is */
                    goal?: {
                        event: string;
                        where?: ({
                            path: string;
                            /** @enum {string} */
                            op: "equals" | "notEquals";
                            value: unknown;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "in" | "notIn";
                            value: unknown[];
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "contains" | "startsWith" | "endsWith";
                            value: string;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "gt" | "gte" | "lt" | "lte";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "before" | "after";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                            days: number;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "exists" | "notExists";
                        })[];
                        key?: {
                            event: string;
                            trigger: string;
                        };
                    };
                    /** @description no email between these times in the contact’s zone: an email step due then waits for `to` */
                    quietHours?: {
                        /** @description a time of day, HH:mm (00:00–23:59) */
                        from: string;
                        /** @description a time of day, HH:mm (00:00–23:59) */
                        to: string;
                    };
                    steps: ({
                        id: string;
                        /** @constant */
                        type: "email";
                        template: {
                            templateId: string;
                            version?: number;
                        };
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "wait";
                        duration: {
                            minutes?: number;
                            hours?: number;
                            days?: number;
                        };
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "waitUntil";
                        /** @description a time of day, HH:mm (00:00–23:59) */
                        time: string;
                        /** @description the weekdays it may be, in the contact’s zone; any day when left out */
                        days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "waitForEvent";
                        event: string;
                        where?: ({
                            path: string;
                            /** @enum {string} */
                            op: "equals" | "notEquals";
                            value: unknown;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "in" | "notIn";
                            value: unknown[];
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "contains" | "startsWith" | "endsWith";
                            value: string;
                            caseInsensitive?: boolean;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "gt" | "gte" | "lt" | "lte";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "before" | "after";
                            value: unknown;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                            days: number;
                        } | {
                            path: string;
                            /** @enum {string} */
                            op: "exists" | "notExists";
                        })[];
                        key?: {
                            event: string;
                            trigger: string;
                        };
                        timeout: {
                            minutes?: number;
                            hours?: number;
                            days?: number;
                        };
                        /** @description the step that follows; none ends the run */
                        onEvent?: string;
                        /** @description the step that follows; none ends the run */
                        onTimeout?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "branch";
                        condition: unknown;
                        /** @description the step that follows; none ends the run */
                        ifTrue?: string;
                        /** @description the step that follows; none ends the run */
                        ifFalse?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "split";
                        paths: {
                            weight: number;
                            /** @description the step that follows; none ends the run */
                            next?: string;
                        }[];
                    } | {
                        id: string;
                        /** @constant */
                        type: "update";
                        addTags?: string[];
                        removeTags?: string[];
                        attributes?: {
                            [key: string]: string | number | boolean | null;
                        };
                        stage?: string;
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "emit";
                        /** @description the signal’s name, in `journey.signal`’s data */
                        name: string;
                        properties?: {
                            [key: string]: unknown;
                        };
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "webhook";
                        endpointId: string;
                        /** @description the step that follows; none ends the run */
                        next?: string;
                    } | {
                        id: string;
                        /** @constant */
                        type: "exit";
                    })[];
                };
            };
        };
        responses: {
            /** @description the journey at its new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "live" | "paused" | "archived";
                        /** @description the latest version, the one new runs start on */
                        version: number;
                        /** @description the trigger type: event, segment, stage, date or inactivity */
                        trigger: string;
                        createdAt: string;
                        updatedAt: string;
                        liveSince?: string;
                        /** @description the latest version of the journey document, defaults filled in */
                        definition: unknown;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the journey's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the journey's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getJourneyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journeyId: string;
                        version: number;
                        createdAt: string;
                        /** @description the journey document of this version */
                        definition: unknown;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getJourneyReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journeyId: string;
                        /** @description the latest version, whose steps are listed */
                        version: number;
                        runs: {
                            entered: number;
                            inProgress: number;
                            /** @description reached the end of the journey */
                            completed: number;
                            /** @description ended early: the goal was met */
                            goal: number;
                            /** @description left at an exit step (or their contact was gone) */
                            exited: number;
                            /** @description cancelled: the contact unsubscribed from marketing email */
                            unsubscribed: number;
                            /** @description cancelled: the contact bounced or complained */
                            suppressed: number;
                        };
                        /** @description the order value of the goals reached, per currency */
                        revenue: {
                            currency: string;
                            /** @description minor units */
                            amount: number;
                        }[];
                        steps: {
                            id: string;
                            type: string;
                            /** @description an email step’s messages and their engagement */
                            emails?: {
                                sent: number;
                                delivered: number;
                                opened: number;
                                clicked: number;
                                bounced: number;
                                complained: number;
                                unsubscribed: number;
                            };
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    startJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the live journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "live" | "paused" | "archived";
                        /** @description the latest version, the one new runs start on */
                        version: number;
                        /** @description the trigger type: event, segment, stage, date or inactivity */
                        trigger: string;
                        createdAt: string;
                        updatedAt: string;
                        liveSince?: string;
                        /** @description the latest version of the journey document, defaults filled in */
                        definition: unknown;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the journey's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    pauseJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the paused journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "live" | "paused" | "archived";
                        /** @description the latest version, the one new runs start on */
                        version: number;
                        /** @description the trigger type: event, segment, stage, date or inactivity */
                        trigger: string;
                        createdAt: string;
                        updatedAt: string;
                        liveSince?: string;
                        /** @description the latest version of the journey document, defaults filled in */
                        definition: unknown;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the journey's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    archiveJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the archived journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "live" | "paused" | "archived";
                        /** @description the latest version, the one new runs start on */
                        version: number;
                        /** @description the trigger type: event, segment, stage, date or inactivity */
                        trigger: string;
                        createdAt: string;
                        updatedAt: string;
                        liveSince?: string;
                        /** @description the latest version of the journey document, defaults filled in */
                        definition: unknown;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not allowed in the journey's status (the message names it), or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    dryRunJourney: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a saved journey (its latest version unless `version`) */
                    journeyId?: string;
                    version?: number;
                    /** @description or a journey document not saved yet */
                    definition?: {
                        name: string;
                        description?: string;
                        trigger: {
                            /** @constant */
                            type: "event";
                            event: string;
                            where?: ({
                                path: string;
                                /** @enum {string} */
                                op: "equals" | "notEquals";
                                value: unknown;
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "in" | "notIn";
                                value: unknown[];
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "contains" | "startsWith" | "endsWith";
                                value: string;
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "gt" | "gte" | "lt" | "lte";
                                value: unknown;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "before" | "after";
                                value: unknown;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                                days: number;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "exists" | "notExists";
                            })[];
                        } | {
                            /** @constant */
                            type: "segment";
                            segmentId: string;
                            /** @enum {string} */
                            on: "enter" | "exit";
                        } | {
                            /** @constant */
                            type: "stage";
                            to: string;
                            from?: string;
                        } | {
                            /** @constant */
                            type: "date";
                            field: string;
                            /**
                             * @description a time of day, HH:mm (00:00–23:59)
                             * @default 09:00
                             */
                            at?: string;
                            /** @default 0 */
                            offsetDays?: number;
                        } | {
                            /** @constant */
                            type: "inactivity";
                            event: string;
                            days: number;
                        };
                        /**
                         * @default {
                         *       "mode": "once"
                         *     }
                         */
                        entry?: {
                            /**
                             * @description once ever; once per `periodDays`; or again each time it ends (never two runs at once)
                             * @enum {string}
                             */
                            mode: "once" | "oncePer" | "always";
                            periodDays?: number;
                        };
                        /** @description met: the run ends at once (`goal`), wherever it is */
                        goal?: {
                            event: string;
                            where?: ({
                                path: string;
                                /** @enum {string} */
                                op: "equals" | "notEquals";
                                value: unknown;
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "in" | "notIn";
                                value: unknown[];
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "contains" | "startsWith" | "endsWith";
                                value: string;
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "gt" | "gte" | "lt" | "lte";
                                value: unknown;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "before" | "after";
                                value: unknown;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                                days: number;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "exists" | "notExists";
                            })[];
                            key?: {
                                event: string;
                                trigger: string;
                            };
                        };
                        /** @description no email between these times in the contact’s zone: an email step due then waits for `to` */
                        quietHours?: {
                            /** @description a time of day, HH:mm (00:00–23:59) */
                            from: string;
                            /** @description a time of day, HH:mm (00:00–23:59) */
                            to: string;
                        };
                        steps: ({
                            id: string;
                            /** @constant */
                            type: "email";
                            template: {
                                templateId: string;
                                version?: number;
                            };
                            /** @description the step that follows; none ends the run */
                            next?: string;
                        } | {
                            id: string;
                            /** @constant */
                            type: "wait";
                            duration: {
                                minutes?: number;
                                hours?: number;
                                days?: number;
                            };
                            /** @description the step that follows; none ends the run */
                            next?: string;
                        } | {
                            id: string;
                            /** @constant */
                            type: "waitUntil";
                            /** @description a time of day, HH:mm (00:00–23:59) */
                            time: string;
                            /** @description the weekdays it may be, in the contact’s zone; any day when left out */
                            days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            /** @description the step that follows; none ends the run */
                            next?: string;
                        } | {
                            id: string;
                            /** @constant */
                            type: "waitForEvent";
                            event: string;
                            where?: ({
                                path: string;
                                /** @enum {string} */
                                op: "equals" | "notEquals";
                                value: unknown;
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "in" | "notIn";
                                value: unknown[];
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "contains" | "startsWith" | "endsWith";
                                value: string;
                                caseInsensitive?: boolean;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "gt" | "gte" | "lt" | "lte";
                                value: unknown;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "before" | "after";
                                value: unknown;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "withinLastDays" | "notWithinLastDays" | "olderThanDays";
                                days: number;
                            } | {
                                path: string;
                                /** @enum {string} */
                                op: "exists" | "notExists";
                            })[];
                            key?: {
                                event: string;
                                trigger: string;
                            };
                            timeout: {
                                minutes?: number;
                                hours?: number;
                                days?: number;
                            };
                            /** @description the step that follows; none ends the run */
                            onEvent?: string;
                            /** @description the step that follows; none ends the run */
                            onTimeout?: string;
                        } | {
                            id: string;
                            /** @constant */
                            type: "branch";
                            condition: unknown;
                            /** @description the step that follows; none ends the run */
                            ifTrue?: string;
                            /** @description the step that follows; none ends the run */
                            ifFalse?: string;
                        } | {
                            id: string;
                            /** @constant */
                            type: "split";
                            paths: {
                                weight: number;
                                /** @description the step that follows; none ends the run */
                                next?: string;
                            }[];
                        } | {
                            id: string;
                            /** @constant */
                            type: "update";
                            addTags?: string[];
                            removeTags?: string[];
                            attributes?: {
                                [key: string]: string | number | boolean | null;
                            };
                            stage?: string;
                            /** @description the step that follows; none ends the run */
                            next?: string;
                        } | {
                            id: string;
                            /** @constant */
                            type: "emit";
                            /** @description the signal’s name, in `journey.signal`’s data */
                            name: string;
                            properties?: {
                                [key: string]: unknown;
                            };
                            /** @description the step that follows; none ends the run */
                            next?: string;
                        } | {
                            id: string;
                            /** @constant */
                            type: "webhook";
                            endpointId: string;
                            /** @description the step that follows; none ends the run */
                            next?: string;
                        } | {
                            id: string;
                            /** @constant */
                            type: "exit";
                        })[];
                    };
                    /** @description a contact of the workspace: its profile, tags, stage and zone */
                    contactId?: string;
                    /** @description the contact's zone; by default its own, else the workspace's */
                    timeZone?: string;
                    /**
                     * Format: date-time
                     * @description when the trigger happened; now by default
                     */
                    start?: string;
                    /** @description the trigger event's properties (a storefront fact's data), read by keys */
                    trigger?: {
                        /** @default {} */
                        properties?: {
                            [key: string]: unknown;
                        };
                    };
                    /**
                     * @description what happens after the start: orders, tracked events...
                     * @default []
                     */
                    events?: {
                        name: string;
                        /** Format: date-time */
                        at: string;
                        /** @default {} */
                        properties?: {
                            [key: string]: unknown;
                        };
                    }[];
                    /** @default 400 */
                    horizonDays?: number;
                };
            };
        };
        responses: {
            /** @description the simulated run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the saved version simulated */
                        version?: number;
                        /** @description the zone the contact’s clock was read in */
                        timeZone: string;
                        steps: {
                            stepId: string;
                            type: string;
                            at: string;
                            outcome: string;
                            /** @description what the step would do */
                            effect?: {
                                [key: string]: unknown;
                            };
                        }[];
                        emails: {
                            stepId: string;
                            at: string;
                            templateId: string;
                            version?: number;
                        }[];
                        end: {
                            at: string;
                            /** @enum {string} */
                            why: "completed" | "exit" | "goal" | "horizon";
                            stepId?: string;
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listReadyMadeJourneys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the workspace’s default locale: the language of titles and journey names */
                        locale: string;
                        journeys: {
                            /** @description the name to switch it on with: `POST /v1/journeys/ready-made/{name}` */
                            name: string;
                            title: string;
                            description: string;
                            /** @description the shipped templates it sends (installed when missing) */
                            templates: string[];
                            options: {
                                name: string;
                                description: string;
                                /** @description the value when the option is not given */
                                default: unknown;
                            }[];
                            /** @description the journey document it creates with the default options */
                            definition: unknown;
                            /** @description the journey, once switched on in this workspace */
                            journey?: {
                                id: string;
                                /** @enum {string} */
                                status: "draft" | "live" | "paused" | "archived";
                                version: number;
                            };
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    enableReadyMadeJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description no email between `from` and `to` (HH:mm) in the contact’s zone; null for none */
                    quietHours?: {
                        /** @description a time of day, HH:mm (00:00–23:59) */
                        from: string;
                        /** @description a time of day, HH:mm (00:00–23:59) */
                        to: string;
                    } | null;
                    /** @description welcome: days before the second email (0: the welcome only); post-purchase: days after the order before the follow-up */
                    followUpDays?: number;
                    /** @description abandoned checkout: hours between the nudge and the reminder (23: the reminder 24 h after the checkout, with the 60-minute abandonment window) */
                    reminderAfterHours?: number;
                    /** @description post-purchase: days between the follow-up and the review request */
                    reviewAfterDays?: number;
                    /** @description at most one run per contact in this many days */
                    oncePerDays?: number;
                    /** @description win-back: days without an order before the email */
                    inactiveDays?: number;
                    /** @description birthday: the contact attribute that holds the date (the birthday) */
                    attribute?: string;
                    /** @description birthday: the time of day (HH:mm) in the contact’s zone */
                    sendAt?: string;
                    /** @description birthday: days before (negative) or after the date */
                    offsetDays?: number;
                    /** @description lead nurture: how many emails at most */
                    emails?: number;
                    /** @description lead nurture: days between emails (the MQL hand-off can come at any time) */
                    spacingDays?: number;
                    /** @description lead nurture: the stage that starts it */
                    leadStage?: string;
                    /** @description lead nurture: the marketing-qualified stage that hands the lead to sales */
                    mqlStage?: string;
                };
            };
        };
        responses: {
            /** @description already switched on: the live journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "live" | "paused" | "archived";
                        /** @description the latest version, the one new runs start on */
                        version: number;
                        /** @description the trigger type: event, segment, stage, date or inactivity */
                        trigger: string;
                        createdAt: string;
                        updatedAt: string;
                        liveSince?: string;
                        /** @description the latest version of the journey document, defaults filled in */
                        definition: unknown;
                    };
                };
            };
            /** @description switched on: the live journey, created now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "draft" | "live" | "paused" | "archived";
                        /** @description the latest version, the one new runs start on */
                        version: number;
                        /** @description the trigger type: event, segment, stage, date or inactivity */
                        trigger: string;
                        createdAt: string;
                        updatedAt: string;
                        liveSince?: string;
                        /** @description the latest version of the journey document, defaults filled in */
                        definition: unknown;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the journey was archived: it cannot be switched on again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoints: {
                            id: string;
                            url: string;
                            eventTypes: string[];
                            description?: string;
                            /** @enum {string} */
                            status: "enabled" | "disabled";
                            /** @enum {string} */
                            disabledReason?: "manual" | "failing";
                            disabledAt?: string;
                            /** @description deliveries fail since then with no success in between; the endpoint is disabled after 3 days */
                            failingSince?: string;
                            /** @description the secrets signing deliveries now: the newest first */
                            secrets: {
                                id: string;
                                /** @description the last 4 characters */
                                hint: string;
                                createdAt: string;
                                /** @description when it stops signing (after a rotation) */
                                expiresAt: string | null;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    eventTypes: ("contact.created" | "contact.updated" | "contact.consent.changed" | "contact.identified" | "contact.erased" | "contact.suppressed" | "order.placed" | "order.updated" | "order.refunded" | "checkout.abandoned" | "segment.entered" | "segment.exited" | "score.changed" | "stage.changed" | "email.engaged" | "journey.entered" | "journey.ended" | "journey.signal" | "webhook.endpoint.disabled")[];
                    description?: string;
                    /** @default true */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description the endpoint and its signing secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint: {
                            id: string;
                            url: string;
                            eventTypes: string[];
                            description?: string;
                            /** @enum {string} */
                            status: "enabled" | "disabled";
                            /** @enum {string} */
                            disabledReason?: "manual" | "failing";
                            disabledAt?: string;
                            /** @description deliveries fail since then with no success in between; the endpoint is disabled after 3 days */
                            failingSince?: string;
                            /** @description the secrets signing deliveries now: the newest first */
                            secrets: {
                                id: string;
                                /** @description the last 4 characters */
                                hint: string;
                                createdAt: string;
                                /** @description when it stops signing (after a rotation) */
                                expiresAt: string | null;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                        /** @description the new signing secret (`whsec_…`): shown this once, never again */
                        secret: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        eventTypes: string[];
                        description?: string;
                        /** @enum {string} */
                        status: "enabled" | "disabled";
                        /** @enum {string} */
                        disabledReason?: "manual" | "failing";
                        disabledAt?: string;
                        /** @description deliveries fail since then with no success in between; the endpoint is disabled after 3 days */
                        failingSince?: string;
                        /** @description the secrets signing deliveries now: the newest first */
                        secrets: {
                            id: string;
                            /** @description the last 4 characters */
                            hint: string;
                            createdAt: string;
                            /** @description when it stops signing (after a rotation) */
                            expiresAt: string | null;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description it changed meanwhile (another editor won): read it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    eventTypes?: ("contact.created" | "contact.updated" | "contact.consent.changed" | "contact.identified" | "contact.erased" | "contact.suppressed" | "order.placed" | "order.updated" | "order.refunded" | "checkout.abandoned" | "segment.entered" | "segment.exited" | "score.changed" | "stage.changed" | "email.engaged" | "journey.entered" | "journey.ended" | "journey.signal" | "webhook.endpoint.disabled")[];
                    description?: string;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description the endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        eventTypes: string[];
                        description?: string;
                        /** @enum {string} */
                        status: "enabled" | "disabled";
                        /** @enum {string} */
                        disabledReason?: "manual" | "failing";
                        disabledAt?: string;
                        /** @description deliveries fail since then with no success in between; the endpoint is disabled after 3 days */
                        failingSince?: string;
                        /** @description the secrets signing deliveries now: the newest first */
                        secrets: {
                            id: string;
                            /** @description the last 4 characters */
                            hint: string;
                            createdAt: string;
                            /** @description when it stops signing (after a rotation) */
                            expiresAt: string | null;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description it changed meanwhile (another editor won): read it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 24 */
                    graceHours?: number;
                };
            };
        };
        responses: {
            /** @description the endpoint and its new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint: {
                            id: string;
                            url: string;
                            eventTypes: string[];
                            description?: string;
                            /** @enum {string} */
                            status: "enabled" | "disabled";
                            /** @enum {string} */
                            disabledReason?: "manual" | "failing";
                            disabledAt?: string;
                            /** @description deliveries fail since then with no success in between; the endpoint is disabled after 3 days */
                            failingSince?: string;
                            /** @description the secrets signing deliveries now: the newest first */
                            secrets: {
                                id: string;
                                /** @description the last 4 characters */
                                hint: string;
                                createdAt: string;
                                /** @description when it stops signing (after a rotation) */
                                expiresAt: string | null;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                        /** @description the new signing secret (`whsec_…`): shown this once, never again */
                        secret: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description it changed meanwhile (another editor won): read it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "pending" | "retrying" | "delivered" | "dead";
            };
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            /** @description the event's id (also sent as `ecrm-event-id`) */
                            id: string;
                            eventType: string;
                            /** @enum {string} */
                            status: "pending" | "retrying" | "delivered" | "dead";
                            attemptCount: number;
                            /** @description the latest attempts, oldest first (at most 10) */
                            attempts: {
                                at: string;
                                statusCode?: number;
                                error?: string;
                                durationMs: number;
                            }[];
                            nextAttemptAt?: string;
                            deliveredAt?: string;
                            deadAt?: string;
                            createdAt: string;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the delivery, pending again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the event's id (also sent as `ecrm-event-id`) */
                        id: string;
                        eventType: string;
                        /** @enum {string} */
                        status: "pending" | "retrying" | "delivered" | "dead";
                        attemptCount: number;
                        /** @description the latest attempts, oldest first (at most 10) */
                        attempts: {
                            at: string;
                            statusCode?: number;
                            error?: string;
                            durationMs: number;
                        }[];
                        nextAttemptAt?: string;
                        deliveredAt?: string;
                        deadAt?: string;
                        createdAt: string;
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description no such resource in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description still on its way, endpoint disabled, or it changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getSendingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sending status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description whether marketing email may be sent; transactional always may
                         * @enum {string}
                         */
                        status: "active" | "paused";
                        /** @description why marketing is paused */
                        reason?: string;
                        /** @enum {string} */
                        by?: "rates" | "operator";
                        pausedAt?: string;
                        /** @description last resume by hand: the rates count from that hour */
                        resumedAt?: string;
                        window: {
                            from: string;
                            hours: number;
                        };
                        rates: {
                            /** @description delivered + hard-bounced messages in the window */
                            volume: number;
                            delivered: number;
                            bounced: number;
                            complained: number;
                            bounceRate: number;
                            complaintRate: number;
                        };
                        thresholds: {
                            minimumVolume: number;
                            /** @description marketing pauses at this bounce rate (SES reviews at 0.05) */
                            bounceRate: number;
                            /** @description marketing pauses at this complaint rate (SES reviews at 0.001) */
                            complaintRate: number;
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    resumeSending: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sending status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description whether marketing email may be sent; transactional always may
                         * @enum {string}
                         */
                        status: "active" | "paused";
                        /** @description why marketing is paused */
                        reason?: string;
                        /** @enum {string} */
                        by?: "rates" | "operator";
                        pausedAt?: string;
                        /** @description last resume by hand: the rates count from that hour */
                        resumedAt?: string;
                        window: {
                            from: string;
                            hours: number;
                        };
                        rates: {
                            /** @description delivered + hard-bounced messages in the window */
                            volume: number;
                            delivered: number;
                            bounced: number;
                            complained: number;
                            bounceRate: number;
                            complaintRate: number;
                        };
                        thresholds: {
                            minimumVolume: number;
                            /** @description marketing pauses at this bounce rate (SES reviews at 0.05) */
                            bounceRate: number;
                            /** @description marketing pauses at this complaint rate (SES reviews at 0.001) */
                            complaintRate: number;
                        };
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getEmailStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                origin: "campaign" | "journey" | "api" | "test" | "alert" | "confirmation";
                originId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        origin: "campaign" | "journey" | "api" | "test" | "alert" | "confirmation";
                        originId: string;
                        counts: {
                            sent: number;
                            delivered: number;
                            opened: number;
                            clicked: number;
                            bounced: number;
                            softBounced: number;
                            complained: number;
                            failed: number;
                            unsubscribed: number;
                        };
                        links: {
                            link: string;
                            clicked: number;
                        }[];
                    };
                };
            };
            /** @description missing, malformed or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description the key lacks the scope this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description a field is invalid; `issues` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    authLogin: {
        parameters: {
            query?: {
                returnTo?: string;
                lang?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: the sign-in page. Set-Cookie: `ecrm_oauth` (the state and PKCE verifier; HttpOnly, SameSite=Lax, Path=/auth, 10 minutes). */
            302: {
                headers: {
                    /** @description the user pool’s /oauth2/authorize URL */
                    location?: string;
                    /** @description ecrm_oauth */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    authCallback: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                error?: string;
                error_description?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: the `returnTo` of the sign-in. Set-Cookie: `ecrm_session` (the access token; HttpOnly, SameSite=Strict, Path=/), `ecrm_refresh` (HttpOnly, SameSite=Strict, Path=/auth), and `ecrm_oauth` cleared. */
            302: {
                headers: {
                    /** @description the path the sign-in started from */
                    location?: string;
                    /** @description ecrm_session, ecrm_refresh, ecrm_oauth (cleared) */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description no sign-in in progress in this browser, a state that does not match, or a refused sign-in */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description not signed in, or the session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    authRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Set-Cookie: a new `ecrm_session`. */
            204: {
                headers: {
                    /** @description ecrm_session */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description no refresh cookie, or the user pool refused it: sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    authLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Set-Cookie: `ecrm_session` and `ecrm_refresh` cleared. */
            200: {
                headers: {
                    /** @description ecrm_session, ecrm_refresh (cleared) */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the user pool’s logout URL */
                        logoutUrl: string;
                    };
                };
            };
        };
    };
    authMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the user and their memberships, or `user: null` and no memberships when signed out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            email: string;
                        } | null;
                        memberships: {
                            workspaceId: string;
                            workspaceName: string;
                            /** @enum {string} */
                            role: "admin" | "marketer" | "analyst";
                        }[];
                    };
                };
            };
            /** @description not signed in, or the session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            status: number;
                            code: string;
                            message: string;
                            issues?: {
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    openApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: {
                            title: string;
                            version: string;
                        } & {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
}
