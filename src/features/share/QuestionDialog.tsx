import { Button } from '../../components/ui/Button';
import { Dialog } from './Dialog';
import { useQuestionStore } from './questions';

/** The question an import is waiting on, if any (see questions.ts). */
export function QuestionDialog() {
  const pending = useQuestionStore((s) => s.pending);
  if (!pending) return null;
  const { question, answer } = pending;
  return (
    <Dialog title={question.title} label={question.title} onClose={() => answer(null)}>
      <div data-testid="import-question" className="space-y-3 text-[12.5px]">
        <p className="text-muted">{question.text}</p>
        {question.details && question.details.length > 0 ? (
          <ul className="list-inside list-disc rounded-md border border-line bg-sunken px-3 py-2 text-fg">
            {question.details.map((d, i) => (
              <li key={i} className="truncate">
                {d}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={() => answer(null)}>Cancel</Button>
          {question.choices.map((c) => (
            <Button key={c.value} variant={c.primary ? 'primary' : 'secondary'} onClick={() => answer(c.value)}>
              {c.label}
            </Button>
          ))}
        </div>
      </div>
    </Dialog>
  );
}
