/**
 * The console's routes, declared in code. Every page is its own lazily loaded chunk, so the first
 * page downloads only the shell and the page it shows.
 */
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { AppShell } from './shell/app-shell.tsx';
import { NotFound } from './shell/not-found.tsx';

const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFound });

const page = <const TPath extends string, T extends Record<string, unknown>>(
  path: TPath,
  load: () => Promise<T>,
  name: keyof T & string,
) => createRoute({ getParentRoute: () => rootRoute, path, component: lazyRouteComponent(load, name) });

const routeTree = rootRoute.addChildren([
  page('/', () => import('./pages/dashboard/dashboard-page.tsx'), 'DashboardPage'),
  page('/contacts', () => import('./pages/contacts/contacts-page.tsx'), 'ContactsPage'),
  page('/contacts/$contactId', () => import('./pages/contacts/contact-page.tsx'), 'ContactPage'),
  page('/segments', () => import('./pages/segments/segments-page.tsx'), 'SegmentsPage'),
  page('/segments/new', () => import('./pages/segments/segment-editor-page.tsx'), 'SegmentEditorPage'),
  page('/segments/$segmentId', () => import('./pages/segments/segment-editor-page.tsx'), 'SegmentEditorPage'),
  page('/templates', () => import('./pages/templates/templates-page.tsx'), 'TemplatesPage'),
  page('/templates/new', () => import('./pages/templates/template-editor-page.tsx'), 'TemplateEditorPage'),
  page(
    '/templates/$templateId',
    () => import('./pages/templates/template-editor-page.tsx'),
    'TemplateEditorPage',
  ),
  page('/campaigns', () => import('./pages/campaigns/campaigns-page.tsx'), 'CampaignsPage'),
  page('/campaigns/new', () => import('./pages/campaigns/campaign-wizard-page.tsx'), 'CampaignWizardPage'),
  page('/campaigns/$campaignId', () => import('./pages/campaigns/campaign-page.tsx'), 'CampaignPage'),
  page('/journeys', () => import('./pages/journeys/journeys-page.tsx'), 'JourneysPage'),
  page('/journeys/new', () => import('./pages/journeys/journey-new-page.tsx'), 'JourneyNewPage'),
  page('/journeys/$journeyId', () => import('./pages/journeys/journey-page.tsx'), 'JourneyPage'),
  page(
    '/journeys/$journeyId/edit',
    () => import('./pages/journeys/journey-edit-page.tsx'),
    'JourneyEditPage',
  ),
  page('/scoring', () => import('./pages/scoring/scoring-page.tsx'), 'ScoringPage'),
  page('/storefronts', () => import('./pages/storefronts/storefronts-page.tsx'), 'StorefrontsPage'),
  page('/settings', () => import('./pages/settings/settings-page.tsx'), 'SettingsPage'),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
