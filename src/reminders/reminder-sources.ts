import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { REMINDER_SOURCE, ReminderSourceHandler } from './reminder-source';

/** Every provider decorated @ReminderSource(), found once at start. */
@Injectable()
export class ReminderSources implements OnModuleInit {
  private handlers: ReminderSourceHandler[] = [];
  private byKind = new Map<string, ReminderSourceHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = new Set<ReminderSourceHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (!type || typeof type !== 'function' || !wrapper.instance) continue;
      if (!this.reflector.get<boolean>(REMINDER_SOURCE, type)) continue;
      found.add(wrapper.instance as ReminderSourceHandler);
    }
    this.handlers = [...found];
    this.byKind = new Map();
    for (const handler of this.handlers) {
      for (const kind of handler.kinds) {
        if (this.byKind.has(kind)) throw new Error(`Two reminder sources produce the kind ${kind}`);
        this.byKind.set(kind, handler);
      }
    }
  }

  all(): readonly ReminderSourceHandler[] {
    return this.handlers;
  }

  forKind(kind: string): ReminderSourceHandler | undefined {
    return this.byKind.get(kind);
  }

  kinds(): string[] {
    return [...this.byKind.keys()].sort();
  }
}
