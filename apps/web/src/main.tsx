import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/Providers.tsx';
import { preloadPage } from './app/pages.tsx';
import { router } from './app/router.tsx';
import { routeOf } from './app/routes.tsx';

dayjs.locale('zh-cn');

// The page's own code is fetched while the session is checked, not after.
const opening = routeOf(window.location.pathname);
if (opening) void preloadPage(opening.path);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
