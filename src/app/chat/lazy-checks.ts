import { lazy } from 'react';

// Structured output checks and their validator load only when a reply asked for JSON or tools.
export const LazyReplySchemaCheck = lazy(() => import('./OutputChecks').then((m) => ({ default: m.ReplySchemaCheck })));
export const LazyToolArgumentsCheck = lazy(() => import('./OutputChecks').then((m) => ({ default: m.ToolArgumentsCheck })));
