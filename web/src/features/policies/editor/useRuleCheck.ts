/**
 * The live check behind the editor: 400 ms after the rule (or the household to try it on)
 * stops changing, the server checks it and, given a household, evaluates it there. Answers
 * to older requests are dropped, so a slow answer never overwrites a newer one.
 */
import { useEffect, useRef, useState } from 'react';
import { checkRule, type CheckResult, type RuleCheck } from '../policies.api';

export interface RuleCheckState {
  result: CheckResult | null;
  checking: boolean;
  error: Error | null;
}

const DEBOUNCE_MS = 400;

export function useRuleCheck(request: RuleCheck | null): RuleCheckState {
  const [state, setState] = useState<RuleCheckState>({ result: null, checking: false, error: null });
  const sequence = useRef(0);
  const key = request ? JSON.stringify(request) : '';

  useEffect(() => {
    if (!request) return;
    const mine = ++sequence.current;
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      checkRule(request)
        .then((result) => mine === sequence.current && setState({ result, checking: false, error: null }))
        .catch((error: Error) => mine === sequence.current && setState((s) => ({ ...s, checking: false, error })));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for the request's content: a new object with the same content is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state;
}
