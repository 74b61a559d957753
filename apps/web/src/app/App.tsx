import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { SessionProvider, useSession } from '../lib/session';
import { Loading } from '../lib/ui';
import { type AppRoute, appRoutes } from './routes';
import { Forbidden, NotFound, Shell } from './Shell';

const pages = new Map(appRoutes.map((r) => [r.path, lazy(() => r.load().then((c) => ({ default: c })))]));

function RoutePage({ route }: { route: AppRoute }) {
  const { can } = useSession();
  if (route.permission && !can(route.permission)) return <Forbidden />;
  const Page = pages.get(route.path)!;
  return (
    <Suspense fallback={<Loading />}>
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
