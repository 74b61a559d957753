import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, matchPath, Navigate, RouterProvider } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { SessionProvider, useSession } from '../lib/session';
import { Loading } from '../lib/ui';
import { type AppRoute, appRoutes } from './routes';
import { Forbidden, NotFound, Shell } from './Shell';

/** Each screen's code is fetched once, whoever asks first (the prefetch below or the route). */
const loads = new Map<string, Promise<ComponentType>>();
const loadPage = (r: AppRoute) => {
  const known = loads.get(r.path);
  if (known) return known;
  const page = r.load();
  loads.set(r.path, page);
  return page;
};
const pages = new Map(appRoutes.map((r) => [r.path, lazy(() => loadPage(r).then((c) => ({ default: c })))]));

// A cold load of a screen's address fetches that screen's code at once, alongside "who is signed in?", rather than
// after it (issue 12: each round trip counts on a commune's mobile connection). A failure shows where the page would.
const opening = appRoutes.find((r) => matchPath(`/${r.path}`, window.location.pathname));
if (opening) loadPage(opening).catch(() => {});

function RoutePage({ route }: { route: AppRoute }) {
  const { can } = useSession();
  const { t } = useTranslation();
  if (route.permission && !can(route.permission)) return <Forbidden />;
  const Page = pages.get(route.path)!;
  return (
    <Suspense fallback={<Loading label={t('wait.screen')} />}>
      <Page />
    </Suspense>
  );
}

/** The start page: the first screen in the menu the user may see. */
function Start() {
  const { can } = useSession();
  const first = appRoutes.find((r) => r.inNav !== false && (!r.permission || can(r.permission)));
  return <Navigate to={`/${(first ?? appRoutes.at(-1)!).path.replace('/*', '')}`} replace />;
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Start /> },
      ...appRoutes.map((r) => ({ path: r.path, element: <RoutePage route={r} /> })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
