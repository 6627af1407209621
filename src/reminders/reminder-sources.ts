import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import {
  REMINDER_SOURCE,
  ReminderSourceHandler,
  SCAN_STEP,
  ScanStepHandler,
} from './reminder-source';

/** Every provider decorated @ReminderSource() or @ScanStep(), found once at start. */
@Injectable()
export class ReminderSources implements OnModuleInit {
  private handlers: ReminderSourceHandler[] = [];
  private byKind = new Map<string, ReminderSourceHandler>();
  private stateSteps: ScanStepHandler[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = new Set<ReminderSourceHandler>();
    const steps = new Map<ScanStepHandler, number>();
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (!type || typeof type !== 'function' || !wrapper.instance) continue;
      const order = this.reflector.get<number | undefined>(SCAN_STEP, type);
      if (order !== undefined) steps.set(wrapper.instance as ScanStepHandler, order);
      if (!this.reflector.get<boolean>(REMINDER_SOURCE, type)) continue;
      found.add(wrapper.instance as ReminderSourceHandler);
    }
    this.handlers = [...found];
    this.stateSteps = [...steps.entries()].sort((a, b) => a[1] - b[1]).map(([step]) => step);
    this.byKind = new Map();
    for (const handler of this.handlers) {
      for (const kind of handler.kinds) {
        if (this.byKind.has(kind)) throw new Error(`Two reminder sources produce the kind ${kind}`);
        this.byKind.set(kind, handler);
      }
    }
  }

  /** The state-change steps, in the order they run. */
  steps(): readonly ScanStepHandler[] {
    return this.stateSteps;
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
