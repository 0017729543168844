/** A status word in a coloured pill; the colour only repeats what the text says. */
export function StatusBadge(props: { readonly status: string; readonly label: string }) {
  return <span className={`badge badge-${props.status}`}>{props.label}</span>;
}
