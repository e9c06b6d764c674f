// Operator views (alarms, outage log, endpoint detail, line, KPIs, handover, config), registered
// with the app's router.
import type { RouteDef } from '../../app/route-def';

export const operatorRoutes: RouteDef[] = [];
