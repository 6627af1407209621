import { Port } from './port';

describe('Port', () => {
  it('refuses to be read before it was provided, naming the module to import', () => {
    const port = new Port<{ answer(): number }>('AnswerSource', 'AnswersModule');
    expect(() => port.assertProvided()).toThrow(
      'AnswerSource was never provided: the application must import AnswersModule',
    );
  });

  it('answers with what was provided', () => {
    const port = new Port<{ answer(): number }>('AnswerSource', 'AnswersModule');
    const source = { answer: () => 42 };
    port.provide(source);
    expect(port.get().answer()).toBe(42);
  });

  it('refuses a second, different provider', () => {
    const port = new Port<{ answer(): number }>('AnswerSource', 'AnswersModule');
    port.provide({ answer: () => 1 });
    expect(() => port.provide({ answer: () => 2 })).toThrow('AnswerSource is provided twice');
  });
});
