/** A page's title and its main actions. */
import type { ReactNode } from 'react';

export function PageHeader(props: { readonly title: string; readonly children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{props.title}</h1>
      {props.children && <div className="actions">{props.children}</div>}
    </div>
  );
}
