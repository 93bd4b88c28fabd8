import { setupAction } from './setup_action';

describe('setupAction', () => {
  it('offers install, upgrade or a forced reinstall', () => {
    expect(setupAction('not_installed')).toEqual({ label: 'Install', request: {} });
    expect(setupAction(undefined).label).toBe('Install');
    expect(setupAction('outdated').label).toBe('Upgrade');
    expect(setupAction('partial').label).toBe('Upgrade');
    expect(setupAction('installed')).toEqual({ label: 'Reinstall', request: { force: true } });
  });
});
