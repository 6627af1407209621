import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'member', 'factory_manager'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: taken from the verified bearer token and the user's current row. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  /** Set for factory managers only: the one factory they may see. */
  factoryId: string | null;
  email: string;
  name: string;
  locale: string | null;
  /**
   * The organization's timezone, when the auth guard loaded it with the user: services
   * take today's date from it instead of reading the organization again. Absent (an actor
   * built by hand, a worker's system actor), they read the organization.
   */
  timezone?: string;
}

export const IS_PUBLIC = 'certpact:public';
/** The route needs no bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES_KEY = 'certpact:roles';
/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Trader staff only: factory managers get 403. */
export const TraderStaff = () => Roles('admin', 'member');

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});

export function isTraderStaff(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'member';
}
