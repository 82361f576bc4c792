/** A Chat Completions response asking for tool calls, as an OpenAI-compatible server sends it. */
export function openaiToolCallsResponse(calls: { id: string; name: string; args: unknown }[], model = 'gpt-test') {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1764331200,
      model,
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.args) } })),
          },
        },
      ],
      usage: { prompt_tokens: 900, completion_tokens: 40, total_tokens: 940 },
    },
  };
}
