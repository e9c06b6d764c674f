// The console's navigation: the pages marked `inNav`, the current one marked for screen readers
// and by an underline (not by colour alone). Hidden on a kiosk wall.
import type { RouteDef } from './route-def';
import { routeHref } from './router';

export function NavBar({ routes, current }: { routes: readonly RouteDef[]; current: string }) {
  return (
    <nav className="nav" aria-label="Pages">
      {routes
        .filter((route) => route.inNav)
        .map((route) => (
          <a
            key={route.path}
            className="nav__link"
            href={routeHref(route.path)}
            aria-current={route.path === current ? 'page' : undefined}
          >
            {route.title}
          </a>
        ))}
    </nav>
  );
}
