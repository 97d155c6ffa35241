import { Link, type LinkProps } from 'react-router';
import styles from './button.module.css';

export interface ButtonLinkProps extends LinkProps {
  variant?: 'primary' | 'secondary' | 'ghost';
}

/** A link that navigates, dressed as a button. */
export function ButtonLink({ variant = 'primary', className, ...rest }: ButtonLinkProps) {
  return <Link {...rest} className={[styles.button, styles[variant], styles.link, className ?? ''].join(' ')} />;
}
