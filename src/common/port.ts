/**
 * A contract that one feature declares and another feature, one that depends on it,
 * fills in when its module starts: how a used feature reaches code of a feature that
 * uses it without an import cycle. Read it only after the application started; the
 * declaring feature checks at bootstrap that it was filled in, so a missing module fails
 * the start instead of silently dropping what the contract adds.
 */
export class Port<T> {
  private implementation?: T;

  /** `provider` names who fills it in, for the message when nobody did. */
  constructor(
    private readonly name: string,
    private readonly provider: string,
  ) {}

  provide(implementation: T): void {
    if (this.implementation && this.implementation !== implementation) {
      throw new Error(`${this.name} is provided twice`);
    }
    this.implementation = implementation;
  }

  get(): T {
    if (!this.implementation) {
      throw new Error(
        `${this.name} was never provided: the application must import ${this.provider}`,
      );
    }
    return this.implementation;
  }

  /** Throws, naming the missing module, unless it was provided. */
  assertProvided(): void {
    this.get();
  }
}
