import { ROLES, type Message, type Role } from '../../domain/types';
import { setRole } from './editor-actions';
import { useFocusRequest } from './use-focus-request';

const TINT: Record<Role, string> = {
  system: 'text-warn',
  developer: 'text-warn',
  user: 'text-fg',
  assistant: 'text-accent',
  tool: 'text-muted',
};

/** The role of a message, shown as its label and changed in place. */
export function RoleSelect({ message, disabled }: { message: Message; disabled: boolean }) {
  const ref = useFocusRequest<HTMLSelectElement>(message.id, 'role-select', disabled);
  return (
    <select
      ref={ref}
      data-testid="message-role-select"
      aria-label="Role"
      value={message.role}
      disabled={disabled}
      onChange={(e) => void setRole(message, e.target.value as Role)}
      className={`-ml-1 h-6 cursor-pointer appearance-none rounded border border-transparent bg-transparent px-1 pr-4 text-[12px] font-semibold uppercase tracking-wide hover:border-line hover:bg-sunken focus-visible:outline-2 focus-visible:outline-accent disabled:cursor-default ${TINT[message.role]}`}
      style={{
        backgroundImage:
          'linear-gradient(45deg, transparent 50%, currentColor 50%), linear-gradient(135deg, currentColor 50%, transparent 50%)',
        backgroundPosition: 'right 7px center, right 4px center',
        backgroundSize: '3px 3px, 3px 3px',
        backgroundRepeat: 'no-repeat',
      }}
    >
      {ROLES.map((r) => (
        <option key={r} value={r} className="text-fg normal-case">
          {r}
        </option>
      ))}
    </select>
  );
}

/** Alt+R: the next role in the list (used by the keyboard shortcut). */
export function nextRoleOf(role: Role): Role {
  return ROLES[(ROLES.indexOf(role) + 1) % ROLES.length]!;
}
