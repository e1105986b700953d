import { useEffect, useState, type FormEvent } from 'react';
import { useApi, type MilestoneMoney, type Rating, type ServiceRequest } from '../../../api';
import { ErrorSummary, SelectInput, SubmitButton, SuccessNotice, TextArea } from '../../../components';
import { formatDateTime } from '../../../format';
import { scoped, useForm, type Placed } from '../../../hooks';
import { t } from '../../../i18n';

const STARS = ['5', '4', '3', '2', '1'] as const;

function RateForm({ request, index, onRated }: { request: ServiceRequest; index: number; onRated(r: Rating): void }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [stars, setStars] = useState('');
  const [comment, setComment] = useState('');
  const prefix = `m${index}-rating`;
  const ids = { stars: `${prefix}.stars`, comment: `${prefix}.comment` };
  const form = useForm(Object.values(ids));
  const check = (): Placed => ({
    ...(stars ? {} : { [ids.stars]: [t('rating.starsRequired')] }),
    ...(comment.trim() ? {} : { [ids.comment]: [t('rating.commentRequired')] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(check, async () => {
      const rating = await scoped(
        prefix,
        api.rateMilestone(request.clusterId, request.id, index, Number(stars), comment.trim()),
      );
      onRated(rating);
    });
  };
  if (!open)
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {t('rating.open')}
      </button>
    );
  const headingId = `${prefix}-heading`;
  return (
    <form className="confirm confirm-plain" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h5 className="notice-title" id={headingId}>
        {t('rating.formHeading')}
      </h5>
      <ErrorSummary items={form.summary} />
      <SelectInput
        id={ids.stars}
        label={t('rating.starsLabel')}
        value={stars}
        onValue={setStars}
        placeholder={t('rating.starsPlaceholder')}
        options={STARS.map((s) => ({ value: s, label: t(`rating.star.${s}`) }))}
        errors={form.errors[ids.stars]}
      />
      <TextArea
        id={ids.comment}
        label={t('rating.comment')}
        hint={t('rating.commentHint')}
        value={comment}
        onValue={setComment}
        rows={3}
        errors={form.errors[ids.comment]}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} label={t('rating.submit')} busyLabel={t('rating.saving')} />
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('confirm.back')}
        </button>
      </div>
    </form>
  );
}

function AnswerForm({
  request,
  rating,
  onAnswered,
}: {
  request: ServiceRequest;
  rating: Rating;
  onAnswered(r: Rating): void;
}) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const prefix = `m${rating.milestoneIndex}-answer`;
  const ids = { text: `${prefix}.text` };
  const form = useForm(Object.values(ids));
  const check = (): Placed => (text.trim() ? {} : { [ids.text]: [t('rating.answerRequired')] });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(check, async () => {
      const next = await scoped(
        prefix,
        api.answerRating(request.clusterId, request.id, rating.milestoneIndex, rating.raterId, text.trim()),
      );
      onAnswered(next);
    });
  };
  if (!open)
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {t('rating.answerOpen')}
      </button>
    );
  return (
    <form className="confirm confirm-plain" onSubmit={submit} noValidate aria-label={t('rating.answerLabel')}>
      <ErrorSummary items={form.summary} />
      <TextArea
        id={ids.text}
        label={t('rating.answerLabel')}
        hint={t('rating.answerHint')}
        value={text}
        onValue={setText}
        rows={3}
        errors={form.errors[ids.text]}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} label={t('rating.answerSubmit')} busyLabel={t('rating.saving')} />
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('confirm.back')}
        </button>
      </div>
    </form>
  );
}

/**
 * A paid milestone's rating: the lead association rates it once; everyone who reads the award's
 * money sees the stars and the comment; the awarded provider answers once.
 */
export function MilestoneRating({
  request,
  milestone: m,
  roles,
  rating,
  onChanged,
}: {
  request: ServiceRequest;
  milestone: MilestoneMoney;
  roles: { lead: boolean; provider: boolean };
  rating: Rating | undefined;
  onChanged(r: Rating): void;
}) {
  const [justRated, setJustRated] = useState(false);
  const paid = m.status === 'accepted' || (m.status === 'resolved' && m.resolution?.outcome !== 'void');
  if (!paid) return null;
  if (!rating)
    return roles.lead ? (
      <RateForm
        request={request}
        index={m.index}
        onRated={(r) => {
          setJustRated(true);
          onChanged(r);
        }}
      />
    ) : null;
  return (
    <div className="milestone-note rating" aria-label={t('rating.heading')}>
      {justRated && <SuccessNotice title={t('rating.done')} />}
      <p>
        <strong>{t('rating.stars', { stars: rating.stars })}</strong>
        {t('common.separator')}
        <span className="prose">{rating.comment}</span>
      </p>
      <p className="hint">{t('rating.by', { at: formatDateTime(rating.at) })}</p>
      {rating.answer && (
        <p className="prose">
          {t('rating.answer', { at: formatDateTime(rating.answer.at), text: rating.answer.text })}
        </p>
      )}
      {roles.provider && !rating.answer && <AnswerForm request={request} rating={rating} onAnswered={onChanged} />}
    </div>
  );
}

/**
 * The award's ratings by milestone, read once some milestone has paid (before that there is
 * nothing to rate); `record` keeps a rating or an answer just sent without reading again.
 */
export function useRatings(request: ServiceRequest, milestones: readonly MilestoneMoney[] | undefined) {
  const api = useApi();
  const [ratings, setRatings] = useState<ReadonlyMap<number, Rating>>(new Map());
  const paid = (milestones ?? []).filter((m) => m.status === 'accepted' || m.status === 'resolved').length;
  useEffect(() => {
    if (paid === 0) return undefined;
    const controller = new AbortController();
    api.listRequestRatings(request.clusterId, request.id, controller.signal).then(
      (list) => !controller.signal.aborted && setRatings(new Map(list.items.map((r) => [r.milestoneIndex, r]))),
      () => undefined,
    );
    return () => controller.abort();
  }, [api, request.clusterId, request.id, paid]);
  const record = (r: Rating) => setRatings((all) => new Map(all).set(r.milestoneIndex, r));
  return { ratings, record };
}
