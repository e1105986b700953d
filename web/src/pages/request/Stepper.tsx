import { lifecycleSteps, nextAction } from '@bds/core/progress';
import type { ServiceRequest } from '../../api';
import { t } from '../../i18n';

/**
 * Where the request stands: its stages as an ordered list, the current one marked for screen
 * readers (`aria-current="step"`), and the next step with who takes it, in plain words.
 */
export function Stepper({ request }: { request: ServiceRequest }) {
  const steps = lifecycleSteps(request);
  const next = nextAction(request.status);
  const { status } = request;
  const ended = status === 'completed' || status === 'cancelled' || status === 'unsuccessful' ? status : undefined;
  return (
    <section className="panel stepper" aria-labelledby="stepper-heading">
      <h2 id="stepper-heading">{t('stepper.heading')}</h2>
      <ol className="stepper-steps">
        {steps.map(({ stage, state }) => (
          <li key={stage} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-label">{t(`stepper.stage.${stage}` as const)}</span>
            <span className="visually-hidden">{t(`stepper.state.${state}` as const)}</span>
          </li>
        ))}
      </ol>
      <p className="stepper-next">
        {next ? t(`stepper.next.${next.action}` as const) : ended ? t(`stepper.ended.${ended}` as const) : null}
      </p>
    </section>
  );
}
