import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { NotFound } from '../layout/NotFound.tsx';
import { RouteGuard } from '../layout/RouteGuard.tsx';
import { pages } from './pages.tsx';
import { appRoutes } from './routes.tsx';

function toRouteObject(route: (typeof appRoutes)[number]): RouteObject {
  return { path: route.path, element: <RouteGuard route={route} page={pages[route.path]} /> };
}

export const router = createBrowserRouter([
  ...appRoutes.filter((route) => route.access === 'public').map(toRouteObject),
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      ...appRoutes.filter((route) => route.access !== 'public').map(toRouteObject),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
