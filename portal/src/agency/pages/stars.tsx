/** A rating or an average as stars (rounded to whole stars, for the eye only) beside its number, which is what is read out. */
export const Stars = ({ value, label }: { value: number; label: string }) => {
  const whole = Math.max(0, Math.min(5, Math.round(value)));
  return (
    <span class="stars-value">
      <span class="stars-drawn" aria-hidden="true">
        {'★'.repeat(whole)}
        <span class="stars-empty">{'☆'.repeat(5 - whole)}</span>
      </span>{' '}
      <span class="stars-number">{label}</span>
    </span>
  );
};
