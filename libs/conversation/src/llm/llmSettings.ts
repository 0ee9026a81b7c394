/** Where the optional language model lives. Off unless `QFZZ_LLM_URL` is set. */
export interface LlmSettings {
  /** Base URL of an OpenAI-compatible API (`https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`), or its full `/chat/completions` URL. */
  url: string;
  model: string;
  apiKey?: string;
  /** For the whole reply, tool rounds included (default 8 s); past it the embedded phrasing answers. */
  timeoutMs: number;
}

export function readLlmSettings(env: NodeJS.ProcessEnv = process.env): LlmSettings | undefined {
  const url = env.QFZZ_LLM_URL?.trim();
  if (!url) return undefined;
  const model = env.QFZZ_LLM_MODEL?.trim();
  if (!model)
    throw new Error('QFZZ_LLM_MODEL is required when QFZZ_LLM_URL is set (e.g. QFZZ_LLM_MODEL=gpt-4o-mini)');
  const timeoutMs = Number(env.QFZZ_LLM_TIMEOUT_MS || 8000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100)
    throw new Error('QFZZ_LLM_TIMEOUT_MS must be a whole number >= 100');
  return { url, model, ...(env.QFZZ_LLM_API_KEY ? { apiKey: env.QFZZ_LLM_API_KEY } : {}), timeoutMs };
}

/** The chat-completions endpoint for a base URL (or the URL itself when it already is one). */
export function chatCompletionsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`;
}
