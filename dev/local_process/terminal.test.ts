import { colorEnabled, styler } from './terminal';

const ESCAPE = '\u001b';

describe('colorEnabled', () => {
  it.each([
    ['a terminal', { isTTY: true }, {}, true],
    ['a pipe', { isTTY: false }, {}, false],
    ['a stream that says nothing', {}, {}, false],
    ['a terminal with NO_COLOR', { isTTY: true }, { NO_COLOR: '1' }, false],
    ['a terminal with an empty NO_COLOR', { isTTY: true }, { NO_COLOR: '' }, true],
    ['a dumb terminal', { isTTY: true }, { TERM: 'dumb' }, false],
    ['a pipe with FORCE_COLOR', { isTTY: false }, { FORCE_COLOR: '1' }, true],
    ['a terminal with FORCE_COLOR=0', { isTTY: true }, { FORCE_COLOR: '0' }, false],
    ['NO_COLOR over FORCE_COLOR', { isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ])('%s: %p', (_what, stream, env, expected) => {
    expect(colorEnabled(stream, env as NodeJS.ProcessEnv)).toBe(expected);
  });
});

describe('styler', () => {
  it('writes plain text where colour is off', () => {
    const plain = styler({ isTTY: false }, {});
    expect(plain.bold('[1] Starting')).toBe('[1] Starting');
    expect(plain.dim('x')).toBe('x');
    expect(styler({ isTTY: true }, { NO_COLOR: 'yes' }).bold('a')).not.toContain(ESCAPE);
  });

  it('styles text on a terminal', () => {
    expect(styler({ isTTY: true }, {}).bold('a')).toBe(`${ESCAPE}[1ma${ESCAPE}[22m`);
  });
});
