import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { Actor, IS_PUBLIC, Role, ROLES_KEY } from '../common/actor';
import { DomainError } from '../common/errors';
import { ReportCache } from '../database/report-cache';
import { UsersService } from '../users/users.service';

export interface TokenPayload {
  sub: string;
  org: string;
  /** The user's tokenVersion when the token was signed. */
  ver: number;
}

/** Routes without @Roles are for trader staff; factory managers reach only what names them. */
const DEFAULT_ROLES: Role[] = ['admin', 'member'];

/**
 * Global guard: a valid bearer token of a user who still exists, then the route's roles.
 * The user is kept in memory only while nothing was written since it was read
 * (ReportCache), so that a removed or deactivated person, or a session ended by a
 * password change, loses access at once, in every process.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly answers: ReportCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthenticated('A bearer token is required (Authorization: Bearer <token>)');

    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync<object>(token);
    } catch {
      throw unauthenticated('The bearer token is invalid or has expired');
    }
    // A token signed by us always carries both; one without them was not, or is from
    // before they existed, and must not reach a query with an undefined organization.
    if (!isTokenPayload(payload))
      throw unauthenticated('The bearer token is invalid or has expired');
    const { sub, org, ver } = payload;
    const actor = await this.answers.get(`actor:${org}:${sub}:${ver}`, () =>
      this.users.findActor(sub, org, ver),
    );
    if (!actor) throw unauthenticated('The bearer token is invalid or has expired');
    request.actor = actor;

    const roles =
      this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? DEFAULT_ROLES;
    if (!roles.includes(actor.role)) {
      throw new DomainError(
        'forbidden',
        'AUTH.FORBIDDEN',
        `This action needs the role ${roles.join(' or ')}`,
      );
    }
    return true;
  }
}

function isTokenPayload(payload: unknown): payload is TokenPayload {
  if (typeof payload !== 'object' || payload === null) return false;
  const { sub, org, ver } = payload as Record<string, unknown>;
  return (
    typeof sub === 'string' &&
    sub !== '' &&
    typeof org === 'string' &&
    org !== '' &&
    Number.isInteger(ver)
  );
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

function unauthenticated(message: string): DomainError {
  return new DomainError('unauthenticated', 'AUTH.UNAUTHENTICATED', message);
}
