import { Injectable } from '@nestjs/common';

/** The one place that reads the wall clock, so tests can move time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
