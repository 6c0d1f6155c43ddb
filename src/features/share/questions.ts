/**
 * Questions an import asks before it writes (a conversation id already taken, another endpoint):
 * the import awaits `ask()`, and the one `QuestionDialog` (mounted by the app through
 * `ShareLinkGate`) shows the question and answers it. Closing it answers null: nothing happens.
 */
import { create } from 'zustand';

export interface Question<T extends string> {
  title: string;
  text: string;
  /** One line each, listed under the text (the conversations concerned, …). */
  details?: string[];
  choices: { value: T; label: string; primary?: boolean }[];
}

interface Pending {
  question: Question<string>;
  answer: (value: string | null) => void;
}

export const useQuestionStore = create<{ pending: Pending | null }>()(() => ({ pending: null }));

export function ask<T extends string>(question: Question<T>): Promise<T | null> {
  return new Promise((resolve) => {
    // A question still open when another comes is answered "cancel": one question at a time.
    useQuestionStore.getState().pending?.answer(null);
    const answer = (value: string | null) => {
      if (useQuestionStore.getState().pending?.answer === answer) useQuestionStore.setState({ pending: null });
      resolve(value as T | null);
    };
    useQuestionStore.setState({ pending: { question, answer } });
  });
}
